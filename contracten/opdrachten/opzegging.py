"""`opzegging`: the transition schedule (Word, csv, Excel) and the letter that follow the
termination of one aanbieder's overeenkomst, in
<uitvoer>/<regio>/opzeggingen/<aanbieder>/<datum>/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.opdrachten import opzegcontrole as controle
from contracten.pijplijn.draai import draai
from contracten.pijplijn.keuze import onbekende_aanbieders
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.clienten import bestand, lees_clienten
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.opzegging import Door, Schema, bereken, markering
from contracten.soorten.opzegging import Opzegging
from contracten.soorten.register import van_opdracht
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.manifest import Opzegfeiten


@dataclass(frozen=True)
class OpzeggingResultaat:
    regio: str
    schema: Schema
    documenten: Resultaat
    waarschuwingen: list[str]
    perceel: int | None = None  # the contract's perceel, in a tender of several percelen

    def als_json(self) -> dict[str, Any]:
        """The result shape of docs/ontwikkelaars/ontwerp.md (dates ISO), plus the
        weekend/holiday flags; the perceel only in a tender of several."""
        s = self.schema
        return {
            "regio": self.regio,
            "aanbieder": s.aanbieder,
            **({"perceel": self.perceel} if self.perceel is not None else {}),
            "datum": s.ontvangen.isoformat() if s.ontvangen else None,
            "ontvangen": s.ontvangen.isoformat() if s.ontvangen else None,
            "tegen": s.tegen.isoformat() if s.tegen else None,
            "door": s.door,
            "opzegtermijn_maanden": s.opzegtermijn_maanden,
            # The opzegtermijn's first day; the instroomstop only where the region has one.
            "begin_opzegtermijn": s.instroomstop.isoformat(),
            "instroomstop": s.instroomstop.isoformat() if s.instroomstop_geldt else None,
            "einde_overeenkomst": s.einde_overeenkomst.isoformat(),
            "met_ingang_van": s.met_ingang_van.isoformat(),
            "uiterste_zorgdatum": s.uiterste_zorgdatum.isoformat(),
            "clienten": [{"client": c.client.client, "gemeente": c.client.gemeente,
                          "product": c.client.product,
                          "einddatum_beschikking": (c.client.einddatum_beschikking.isoformat()
                                                    if c.client.einddatum_beschikking else None),
                          "zorg_tot": c.zorg_tot.isoformat()} for c in s.clienten],
            "markeringen": {d.isoformat(): vlag for d in sorted(set(s.data()))
                            if (vlag := markering(d))},
            "documenten": self.documenten.manifest.als_json()["documenten"],
            "waarschuwingen": self.waarschuwingen,
        }




def _opzegtermijn(regio: Profiel, gegeven: int | None, door: Door) -> tuple[int, bool]:
    """The opzegtermijn in months, and whether it is an example value: as given, else the one
    the overeenkomst gives the party that terminates (artikel 1.3), else the programma van
    eisen's. Refused when the overeenkomst does not let that party terminate tussentijds
    (opzegoptie 1: nobody; 2: only Opdrachtgever)."""
    keuzes = regio.overeenkomst
    if keuzes is not None and (keuzes.opzegoptie == "1"
                               or (keuzes.opzegoptie == "2" and door == "aanbieder")):
        wie = "geen van de partijen" if keuzes.opzegoptie == "1" else "alleen de gemeente"
        raise InvoerFout([Melding(f"{regio.sleutel}/overeenkomst.yaml", None, "opzegoptie",
                                  f"volgens de overeenkomst kan {wie} tussentijds opzeggen "
                                  f"(artikel 1.3, opzegoptie {keuzes.opzegoptie}); een opzegging "
                                  f"door de {door} kan deze opdracht dus niet maken (beëindigen "
                                  "in de gevallen van de artikelen 1.4.2, 1.6.1, 3.19.1, 3.22 en "
                                  "3.30.4 valt erbuiten)", "opzegging_uitgesloten")],
                         "Ongeldige opzegging")
    if gegeven is not None:
        return gegeven, False
    veld = ("opzegtermijn_opdrachtgever_maanden" if door == "gemeente"
            else "opzegtermijn_opdrachtnemer_maanden")
    if keuzes is not None and getattr(keuzes, veld) is not None:
        return getattr(keuzes, veld), keuzes.is_voorbeeld(veld)
    regel = regio.regio.regels.opzegging
    return regel.opzegtermijn_maanden, regel.is_voorbeeld("opzegtermijn_maanden")


def _contract(regio: Profiel, aanbieder: str, perceel: int | None) -> Contract:
    """The contract an opzegging is about: the aanbieder's, in `perceel` when it has several."""
    if fout := onbekende_aanbieders(regio, [aanbieder]):
        raise InvoerFout(fout, "Ongeldige invoer")
    eigen = [c for c in regio.contracten if c.aanbieder.id == aanbieder]
    gekozen = [c for c in eigen if perceel is None or c.perceel.nummer == perceel]
    if len(gekozen) == 1:
        return gekozen[0]
    nummers = ", ".join(str(c.perceel.nummer) for c in eigen)
    bericht = (f"{aanbieder} heeft geen contract in perceel {perceel} (wel: {nummers})"
               if not gekozen else f"{aanbieder} heeft contracten in de percelen {nummers}; "
               "kies er één met perceel")
    raise InvoerFout([Melding(regio.sleutel, None, "perceel", bericht, "perceel_kiezen")],
                     "Ongeldige invoer")








