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


def _opdrachtmodules(code: str) -> set[str]:
    """The command modules of contracten.cli (not the group, options, catalogue or the
    program's end) loaded."""
    gedeeld = {"contracten.cli", "contracten.cli.einde", "contracten.cli.groep",
               "contracten.cli.klok", "contracten.cli.onderbreking", "contracten.cli.opties",
               "contracten.cli.snelstart", "contracten.cli.taal"}
    return {m for m in _modules(code) if m.startswith("contracten.cli.") and m not in gedeeld}


def _voer_uit(args: list[str]) -> str:
    return ("import contextlib, io\nfrom contracten.cli import main\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()), "
            "contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main({args!r}, prog_name='contracten')")


@pytest.mark.parametrize(("args", "modules"), [
    (["genereer", "--help"], {"contracten.cli.documenten"}),
    (["regios", "--help"], {"contracten.cli.beheer", "contracten.cli.goedkeuring"}),
    (["web", "--help"], {"contracten.cli.web", "contracten.cli.goedkeuring"}),
])
def test_een_opdracht_laadt_alleen_zijn_eigen_module(args: list[str], modules: set[str]
                                                     ) -> None:
    """`contracten genereer` imports the module of genereer (and what that imports), not
    those of the other commands: an unchanged rerun starts without them."""
    assert _opdrachtmodules("import contracten.cli") == set()
    assert _opdrachtmodules(_voer_uit(args)) == modules


def test_wie_alle_opdrachten_ziet_laadt_ze_alle() -> None:
    """--help lists every command, so loads every module; the map of commands to modules is
    complete, says where each is, and keeps the order an import of all modules gives."""
    import importlib

    from contracten.cli.groep import MODULES, main
    assert _opdrachtmodules(_voer_uit(["--help"])) == {
        f"contracten.cli.{m}" for m in MODULES.values()}
    assert list(main.commands) == list(MODULES)
    # In that order (mkdocs-click's), whichever command was loaded first.
    eerst = "import contracten.cli.documenten\nfrom contracten.cli import main\nlist(main.commands)"
    volgorde = [m for m in _modules(eerst) if m.startswith("contracten.cli.")]  # all loaded
    assert len(volgorde) > 4
    meten = f"{eerst}\nimport json\nprint(json.dumps(list(main.commands)))"
    omgeving = {**os.environ, "PYTHONPATH": str(ROOT)}
    uit = subprocess.run([sys.executable, "-c", meten], capture_output=True, text=True,
                         check=True, env=omgeving, cwd=ROOT)
    assert json.loads(uit.stdout) == list(MODULES)
    for naam, opdracht in main.commands.items():
        assert opdracht.callback is not None
        assert opdracht.callback.__module__ == f"contracten.cli.{MODULES[naam]}", naam
    # Importing every module of contracten.cli registers no command the map does not know.
    for pad in sorted((ROOT / "contracten" / "cli").glob("*.py")):
        importlib.import_module(f"contracten.cli.{pad.stem}")
    assert list(main.commands) == list(MODULES)


def test_een_verschreven_opdracht_krijgt_dezelfde_suggestie() -> None:
    """A command that does not exist: click's suggestions come from all commands, as before."""
    uit = subprocess.run([sys.executable, "-m", "contracten", "valideeer", "assen"],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert uit.returncode == 2
    assert "'valideeer'" in uit.stderr and "'valideer'" in uit.stderr


def test_de_hulp_van_een_opdracht_noemt_een_map_in_het_nederlands() -> None:
    """A command's module is imported after the console script chose Dutch, so click's names
    for a path are Dutch in its help (MAP, as the reference writes it; it said DIRECTORY when
    every command was made before that choice)."""
    uit = subprocess.run([sys.executable, "-m", "contracten", "genereer", "--help"],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert uit.returncode == 0
    assert "--uitvoer MAP" in uit.stdout and "DIRECTORY" not in uit.stdout


def test_markdown_zoekt_zijn_uitbreidingen_niet_tussen_alle_pakketten() -> None:
    """Markdown looks an extension given by name up among the entry points of every installed
    package (some 25 ms); the engine and the HTML version give them as objects. With that
    lookup made to fail, a Fragment's Markdown and the HTML of a twin are still made."""
    code = (
        "import markdown.util\n"
        "def _geen(): raise AssertionError('entry points van alle pakketten gelezen')\n"
        "markdown.util.get_installed_extensions = _geen\n"
        "from contracten.weergave.word import naar_html\n"
        "from contracten.weergave.htmlversie import markdown_als_html\n"
        "print(naar_html('1. een\\n2. twee\\n'))\n"
        "print(markdown_als_html('| a |\\n|---|\\n| 1 |\\n'))\n")
    omgeving = {**os.environ,
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=omgeving, cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    assert "<ol>\n<li>een</li>" in uit.stdout
    assert "<td>1</td>" in uit.stdout
