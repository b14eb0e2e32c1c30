"""The termijnenkalender: every dated obligation that follows from a region's profile and its
running opzeggingen. Pure: no files, no clock. Every "uiterste dag" follows the one rule for
termijnen (`termijnregel`): the last day a notice or announcement can be received so that its
termijn ends by the day in question. Dates are never moved off a weekend or public holiday (the
Algemene termijnenwet does not apply to contractual terms): they are flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from contracten.opmaak import voorbeeld
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.contractstand import Opzegfeit, einde_van
from contracten.rekenen.opzegging import markering
from contracten.rekenen.realisatie import verantwoordingsdag
from contracten.rekenen.termijnregel import EEN_DAG, laatste_dag, uiterste_ontvangst

VERLENGING_AANKONDIGEN_MAANDEN = 6  # Contractstandaard art. 1.3: at least 6 months before the end
# Art. 1.5 for a bestedingsruimte from 1 January: the intention at least six months ahead, the
# decision at least three, the joint plan at least two.
BESTEDINGSRUIMTE = ((6, "bestedingsruimte-voornemen", "uiterste dag om het voornemen te melden"),
                    (3, "bestedingsruimte-besluit", "uiterste dag om het besluit mee te delen"),
                    (2, "bestedingsruimte-plan", "uiterste dag voor het gezamenlijke plan"))


@dataclass(frozen=True)
class Termijn:
    datum: dt.date
    sleutel: str  # stable across runs (the .ics UID): a changed date updates the same event
    wat: str
    aanbieder: str | None  # None: the whole region
    grondslag: str
    markering: str | None  # 'zaterdag', 'zondag' or a public holiday: act the day before
    perceel: int | None = None  # of a contract's deadline, in a tender of several percelen

    @property
    def soort(self) -> str:
        return self.sleutel.split("/")[1]


def einde(profiel: Profiel) -> dt.date:
    """The end of the contracts' term, with the extensions already agreed."""
    looptijd = profiel.regio.aanbesteding.looptijd
    verlenging = profiel.overeenkomst.verlenging if profiel.overeenkomst else None
    return laatste_dag(looptijd.einde, verlenging.gebruikt * verlenging.maanden
                       if verlenging else 0)


def termijnen(profiel: Profiel, opzeggingen: Mapping[str, Opzegfeit]) -> list[Termijn]:
    """Every obligation of `profiel`, by date, as events left it; `opzeggingen`: a contract's
    key (`Contract.sleutel`: the aanbieder's id in a tender of one perceel) -> its opzegging
    (from the register). A contract's own deadlines stop at its end; the region's (verlenging,
    notice against the end of the looptijd, indexation) stop when its last contract ends, and
    when every contract is terminated there is no verlenging or notice left to give."""
    eind = einde(profiel)
    eindes = {c.sleutel: einde_van(eind, opzeggingen.get(c.sleutel)) for c in profiel.contracten}
    laatste = max(eindes.values(), default=eind)
    alle_opgezegd = bool(eindes) and all(c.sleutel in opzeggingen for c in profiel.contracten)
    uit = [t for t in _regio(profiel, eind, alle_opgezegd) if t.datum <= laatste]
    uit += _socialreturn(profiel, eindes)
    for c in profiel.contracten:
        if c.sleutel in opzeggingen:
            uit += _opzegging(profiel, c, opzeggingen[c.sleutel])
    return sorted(uit, key=lambda t: (t.datum, t.sleutel))


def _regio(profiel: Profiel, eind: dt.date, alle_opgezegd: bool) -> list[Termijn]:
    """The deadlines of the whole region: the end of the looptijd, verlenging, notice against
    that end, indexation and bestedingsruimte."""
    regio = profiel.sleutel
    uit: list[Termijn] = []
    keuzes = profiel.overeenkomst
    looptijd_vb = profiel.regio.aanbesteding.looptijd.voorbeeld

    def voeg_toe(datum: dt.date, sleutel: str, wat: str, grondslag: str,
                 handelen: bool = True, vb: bool = False) -> None:
        """`handelen`: someone must act by this day, so a weekend or holiday is flagged; `vb`:
        the date rests on an example value, and says so."""
        uit.append(Termijn(datum, f"{regio}/{sleutel}", voorbeeld(wat, vb or looptijd_vb), None,
                           grondslag, markering(datum) if handelen else None))

    voeg_toe(eind, "einde", "einde van de overeenkomsten (looptijd)", "artikel 1.3",
             handelen=False)
    verlenging = keuzes.verlenging if keuzes else None
    if verlenging and verlenging.gebruikt < verlenging.aantal and not alle_opgezegd:
        voeg_toe(uiterste_ontvangst(eind, VERLENGING_AANKONDIGEN_MAANDEN), "verlenging",
                 f"uiterste dag om verlenging met {verlenging.maanden} maanden aan te kondigen "
                 f"({verlenging.aantal - verlenging.gebruikt} van {verlenging.aantal} over)",
                 "artikel 1.3", vb=bool(keuzes and keuzes.is_voorbeeld("verlenging")))
    for partij, maanden, vb in [] if alle_opgezegd else _opzegtermijnen(profiel):
        voeg_toe(uiterste_ontvangst(eind, maanden), f"opzeggen-{partij.lower()}",
                 f"uiterste dag voor opzegging door {partij} tegen het einde van de looptijd "
                 f"(opzegtermijn {maanden} maanden)", "artikel 1.3", vb=vb)
    indexatie = profiel.regio.regels.indexatie
    begin = profiel.regio.aanbesteding.looptijd.begin
    taakgericht = {p.taakgericht for p in profiel.percelen}
    wat = {frozenset({True}): "geïndexeerd budget {jaar} gaat in",
           frozenset({False}): "geïndexeerde tarieven {jaar} gaan in"}.get(
        frozenset(taakgericht), "geïndexeerde tarieven en budgetten {jaar} gaan in")
    for jaar in range(begin.year + 1, eind.year + 1):
        ingang = dt.date(jaar, 1, 1)
        voeg_toe(ingang, f"indexatie/{jaar}", wat.format(jaar=jaar), "artikel 3.2",
                 handelen=False)
        if indexatie.aankondiging_maanden:
            voeg_toe(uiterste_ontvangst(ingang - EEN_DAG, indexatie.aankondiging_maanden),
                     f"indexatie-aankondigen/{jaar}",
                     f"indexatie {jaar} aankondigen aan de aanbieders", "artikel 3.2",
                     vb=indexatie.is_voorbeeld("aankondiging_maanden"))
    if keuzes is not None and keuzes.gebruikt("bestedingsruimte"):
        for jaar in range(begin.year + 1, eind.year + 1):
            ingang = dt.date(jaar, 1, 1)
            for maanden, sleutel, wat in BESTEDINGSRUIMTE:
                voeg_toe(uiterste_ontvangst(ingang - EEN_DAG, maanden), f"{sleutel}/{jaar}",
                         f"{wat} voor de bestedingsruimte {jaar}", "artikel 1.5")
    return uit


