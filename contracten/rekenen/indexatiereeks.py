"""Indexation up to a new prijspeil, one year at a time: each year from the rounded amounts of
the year before, with that year's own figures, exactly as one `indexeer` per year would do. A
year without figures is refused (`vorig_prijspeil`): one index never spans several years.
Pure: no files, no clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contracten.fouten import InvoerFout, Melding
from contracten.profiel.indexatiecijfers import Cijfers
from contracten.profiel.model import Profiel
from contracten.rekenen.indexatie import (
    MAXIMUM,
    MINIMUM,
    Indexering,
    Wijziging,
    cijfers,
    indexeer,
    laatste_voor,
    vorig_bedrag,
    vorig_prijspeil,
)


@dataclass(frozen=True)
class Reeks:
    """The new prijspeilen, one per year (`stappen`), and the whole run as the letter of the
    last year shows it (`totaal`): from the prijspeil before the first year to the last."""

    stappen: list[Indexering]
    totaal: Indexering


def indexeer_reeks(profiel: Profiel, naar: int, per_jaar: dict[int, Cijfers],
                   datum: dt.date) -> Reeks:
    """Every year after the latest prijspeil up to `naar`, each with its figures in
    `per_jaar`; with more than one year, each record says where the run began (`reeks_van`)."""
    van = laatste_voor(profiel, naar)
    jaren = range(van + 1, naar + 1)
    if any(j not in per_jaar for j in jaren):
        vorig_prijspeil(profiel, naar)  # refuses the gap, naming the years and the rule
    huidig, stappen = profiel, []
    for jaar in jaren:
        gegeven = per_jaar[jaar]
        record = cijfers(huidig, ova=gegeven.ova, ppc=gegeven.ppc,
                         nacalculatie=gegeven.nacalculatie, percentage=gegeven.percentage,
                         van=jaar - 1, datum=datum)
        if jaar > van + 1:
            record = record.model_copy(update={"reeks_van": van})
        if not MINIMUM <= record.index <= MAXIMUM:
            waar = f" (jaar {jaar})" if len(jaren) > 1 else ""
            raise InvoerFout([Melding(gegeven.bron, gegeven.regel, "index",
                                      f"index {record.index} %{waar} ligt buiten {MINIMUM} … "
                                      f"{MAXIMUM} %", "index_buiten_bereik")])
        stap = indexeer(huidig, jaar, record)
        stappen.append(stap)
        huidig = huidig.model_copy(
            update={"prijspeilen": {**huidig.prijspeilen, jaar: stap.prijspeil}})
    laatste = stappen[-1]
    totaal = Indexering(profiel.sleutel, van, laatste.prijspeil, [
        Wijziging(w.regel, oud=oud[1].bedrag, van=oud[0]) for w in laatste.wijzigingen
        if (oud := vorig_bedrag(profiel, van + 1, w.regel.sleutel)) is not None])
    return Reeks(stappen, totaal)
