from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from contracten.cli import main
from contracten.cli.taal import gebruik_nederlands

ROOT = Path(__file__).resolve().parent.parent
REGIOS = ROOT / "regios"
BRONNEN = ROOT.parent / "shared" / "bronnen"


@dataclass
class Uitkomst:
    code: int
    stdout: str
    stderr: str


def voer_uit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Uitkomst:
    """Run the command line in this process (click's CliRunner), with click's phrases in Dutch
    as the console script has them, in folder `cwd` (default: the checkout)."""
    omgeving: dict[str, str | None] = {"CONTRACTEN_REGIOS": None, **(env or {})}
    gebruik_nederlands()
    vorige = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        uit = CliRunner().invoke(main, list(args), env=omgeving, prog_name="contracten")
    finally:
        os.chdir(vorige)
    if uit.exception is not None and not isinstance(uit.exception, SystemExit):
        raise uit.exception
    return Uitkomst(uit.exit_code, uit.stdout, uit.stderr)


def voer_uit_als_proces(*args: str, cwd: Path | None = None,
                        env: dict[str, str] | None = None) -> Uitkomst:
    """Run the installed CLI as a user would, in a separate process: for what only a process
    shows (signals, concurrency, the console script itself)."""
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
