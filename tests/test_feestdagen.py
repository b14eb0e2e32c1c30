"""The Dutch public holidays are loaded without the library's other countries, with the same
result as `holidays.country_holidays("NL", ...)`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from contracten.rekenen import feestdagen
from contracten.rekenen.opzegging import markering

JAREN = range(2020, 2036)
ROOT = Path(__file__).resolve().parent.parent


def _als_lijst(kalender: holidays.HolidayBase) -> list[list[str]]:
    return sorted([d.isoformat(), str(naam)] for d, naam in kalender.items())


def _gewoon() -> list[list[str]]:
    """The holidays of JAREN the usual way, in a fresh process (nothing loaded before)."""
    code = ("import holidays, json; print(json.dumps(sorted([d.isoformat(), str(n)] "
            f"for j in range({JAREN.start}, {JAREN.stop}) for d, n in "
            "holidays.country_holidays('NL', years=j, language='nl').items())))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return json.loads(uit.stdout)


def test_zelfde_feestdagen_als_country_holidays() -> None:
    eigen = sorted(regel for jaar in JAREN for regel in _als_lijst(feestdagen.nederland(jaar)))
    assert eigen == _gewoon()
    assert ["2025-04-26", "Koningsdag"] in eigen  # 27 April 2025 is a Sunday: the day before


def test_laadt_geen_andere_landen() -> None:
    code = ("import sys, datetime as dt; from contracten.rekenen.opzegging import markering; "
            "print(markering(dt.date(2025, 12, 25)), markering(dt.date(2025, 12, 23))); "
            "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": os.pathsep.join(
                             [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])})
    eerste, tweede = uit.stdout.splitlines()
    assert eerste == "eerste kerstdag None"
    assert tweede == "['holidays.countries.netherlands']"  # not the other ~300 countries


def test_anders_ingedeelde_bibliotheek_gaat_de_gewone_weg(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delitem(sys.modules, feestdagen.MODULE, raising=False)
    monkeypatch.setattr(holidays, "__file__", str(tmp_path / "__init__.py"))  # no countries/
    gebruikt: list[str] = []
    echt = holidays.country_holidays

    def gewoon(land: str, **opties: object) -> holidays.HolidayBase:
        gebruikt.append(land)
        return echt(land, **opties)  # type: ignore[arg-type]

    monkeypatch.setattr(holidays, "country_holidays", gewoon)
    assert _als_lijst(feestdagen.nederland(2025)) == [
        r for r in _gewoon() if r[0].startswith("2025-")]
    assert gebruikt == ["NL"]


def test_markering_ongewijzigd() -> None:
    assert markering(dt.date(2026, 4, 27)) == "koningsdag"
    assert markering(dt.date(2026, 10, 31)) == "zaterdag"
    assert markering(dt.date(2026, 10, 30)) is None
