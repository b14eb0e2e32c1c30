"""What every run of genereer pays before its first document stays small: modules it does not
need are not loaded (the holiday calendar only when a date is looked at)."""

from __future__ import annotations

import datetime as dt

from .test_opstarten import _modules


def test_genereer_laadt_de_feestdagen_niet():
    modules = _modules("import contracten.pijplijn.draai, contracten.pijplijn.werk, "
                       "contracten.opdrachten.genereer, contracten.rekenen.opzegging")
    assert "contracten.rekenen.opzegging" in modules
    assert not any(m == "holidays" or m.startswith("holidays.") for m in modules)


def test_feestdagen_worden_nog_gemarkeerd():
    from contracten.rekenen.opzegging import markering

    assert markering(dt.date(2026, 12, 26)) == "tweede kerstdag"
    assert markering(dt.date(2026, 4, 27)) == "koningsdag"
    assert markering(dt.date(2026, 11, 28)) == "zaterdag"
    assert markering(dt.date(2026, 11, 23)) is None
