"""Start-up: the command line imports only what a command needs. `import contracten`, the
command line's own modules and `contracten --help` import no pydantic (the profile models), no
article library and no document kinds; those come with the command that uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZWAAR = ("pydantic", "contracten.profiel.model", "contracten.soorten.register", "docxtpl",
         "contracten.artikelen.laden", "stdnum")


def _modules(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code` (with the checkout first
    on the path, as the tests run it)."""
    meten = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    omgeving = {**os.environ,
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    uit = subprocess.run([sys.executable, "-c", meten], capture_output=True, text=True,
                         check=True, env=omgeving, cwd=ROOT)
    return set(json.loads(uit.stdout.strip().splitlines()[-1]))


def _zwaar(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == z or m.startswith(f"{z}.") for z in ZWAAR))


@pytest.mark.parametrize("code", [
    "import contracten",
    "import contracten.cli",
    # --help prints and exits (SystemExit 0); the modules are listed after it.
    "import contextlib, io\nfrom contracten.cli import main\n"
    "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
    "    main(['--help'], prog_name='contracten')",
])
def test_opstarten_importeert_geen_modellen(code: str) -> None:
    assert _zwaar(_modules(code)) == []


def test_help_van_genereer_noemt_de_documentsoorten_pas_bij_het_tonen() -> None:
    """The kinds in `genereer --help` are still listed (looked up when the help is shown)."""
    from click.testing import CliRunner

    from contracten.cli import main
    hulp = " ".join(CliRunner().invoke(main, ["genereer", "--help"]).output.split())
    assert "Alleen deze documentsoort (programma" in hulp
    assert "overeenkomst, indexatiebrief, tariefaddendum" in hulp
    assert "{soorten}" not in hulp


def test_een_onbekende_documentsoort_wordt_geweigerd(regios: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from contracten.cli import main
    uitkomst = CliRunner().invoke(main, ["--regios", str(regios), "genereer", "assen",
                                         "--document", "bestaatniet", "--uitvoer",
                                         str(tmp_path)])
    assert uitkomst.exit_code == 2
    assert "bestaatniet" in uitkomst.output
    assert "overeenkomst" in uitkomst.output


def test_de_opdrachtregel_laadt_wat_alleen_web_nodig_heeft_pas_bij_web() -> None:
    """`secrets` (with hmac) serves only `contracten web`: every other command, the unchanged
    rerun included, starts without it."""
    modules = _modules("import contracten.cli")
    assert not {"secrets", "hmac"} & modules
