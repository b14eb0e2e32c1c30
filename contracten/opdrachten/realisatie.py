"""`socialreturn --realisatie`: what each obliged aanbieder reported as realised against its
obligation, as an overview, and a reminder letter to each one that is behind, in
<uitvoer>/<regio>/socialreturn-realisatie/<jaar>/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.opmaak import maanden, weken
from contracten.pijplijn.draai import draai
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.clienten import bestand
from contracten.profiel.model import Profiel
from contracten.profiel.realisatiebestand import lees_realisatie
from contracten.rekenen.realisatie import Realisatie
from contracten.rekenen.termijnregel import laatste_dag, na_weken
from contracten.soorten.realisatie import Gemeld, jaren_van, nog_niet_verschuldigd, standen
from contracten.soorten.register import van_opdracht
from contracten.uitvoer.indeling import Indeling


@dataclass(frozen=True)
class RealisatieResultaat:
    regio: str
    jaren: tuple[int, ...]
    standen: list[Realisatie]
    documenten: Resultaat

    def als_json(self) -> dict[str, Any]:
        return {"regio": self.regio, "jaren": list(self.jaren),
                "aanbieders": [{"id": r.aanbieder, "contract": r.contract,
                                "verplicht": str(r.verplicht),
                                "gerealiseerd": str(r.gerealiseerd), "tekort": str(r.tekort),
                                "achter": r.achter, "niet_verantwoord": r.niet_gemeld,
                                "jaren": [{"jaar": j.jaar, "verplicht": str(j.verplicht),
                                           "gerealiseerd": None if j.gerealiseerd is None
                                           else str(j.gerealiseerd), "tekort": str(j.tekort)}
                                          for j in r.jaren]} for r in self.standen],
                "documenten": self.documenten.manifest.als_json()["documenten"]}


def socialreturn_realisatie(regio: Profiel, realisatie: Path | Invoerbestand, *,
                            datum: dt.date, uitvoer: Path | str = "output",
                            formaten: Sequence[str] = (), sjablonen: Path | None = None,
                            reactie_weken: int = 4, inhaal_maanden: int = 3,
                            vooraankondiging: bool = False) -> RealisatieResultaat:
    """Compare what the aanbieders reported (`realisatie`: CSV or .xlsx with the columns
    aanbieder,jaar,gerealiseerd) with their obligations over the years reported; write the
    overview and a reminder (dated `datum`) to each aanbieder that is behind: to answer within
    `reactie_weken` weeks and to make up the shortfall within `inhaal_maanden` months of the
    letter's date (art. 1.9.5: the term after which the consequence of a shortfall applies).

    A reminder is made only after the report's due date (art. 1.9.4; `rapportage_vanaf` in
    overeenkomst.yaml): a year whose report is due on `datum` or later is refused, unless
    `vooraankondiging`, which words the letters as an advance notice of that due date."""
    if regio.regio.regels.socialreturn is None:
        raise InvoerFout([Melding(f"{regio.sleutel}/regio.yaml", None, "regels.socialreturn",
                                  "deze regio vraagt geen social return", "geen_socialreturn")],
                         "Geen social return")
    _termijnen(regio, datum, reactie_weken, inhaal_maanden)
    invoer = bestand(realisatie) if isinstance(realisatie, Path) else realisatie
    bedragen = lees_realisatie(invoer, regio, jaren_van(regio))
    jaren = tuple(sorted({j for per_jaar in bedragen.values() for j in per_jaar}))
    if not jaren:
        raise InvoerFout([Melding(invoer.naam, None, "", "het bestand bevat geen enkele "
                                  "verantwoording", "leeg")], "Realisatiebestand is ongeldig")
    gemeld = Gemeld(bedragen, jaren, reactie_weken, inhaal_maanden)
    stand = standen(regio, gemeld)
    achter = [c for c, r in stand if r.achter]
    if achter and not vooraankondiging:
        _niet_te_vroeg(regio, jaren, datum)
    documenten = draai(Opties(
        regio, list(van_opdracht("socialreturn-realisatie").values()), achter,
        regio.laatste_prijspeil(),
        doel=Indeling(Path(uitvoer)).realisatie(regio.sleutel, jaren[-1]), datum=datum,
        formaten=formaten, sjablonen=sjablonen, onderwerp=gemeld,
        onderwerp_sleutel=f"{reactie_weken}/{inhaal_maanden}/{jaren}",
        extra_invoer=((invoer.naam, invoer.inhoud),), volledig=True))
    return RealisatieResultaat(regio.sleutel, jaren, [r for _, r in stand], documenten)


def _termijnen(regio: Profiel, datum: dt.date, reactie_weken: int, inhaal_maanden: int) -> None:
    """The reply term in weeks, the term to make up a shortfall in months, and the second
    ending after the first: the letter asks how the aanbieder will make it up, then for it."""
    meldingen = []
    if not 1 <= reactie_weken <= 26:
        meldingen.append(Melding(regio.sleutel, None, "reactietermijn", "verwacht 1 tot en met "
                                 "26 weken", "reactietermijn"))
    if not 1 <= inhaal_maanden <= 24:
        meldingen.append(Melding(regio.sleutel, None, "inhaaltermijn", "verwacht 1 tot en met "
                                 "24 maanden", "inhaaltermijn"))
    elif not meldingen and laatste_dag(datum, inhaal_maanden) <= na_weken(datum, reactie_weken):
        meldingen.append(Melding(regio.sleutel, None, "inhaaltermijn", (
            f"een inhaaltermijn van {maanden(inhaal_maanden)} eindigt op "
            f"{laatste_dag(datum, inhaal_maanden).isoformat()}, niet na de antwoordtermijn van "
            f"{weken(reactie_weken)} ({na_weken(datum, reactie_weken).isoformat()}): de "
            "aanbieder moet eerst kunnen zeggen hoe hij het tekort inhaalt. Kies een langere "
            "--inhaaltermijn of een kortere --reactietermijn"), "inhaaltermijn_te_kort"))
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige invoer")


def _niet_te_vroeg(regio: Profiel, jaren: tuple[int, ...], datum: dt.date) -> None:
    """A reminder says a report did not arrive: not before it was due."""
    vroeg = nog_niet_verschuldigd(regio, jaren, datum)
    if not vroeg:
        return
    artikel = " (artikel 1.9.4 van de overeenkomst)" if regio.overeenkomst is not None \
        and regio.overeenkomst.socialreturn is not None else ""
    raise InvoerFout([Melding(regio.sleutel, None, "datum", (
        f"de verantwoording over {jaar} moet uiterlijk {uiterlijk.isoformat()} binnen zijn"
        f"{artikel}; een herinnering gedateerd {datum.isoformat()} kan dus nog niet zeggen dat "
        f"zij ontbreekt. Kies een briefdatum na {uiterlijk.isoformat()}, of maak met "
        "--vooraankondiging een vooraankondiging die zegt wat wij uiterlijk dan verwachten"),
        "herinnering_te_vroeg") for jaar, uiterlijk in vroeg.items()],
        "Herinnering te vroeg")
