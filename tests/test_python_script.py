"""The example of the page "Vanuit Python" (docs/ontwikkelaars/python.md) works as people run
it: saved as a script without an `if __name__ == "__main__":` guard, and fed to `python -` on
standard input. A region big enough for the pool of worker processes, so the workers must start
without the caller's main module (contracten/pijplijn/starten.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REGIOS, ROOT

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="één processor: genereer "
                                "start dan geen werkprocessen, en daar gaat deze test over")


def _voorbeeld() -> str:
    pagina = (ROOT / "docs" / "ontwikkelaars" / "python.md").read_text(encoding="utf-8")
    return pagina.split("```python", 1)[1].split("```", 1)[0]


def _controleer(proces: subprocess.CompletedProcess[str], map_: Path) -> None:
    assert proces.returncode == 0, proces.stderr
    assert "BrokenProcessPool" not in proces.stderr
    # once: a worker that re-ran the script would have started a run of its own
    assert proces.stdout.count("bestanden geschreven in") == 1
    assert (map_ / "output/assen/2025/manifest.json").is_file()


@pytest.mark.parametrize("manier", ["script", "standaardinvoer"])
def test_het_voorbeeld_zonder_main_guard(tmp_path, manier):
    shutil.copytree(REGIOS, tmp_path / "regios")
    code = _voorbeeld()
    assert "__main__" not in code  # the page's example has no guard, as people write it
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    if manier == "script":
        (tmp_path / "voorbeeld.py").write_text(code, encoding="utf-8")
        proces = subprocess.run([sys.executable, "voorbeeld.py"], cwd=tmp_path, env=omgeving,
                                capture_output=True, text=True, timeout=300)
    else:
        proces = subprocess.run([sys.executable, "-"], input=code, cwd=tmp_path,
                                env=omgeving, capture_output=True, text=True, timeout=300)
    _controleer(proces, tmp_path)