def opzegging(regio: Profiel, *, aanbieder: str, briefdatum: dt.date,
              ontvangen: dt.date | None = None, datum: dt.date | None = None,
              tegen: dt.date | None = None, perceel: int | None = None,
              opzegtermijn: int | None = None, clienten: Path | Invoerbestand | None = None,
              uitvoer: Path | str = "output", formaten: Sequence[str] = (),
              sjablonen: Path | None = None, terugwerkend: bool = False,
              door: Door = "aanbieder", kenmerk_aanbieder: str | None = None,
              brief_aanbieder: dt.date | None = None) -> OpzeggingResultaat:
    """The schedule and letter (dated `briefdatum`) for the opzegging of `aanbieder`'s
    overeenkomst, received on `ontvangen` (`datum` is the same, its earlier name) and given
    against `tegen` (the contract's last day; default: the last day of the opzegtermijn, under
    the one rule for termijnen, see `rekenen.termijnregel`); `perceel` names the contract when
    the aanbieder holds several percelen; `clienten` is the client list (CSV with commas or
    semicolons, or .xlsx; a path, or a name and bytes, e.g. from stdin).

    `door`: who terminates, 'aanbieder' (the letter confirms it and states the obligations of
    the programma van eisen, Assen § 1.6.1) or 'gemeente' (the letter terminates). Refused: a
    day of receipt or an end outside the looptijd, a `tegen` the opzegtermijn does not fit
    before, a gemeente's notice received before its letter (retroactive) unless `terugwerkend`,
    a gemeente's letter dated after the current end,
    an aanbieder's confirmed before it was received, and a party the overeenkomst does not let
    terminate. Without `tegen`, also an opzegtermijn that runs past the contract's current end
    (it ends then by expiry). A beschikking that ended before the instroomstop is a warning.

    `kenmerk_aanbieder` and `brief_aanbieder` (the kenmerk and date of the aanbieder's letter of
    notice) let the confirmation cite that letter; only with `door` 'aanbieder', and the letter
    no later than `ontvangen`."""
    ontvangen = ontvangen if ontvangen is not None else datum
    if ontvangen is None:
        raise InvoerFout([Melding(regio.sleutel, None, "ontvangen", "de dag waarop de opzegging "
                                  "is ontvangen ontbreekt", "ontvangen_ontbreekt")],
                         "Ongeldige invoer")
    contract = _contract(regio, aanbieder, perceel)
    gevonden = contract.aanbieder
    if opzegtermijn is not None and not 0 <= opzegtermijn <= 36:
        raise InvoerFout([Melding(regio.sleutel, None, "opzegtermijn", "verwacht 0 tot en met 36 "
                                  "maanden", "opzegtermijn")], "Ongeldige invoer")
    invoer = bestand(clienten) if isinstance(clienten, Path) else clienten
    lijst = lees_clienten(invoer, regio, contract) if invoer is not None else []
    if door not in ("aanbieder", "gemeente"):
        raise InvoerFout([Melding(regio.sleutel, None, "door", f"'{door}': verwacht 'aanbieder' "
                                  "of 'gemeente'", "door")], "Ongeldige invoer")
    controle.binnen_de_looptijd(regio, ontvangen, "ontvangen")
    if tegen is not None:
        controle.binnen_de_looptijd(regio, tegen, "tegen")
    maanden, termijn_voorbeeld = _opzegtermijn(regio, opzegtermijn, door)
    controle.volgorde(regio, ontvangen, briefdatum, door, terugwerkend)
    controle.brief_voor_het_einde(regio, briefdatum, door)
    controle.tegen_op_tijd(regio, ontvangen, maanden, tegen)
    controle.termijn_binnen_de_looptijd(regio, ontvangen, maanden, tegen)
    kenmerk_aanbieder = (kenmerk_aanbieder or "").strip() or None
    controle.brief_aanbieder(regio, door, ontvangen, kenmerk_aanbieder, brief_aanbieder)
    regel = regio.regio.regels.opzegging
    schema = bereken(gevonden.id, ontvangen, maanden, regel.doorlevering_maanden, lijst, door,
                     tegen, regel.instroomstop)
    extra = ((invoer.naam, invoer.inhoud),) if invoer is not None else ()
    opties = Opties(
        regio, list(van_opdracht("opzegging").values()), [contract], regio.laatste_prijspeil(),
        # The opzegging's folder and fingerprint: the day its notice was received.
        doel=Indeling(Path(uitvoer)).opzegging(regio.sleutel, contract.sleutel, ontvangen),
        datum=briefdatum, formaten=formaten, sjablonen=sjablonen,
        onderwerp=Opzegging(schema, termijn_voorbeeld, kenmerk_aanbieder, brief_aanbieder),
        onderwerp_sleutel=f"{maanden}/{ontvangen.isoformat()}/{termijn_voorbeeld}/{door}/{tegen}/"
                          f"{kenmerk_aanbieder}/{brief_aanbieder}",
        extra_invoer=extra, volledig=True, per_contract=contract,
        opzegging=Opzegfeiten(ontvangen=ontvangen, opzegtermijn_maanden=maanden,
                              einde_overeenkomst=schema.einde_overeenkomst,
                              uiterste_zorgdatum=schema.uiterste_zorgdatum, door=door))
    al_afgelopen = [c.client.client for c in schema.clienten if c.al_afgelopen]
    begin = "instroomstop" if schema.instroomstop_geldt else "opzegtermijn"
    waarschuwingen = [f"de beschikking van {', '.join(al_afgelopen)} eindigde al vóór de "
                      f"{begin} ({schema.instroomstop.isoformat()}); controleer of deze "
                      "cliënt(en) nog op de lijst horen"] if al_afgelopen else []
    return OpzeggingResultaat(regio.sleutel, schema, draai(opties), waarschuwingen,
                              contract.perceelnummer)
