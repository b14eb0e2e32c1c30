from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
REGIOS = ROOT / "regios"
BRONNEN = ROOT.parent / "shared" / "bronnen"


@dataclass
class Uitkomst:
    code: int
    stdout: str
    stderr: str


def voer_uit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Uitkomst:
    """Run the installed CLI as a user would, in a separate process."""
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    omgeving.update(env or {})
    proces = subprocess.run([sys.executable, "-m", "contracten", *args], cwd=cwd or ROOT,
                            env=omgeving, capture_output=True, text=True, timeout=300)
    return Uitkomst(proces.returncode, proces.stdout, proces.stderr)


@pytest.fixture
def regios(tmp_path: Path) -> Path:
    """A private copy of the shipped profiles, safe to break."""
    doel = tmp_path / "regios"
    shutil.copytree(REGIOS, doel)
    return doel


def wijzig_yaml(pad: Path, wijziging) -> None:
    """Load, change in Python, write back (for tests that break one field)."""
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijziging(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