def _opzegtermijnen(profiel: Profiel) -> list[tuple[str, int, bool]]:
    """(party, notice in months, an example value) for each party that may terminate."""
    keuzes = profiel.overeenkomst
    if keuzes is None:
        return []
    uit = []
    if keuzes.opzegoptie in ("2", "3") and keuzes.opzegtermijn_opdrachtgever_maanden:
        uit.append(("Opdrachtgever", keuzes.opzegtermijn_opdrachtgever_maanden,
                    keuzes.is_voorbeeld("opzegtermijn_opdrachtgever_maanden")))
    if keuzes.opzegoptie == "3" and keuzes.opzegtermijn_opdrachtnemer_maanden:
        uit.append(("Opdrachtnemer", keuzes.opzegtermijn_opdrachtnemer_maanden,
                    keuzes.is_voorbeeld("opzegtermijn_opdrachtnemer_maanden")))
    return uit


def _socialreturn(profiel: Profiel, eindes: Mapping[str, dt.date]) -> list[Termijn]:
    """Per contract that owes social return: its plan, and a verantwoording each year up to the
    one over the year its contract ends."""
    regel = profiel.regio.regels.socialreturn
    afspraken = profiel.overeenkomst.socialreturn if profiel.overeenkomst else None
    if regel is None or afspraken is None:
        return []
    vb = profiel.overeenkomst is not None and profiel.overeenkomst.is_voorbeeld("socialreturn")
    uit = []
    for c in profiel.contracten:  # social return is owed per contract
        if c.aanbieder.jaaromzet <= regel.drempel:
            continue
        a, perceel, eind = c.aanbieder, c.perceelnummer, eindes[c.sleutel]
        if afspraken.plan_datum <= eind:
            uit.append(Termijn(afspraken.plan_datum, f"{profiel.sleutel}/socialreturn-plan/"
                               f"{c.sleutel}",
                               voorbeeld(f"plan van aanpak social return van {_naam(c)}", vb),
                               a.id, "artikel 1.9", markering(afspraken.plan_datum), perceel))
        vanaf = afspraken.rapportage_vanaf
        jaar = 0
        while vanaf is not None and (datum := verantwoordingsdag(vanaf, jaar)).year <= \
                eind.year + 1:
            uit.append(Termijn(datum, f"{profiel.sleutel}/socialreturn-rapportage/{c.sleutel}/"
                               f"{datum.year}",
                               voorbeeld(f"verantwoording social return van {_naam(c)}", vb),
                               a.id, "artikel 1.9", markering(datum), perceel))
            jaar += 1
    return uit


def _naam(contract: Contract) -> str:
    """How a deadline names the opdrachtnemer: with the perceel where there are several."""
    if contract.enkel:
        return contract.aanbieder.naam
    return f"{contract.aanbieder.naam}, perceel {contract.perceel.nummer}"


def _opzegging(profiel: Profiel, contract: Contract, opzegging: Opzegfeit) -> list[Termijn]:
    """The dates of a running opzegging as it was given: its own opzegtermijn and end."""
    regel = profiel.regio.regels.opzegging
    naam = _naam(contract)
    sleutel = f"{profiel.sleutel}/opzegging/{contract.sleutel}"
    vb = regel.is_voorbeeld("doorlevering_maanden")
    # An instroomstop only where there is one: a region that has the rule
    # (regels.opzegging.instroomstop), and a notice by the aanbieder (Assen § 1.6.1).
    instroomstop = opzegging.instroomstop if regel.instroomstop else None
    return [Termijn(d, f"{sleutel}/{s}", voorbeeld(f"{wat} ({naam})", vb and s == "zorg-tot"),
                    contract.aanbieder.id, "opzegging", markering(d), contract.perceelnummer)
            for d, s, wat in ((instroomstop, "instroomstop", "instroomstop: geen nieuwe "
                               "cliënten meer"),
                              (opzegging.einde, "einde", "laatste dag van de overeenkomst na "
                               "opzegging"),
                              (opzegging.zorg_tot, "zorg-tot", "uiterste dag van de "
                               "doorlevering; warme overdracht afgerond"))
            if d is not None]
