"""The letter to an aanbieder whose social return is behind (`socialreturn --realisatie`): a
reminder about the years whose verantwoording was due (art. 1.9.4), with a term to answer and
one to make up the shortfall (art. 1.9.5), and, with `--vooraankondiging`, an announcement of
the years whose verantwoording is not yet due: what is still to be realised or reported, and by
when, without calling it a shortfall. Pure: the reported figures travel in the run's
`onderwerp`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, datum, maanden, voorbeeld, weken
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.realisatie import realisatie
from contracten.rekenen.socialreturn import Verplichting, bereken, contractjaren
from contracten.rekenen.termijnregel import laatste_dag
from contracten.soorten.basis import ContractSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief
from contracten.soorten.realisatie import (
    Gemeld,
    gemeld_van,
    jaren_in_woorden,
    nog_niet_verschuldigd,
    op_voorbeelden_van,
    per_contractjaar,
    proef,
    uiterlijk_van,
)
from contracten.soorten.socialreturn import sanctie_voor_brief
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L

TEKORT, TE_REALISEREN, TE_VERANTWOORDEN = "tekort", "nog te realiseren", "nog te verantwoorden"


def inhaaltermijn(briefdatum: dt.date, aantal: int) -> dict[str, str]:
    """The term to make up a shortfall, counted from the letter's date under the one rule for
    termijnen: `termijn` in words ("drie maanden") and `uiterlijk`, its last day."""
    return {"termijn": maanden(aantal), "uiterlijk": datum(laatste_dag(briefdatum, aantal))}


def _labels(profiel: Profiel, jaren: Sequence[int], dag: dt.date) -> dict[int, str]:
    """Per year what its gap is on `dag`: a shortfall once its verantwoording was due; before
    that, still to be realised while its contract year runs, else still to be reported."""
    looptijd = profiel.regio.aanbesteding.looptijd
    einde = {b.year: e for b, e, _ in contractjaren(looptijd.begin, looptijd.einde)}
    verwacht = nog_niet_verschuldigd(profiel, jaren, dag)
    return {j: TEKORT if j not in verwacht else TE_REALISEREN if einde[j] >= dag
            else TE_VERANTWOORDEN for j in jaren}


def _tabel(profiel: Profiel, verplichting: Verplichting, gemeld: Gemeld, contract: Contract,
           labels: dict[int, str], vb: bool) -> Fragment:
    """Per year obligation, reported and gap, and the totals; the gap's column says what it is,
    and each cell does too when a letter holds more than one kind of gap."""
    bedragen = gemeld.bedragen.get(contract.sleutel, {})
    per_jaar = per_contractjaar(profiel)
    stand = realisatie(verplichting, bedragen, gemeld.jaren, per_jaar)
    soorten = list(dict.fromkeys(labels[j] for j in gemeld.jaren))
    gemengd = len(soorten) > 1

    def verschil(label: str, waarde: Decimal) -> str:
        tekst = voorbeeld(bedrag(waarde), vb)
        return f"{label}: {tekst}" if gemengd else tekst

    rijen = [[L(str(j.jaar)), L(voorbeeld(bedrag(j.verplicht), vb)),
              L(bedrag(j.gerealiseerd) if j.gerealiseerd is not None
                else "niet verantwoord" if labels[j.jaar] == TEKORT else "nog niet verantwoord"),
              L(verschil(labels[j.jaar], j.tekort) if j.tekort else "—")]
             for j in stand.jaren]
    totalen = [verschil(label, realisatie(verplichting, bedragen,
                                          [j for j in gemeld.jaren if labels[j] == label],
                                          per_jaar).tekort) for label in soorten]
    rijen.append([L("Totaal"), L(voorbeeld(bedrag(stand.verplicht), vb)),
                  L(bedrag(stand.gerealiseerd)), L("; ".join(totalen) if stand.tekort else "—")])
    kop = soorten[0] if len(soorten) == 1 else f"{', '.join(soorten[:-1])} of {soorten[-1]}"
    tabel = Fragment()
    tabel.tabel(rijen, breedtes=[2, 2, 2, 2],
                kop=["Contractjaar", "Verplichting", "Gerealiseerd", kop[0].upper() + kop[1:]])
    return tabel


class SocialReturnHerinnering(ContractSoort):
    naam = "socialreturn-herinnering"
    opdracht = "socialreturn-realisatie"
    bundel = "herinneringen/alle-herinneringen.pdf"
    volgorde = 55
    sjabloon = "socialreturn-herinnering.docx"
    map = "herinneringen"
    met_datum = True

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return profiel.regio.regels.socialreturn is not None

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Herinnering social return — {contract.naam}"

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        """The first obliged contract, or any when none is (the template is checked all the
        same): as an advance notice on `dag`, and as a reminder the day after the first year's
        verantwoording was due."""
        vooraf = proef(profiel, versie, dag)
        gemeld = gemeld_van(vooraf)
        na = uiterlijk_van(profiel)[gemeld.jaren[0]] + dt.timedelta(days=1)
        regel, looptijd = profiel.regio.regels.socialreturn, profiel.regio.aanbesteding.looptijd
        assert regel is not None, "alleen voor een regio met social return"
        contract = next((c for c in profiel.contracten if bereken(regel, c, looptijd).verplicht),
                        profiel.contracten[0])
        return [(contract, vooraf), (contract, Uitvoering(versie, max(dag, na), gemeld))]

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        gemeld = gemeld_van(uitvoering)
        dag = uitvoering.datum
        regel = profiel.regio.regels.socialreturn
        assert regel is not None, "alleen voor een regio met social return"
        verplichting = bereken(regel, contract, profiel.regio.aanbesteding.looptijd)
        vb = op_voorbeelden_van(profiel, contract.aanbieder)
        labels = _labels(profiel, gemeld.jaren, dag)
        bedragen = gemeld.bedragen.get(contract.sleutel, {})
        due = [j for j in gemeld.jaren if labels[j] == TEKORT]
        achter = realisatie(verplichting, bedragen, due, per_contractjaar(profiel))
        looptijd = profiel.regio.aanbesteding.looptijd
        einde = {b.year: e for b, e, _ in contractjaren(looptijd.begin, looptijd.einde)}
        verwacht = nog_niet_verschuldigd(profiel, gemeld.jaren, dag)
        return als_brief({
            **basis(profiel, prijspeil, uitvoering.versie, vb, contract),
            "jaren": jaren_in_woorden(gemeld.jaren),
            "tabel": _tabel(profiel, verplichting, gemeld, contract, labels, vb),
            # The reminder: the due years with a shortfall, the shortfall, and its two terms.
            "verschuldigd": jaren_in_woorden(due) if achter.tekort else "",
            "tekort": voorbeeld(bedrag(achter.tekort), vb),
            "inhalen": inhaaltermijn(dag, gemeld.inhaal_maanden),
            "niet_verantwoord": jaren_in_woorden(achter.niet_gemeld),
            # The advance notice: the years whose verantwoording is not yet due.
            "verwacht": [{"jaar": str(j), "uiterlijk": datum(d), "einde": datum(einde[j]),
                          "lopend": einde[j] >= dag} for j, d in verwacht.items()],
            "nog_open": jaren_in_woorden(list(verwacht)),
            "vooraankondiging": bool(verwacht),
            "per_contractjaar": per_contractjaar(profiel),
            "afspraken": profiel.overeenkomst is not None
            and profiel.overeenkomst.socialreturn is not None,
            "reactietermijn": weken(gemeld.reactie_weken),
            "sanctie": sanctie_voor_brief(profiel), "bron": regel.bron,
        }, profiel, contract, soort="SRH", briefdatum=dag, bijlagen=[],
            reactie_weken=gemeld.reactie_weken)

