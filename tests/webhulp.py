"""What the web tests share: a generated example region, its app and a signed-in client."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import contracten
from contracten.web.app import maak_app
from contracten.web.instellingen import Instellingen

from .conftest import REGIOS

KLOK = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)  # the server's clock: 9:30 in Amsterdam


def werkmap(doel: Path) -> tuple[Path, Path]:
    """A copy of the example regions with Assen generated at prijspeil 2025 and, indexed,
    2026: two versions to compare."""
    regios = doel / "regios"
    shutil.copytree(REGIOS, regios)
    uitvoer = doel / "uitvoer"
    assen = contracten.laad_regio(regios, "assen")
    contracten.genereer(assen, uitvoer=uitvoer, datum=dt.date(2025, 11, 3))
    contracten.indexeer(assen, naar=2026, percentage=Decimal("3.5"), genereren=True,
                        datum=dt.date(2025, 11, 3), uitvoer=uitvoer)
    return regios, uitvoer


def app_voor(regios: Path, uitvoer: Path, database: Path, **opties):
    opties.setdefault("klok", lambda: KLOK)
    return maak_app(Instellingen(regios=regios, uitvoer=uitvoer, database=database,
                                 sessiesleutel="test",
                                 hosts=("testserver", "127.0.0.1", "localhost"), **opties))


def csrf(html: str) -> str:
    gevonden = re.search(r'name="csrf" value="([^"]+)"', html)
    assert gevonden, "geen CSRF-token op de pagina"
    return gevonden.group(1)


def versie(html: str, pad: str) -> str:
    """The sha256 of the version of `pad` that the approval page shows (its form sends it)."""
    gevonden = re.search(rf'name="pad" value="{re.escape(pad)}">\s*'
                         r'<input type="hidden" name="sha256" value="([0-9a-f]{64})"', html)
    assert gevonden, f"geen versie van {pad} op de pagina"
    return gevonden.group(1)
