"""The one rule for termijnen (docs/ontwikkelaars/ontwerp.md, Termijnen): the worked examples,
and for every end date and termijn that the agenda's last day to give notice is exactly the
last day an opzegging accepts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracten.rekenen.termijnregel import (
    laatste_dag,
    met_ingang_van,
    op_tijd,
    uiterste_ontvangst,
)

D = dt.date


@pytest.mark.parametrize(("ontvangen", "maanden", "laatste"), [
    (D(2027, 1, 1), 6, D(2027, 7, 1)),
    (D(2029, 6, 30), 6, D(2029, 12, 31)),  # received on a month's last day: its last day
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 2, 28), 6, D(2027, 8, 31)),  # 28 February 2027 is February's last day
    (D(2028, 2, 28), 6, D(2028, 8, 28)),  # … in a leap year it is not
    (D(2028, 2, 29), 6, D(2028, 8, 31)),
    (D(2027, 8, 30), 6, D(2028, 2, 29)),  # no 30 February: the month's last day
    (D(2026, 3, 15), 0, D(2026, 3, 15)),
])
def test_de_voorbeelden_van_de_regel(ontvangen, maanden, laatste):
    assert laatste_dag(ontvangen, maanden) == laatste
    assert met_ingang_van(laatste) == laatste + dt.timedelta(days=1)


@given(tegen=st.dates(D(2024, 1, 1), D(2040, 12, 31)), maanden=st.integers(0, 36))
def test_uiterste_dag_is_precies_de_laatste_die_op_tijd_is(tegen, maanden):
    uiterste = uiterste_ontvangst(tegen, maanden)
    assert op_tijd(uiterste, maanden, tegen)
    assert not op_tijd(uiterste + dt.timedelta(days=1), maanden, tegen)


@given(ontvangen=st.dates(D(2024, 1, 1), D(2040, 12, 31)), maanden=st.integers(0, 36))
def test_een_dag_later_ontvangen_eindigt_nooit_eerder(ontvangen, maanden):
    """The rule is monotone: what `uiterste_ontvangst` relies on."""
    assert laatste_dag(ontvangen + dt.timedelta(days=1), maanden) >= \
        laatste_dag(ontvangen, maanden)


def test_elke_einddatum_van_elke_maand_ook_in_schrikkeljaren():
    """Exhaustively for the ends of every month of 2027 and 2028 and a termijn of 1 to 12."""
    for jaar in (2027, 2028):
        for maand in range(1, 13):
            eind = D(jaar, maand, 1)
            while eind.month == maand:
                for n in range(1, 13):
                    u = uiterste_ontvangst(eind, n)
                    assert laatste_dag(u, n) <= eind < laatste_dag(u + dt.timedelta(days=1), n)
                eind += dt.timedelta(days=1)


def test_de_agenda_en_de_opzegging_rekenen_met_dezelfde_regel(tmp_path):
    """The agenda's last day to give notice against the end of the looptijd is exactly the last
    day of receipt `opzegging --tegen` accepts; a day later it is refused, naming that day."""
    import contracten
    from contracten.rekenen.termijnen import termijnen

    from .conftest import REGIOS

    assen = contracten.laad_regio(REGIOS, "assen")
    termijn = next(t for t in termijnen(assen, {}) if t.soort == "opzeggen-opdrachtnemer")
    einde = next(t for t in termijnen(assen, {}) if t.soort == "einde").datum
    uitkomst = contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=termijn.datum,
                                    tegen=einde, briefdatum=termijn.datum,
                                    uitvoer=tmp_path / "op-tijd")
    assert uitkomst.schema.einde_overeenkomst == einde
    assert uitkomst.schema.met_ingang_van == einde + dt.timedelta(days=1)
    te_laat = termijn.datum + dt.timedelta(days=1)
    with pytest.raises(contracten.InvoerFout) as fout:
        contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=te_laat, tegen=einde,
                             briefdatum=te_laat, uitvoer=tmp_path / "te-laat")
    melding = fout.value.meldingen[0]
    assert (melding.veld, melding.code) == ("tegen", "opzegtermijn_te_kort")
    assert f"moest zij uiterlijk {termijn.datum.isoformat()} binnen zijn" in melding.bericht
    assert not (tmp_path / "te-laat").exists()
