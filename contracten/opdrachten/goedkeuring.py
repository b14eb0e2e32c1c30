"""`status`, `akkoord`, `definitief --door`, `getekend`: where each document stands in the
register, and moving it concept → juridisch akkoord → definitief → getekend (who, when, why).
A document whose file no longer matches the version recorded is reported, never approved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from contracten import tijd
from contracten.fouten import InvoerFout, Melding
from contracten.opdrachten import markering, ondertekening, stapcontrole
from contracten.opdrachten.rollen import controleer_rol
from contracten.pijplijn.keuze import onbekende_aanbieders, onbekende_percelen
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import contract_sleutel
from contracten.register.gegevens import Bijlage, Contract, Ondertekening, Stand, Versie
from contracten.register.register import Register, VersieGewijzigd
from contracten.register.stappen import STAP_NAMEN, STAPPEN
from contracten.register.verbinding import open_engine, verberg_wachtwoord
from contracten.rekenen.contractstand import Opzegfeit, eerste, einde_van
from contracten.rekenen.contractstand import status as contractstatus
from contracten.rekenen.opzegging import bereken
from contracten.rekenen.termijnen import einde
from contracten.uitvoer import kenmerken, manifest
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.manifest import Manifest


@dataclass(frozen=True)
class DocumentStatus:
    stand: Stand
    uitvoer: Path  # the output folder; the file is `bestand`
    op_schijf: str  # "gelijk", "gewijzigd" (sha256 differs from the version recorded), "ontbreekt"

    @property
    def status(self) -> str:
        return self.stand.status

    @property
    def bestand(self) -> Path:
        return self.uitvoer / self.stand.pad


@dataclass(frozen=True)
class StatusResultaat:
    regio: str
    database: str
    contracten: list[Contract]
    documenten: list[DocumentStatus]
    keten: tuple[str, ...] = ()  # where the register's history fails its own check


def _contracten(regio: Profiel, opgezegd: dict[str, Opzegfeit],
                peildatum: dt.date) -> list[Contract]:
    """Each contract as the profile describes it and as events left it on `peildatum`: ended
    by an opzegging (its own opzegtermijn and last day), or by the end of the looptijd."""
    aanbesteding = regio.regio.aanbesteding
    keuzes = regio.overeenkomst
    verlenging = keuzes.verlenging if keuzes else None
    gebruikt = verlenging.gebruikt if verlenging else 0
    eind = einde(regio)
    uit = []
    for c in regio.contracten:
        opzegging = opgezegd.get(c.sleutel)
        uit.append(Contract(
            aanbieder=c.aanbieder.id, naam=c.aanbieder.naam, perceel=c.perceel.naam,
            perceelnummer=c.perceel.nummer,
            variant=str(c.perceel.bekostigingsvorm), begin=aanbesteding.looptijd.begin,
            einde=einde_van(eind, opzegging),
            verlengingen_gebruikt=gebruikt,
            verlengingen_over=(verlenging.aantal - gebruikt) if verlenging and not opzegging
            else 0,
            verlenging_maanden=verlenging.maanden if verlenging else 0,
            opzegtermijn_maanden=(opzegging.opzegtermijn_maanden if opzegging
                                  else regio.regio.regels.opzegging.opzegtermijn_maanden),
            status=contractstatus(eind, opzegging, peildatum),
            opzegdatum=opzegging.ontvangen if opzegging else None,
            zorg_tot=opzegging.zorg_tot if opzegging else None,
            opgezegd_door=opzegging.door if opzegging else None))
    return uit


def opzegfeit(regio: Profiel, gelezen: Manifest, ontvangen: dt.date) -> Opzegfeit:
    """The opzegging an opzegging's folder records; a folder made before manifests recorded it
    is read as the profile's opzegtermijn from the day in its name, given by the aanbieder."""
    if (o := gelezen.opzegging) is not None:
        return Opzegfeit(o.ontvangen, o.opzegtermijn_maanden, o.einde_overeenkomst,
                         o.uiterste_zorgdatum, "gemeente" if o.door == "gemeente" else "aanbieder")
    regel = regio.regio.regels.opzegging
    schema = bereken(gelezen.aanbieder or "", ontvangen, regel.opzegtermijn_maanden,
                     regel.doorlevering_maanden, [])
    return Opzegfeit(ontvangen, regel.opzegtermijn_maanden, schema.einde_overeenkomst,
                     schema.uiterste_zorgdatum)


def synchroniseer(register: Register, regio: Profiel, *, uitvoer: Path, prijspeil: int,
                  tijdstip: dt.datetime) -> tuple[list[str], list[Contract]]:
    """Bring the register up to date with the profile and the output folders (a contract's
    status as on `tijdstip`'s day); returns every followed document's path in the register
    (its file: `uitvoer / pad`) and the region's contracts as the register now holds them.
    Only what changed is written; the manifests are read again only when they changed."""
    eigen = str(regio.map.resolve())
    if (bekend := register.claim(regio.sleutel, eigen)) != eigen:
        raise InvoerFout([Melding(eigen, None, "", f"het register hoort regio "
                                  f"'{regio.sleutel}' al bij de map {bekend}: een andere regio met "
                                  "dezelfde naam; gebruik voor deze map een eigen register "
                                  "(--database)", "regio_andere_map")], "Ander register nodig")
    versies: list[Versie] = []
    opzeggingen: dict[str, list[Opzegfeit]] = {}
    indeling = Indeling(uitvoer)
    for map_ in indeling.gevolgd(regio.sleutel, prijspeil):
        gelezen = manifest.lees_bewaard(map_)
        if gelezen is None:
            continue
        voor = indeling.registerpad(map_, "")  # the folder's part of its documents' paths
        if gelezen.aanbieder and (datum := indeling.opzegdatum(map_)) is not None:
            # an opzegging's folder, of one contract
            sleutel = contract_sleutel(gelezen.aanbieder, gelezen.perceel)
            opzeggingen.setdefault(sleutel, []).append(opzegfeit(regio, gelezen, datum))
        for d in gelezen.documenten:
            if d.formaat != "docx" or d.naast_definitief:
                continue
            versies.append(Versie(d.aanbieder, d.soort, voor + d.pad, d.versie, d.sha256,
                                  d.perceel))
    opgezegd = {s: o for s, lijst in opzeggingen.items() if (o := eerste(lijst)) is not None}
    contracten = register.zet_contracten(regio.sleutel,
                                         _contracten(regio, opgezegd, tijd.dag(tijdstip)))
    register.registreer(regio.sleutel, versies, tijdstip)
    return [v.pad for v in versies], contracten


def perceel_van(regio: Profiel, stand: Stand) -> int | None:
    """The number of the perceel a document belongs to: the one it was registered with, 1 for a
    contract's document in a tender of one perceel, None for a document of the whole region."""
    if stand.perceel is not None:
        return stand.perceel
    return regio.percelen[0].nummer if stand.aanbieder and len(regio.percelen) == 1 else None


def status(regio: Profiel, *, tijdstip: dt.datetime, uitvoer: Path | str = "output",
           prijspeil: int | None = None, aanbieders: Sequence[str] = (),
           percelen: Sequence[int] = (), soorten: Sequence[str] = (),
           paden: Sequence[str] = (), database: str | Path | None = None,
           onthoud: bool = False) -> StatusResultaat:
    """Where each generated document of `regio` stands (the register brought up to date first;
    `tijdstip`: when new versions are recorded), and its contracts (one per perceel and
    opdrachtnemer). `aanbieders` and `percelen` narrow to the contracts of those aanbieders and
    percelen (numbers) and their documents; `paden` to those documents (their paths in the
    register). `onthoud`: reuse what this process read and checked (`register.onthouden`)."""
    if onbekend := onbekende_aanbieders(regio, aanbieders) + onbekende_percelen(regio, percelen):
        raise InvoerFout(onbekend, "Ongeldige keuze")
    jaar = prijspeil if prijspeil is not None else regio.laatste_prijspeil()
    register = Register(engine := open_engine(database), onthoud=onthoud)
    gevolgd, alle = synchroniseer(register, regio, uitvoer=Path(uitvoer), prijspeil=jaar,
                                  tijdstip=tijdstip)
    if paden:
        gevolgd = list(set(gevolgd) & set(paden))
    gekozen = [s for s in register.standen(regio.sleutel, gevolgd)
               if (not aanbieders or s.aanbieder in aanbieders)
               and (not percelen or perceel_van(regio, s) in percelen)
               and (not soorten or s.soort in soorten)]
    # each file's sha256 from the record of what was hashed: read only when it changed
    basis = Path(uitvoer)
    gehasht = kenmerken.hashes(basis, regio.sleutel, [s.pad for s in gekozen])
    documenten = [DocumentStatus(s, basis, "ontbreekt" if gehasht[s.pad] is None else
                                 "gelijk" if gehasht[s.pad] == s.sha256 else "gewijzigd")
                  for s in gekozen]
    markering.herstel(regio.sleutel, basis, documenten)
    contracten = [c for c in alle
                  if (not aanbieders or c.aanbieder in aanbieders)
                  and (not percelen or c.perceelnummer in percelen)]
    return StatusResultaat(regio.sleutel, verberg_wachtwoord(engine.url),
                           contracten, documenten, tuple(register.controleer_keten()))


def zet_stap(regio: Profiel, stap: str, *, door: str, tijdstip: dt.datetime,
             opmerking: str | None = None, uitvoer: Path | str = "output",
             prijspeil: int | None = None, aanbieders: Sequence[str] = (),
             percelen: Sequence[int] = (), soorten: Sequence[str] = (),
             paden: Sequence[str] = (), database: str | Path | None = None,
             sha256: stapcontrole.Gezien = None,
             ondertekeningen: Sequence[Ondertekening] = ()) -> list[DocumentStatus]:
    """Move the chosen documents to `stap` (juridisch_akkoord, getekend; definitief only
    through `markeer_definitief`, which also marks the files), all or none; returns them.
    `sha256` is the version the person saw (the web sends the one its page showed; per document,
    by path, for several): a document whose file or newest registered version differs from it is
    refused. A document already at `stap` with this version is left as it is (one row, no
    error). 'getekend' needs `ondertekeningen`: who signed for each party (name, function,
    day), for the documents of one contract. Refused with every reason at once: a file that
    changed on disk or is gone, a document not at the step before, no name, a signatory missing
    or signing before the document was definitief or after today, a register whose history
    fails its check."""
    if stap == "definitief":
        raise InvoerFout([Melding(regio.sleutel, None, "stap", "definitief maken gaat met "
                                  "'contracten definitief' (markeer_definitief): dat controleert "
                                  "en beschermt ook de bestanden", "definitief_elders")],
                         "Niet vastgelegd")
    return leg_stap_vast(regio, stap, door=door, tijdstip=tijdstip, opmerking=opmerking,
                         uitvoer=uitvoer, prijspeil=prijspeil, aanbieders=aanbieders,
                         percelen=percelen, soorten=soorten, paden=paden, database=database,
                         sha256=sha256, ondertekeningen=ondertekeningen)


def leg_stap_vast(regio: Profiel, stap: str, *, door: str, tijdstip: dt.datetime,
                  opmerking: str | None = None, uitvoer: Path | str = "output",
                  prijspeil: int | None = None, aanbieders: Sequence[str] = (),
                  percelen: Sequence[int] = (), soorten: Sequence[str] = (),
                  paden: Sequence[str] = (), database: str | Path | None = None,
                  sha256: stapcontrole.Gezien = None, alleen_controleren: bool = False,
                  ondertekeningen: Sequence[Ondertekening] = (),
                  bijlage: Bijlage | None = None) -> list[DocumentStatus]:
    """`zet_stap` for every step, definitief included: the one place a step is written (see
    there); `alleen_controleren` refuses or returns without recording; `bijlage` adds what
    belongs to each new step in the same transaction (`Register.zet_stappen`)."""
    assert stap in STAPPEN[1:]
    assert stap == "getekend" or not ondertekeningen
    door = " ".join(door.split())
    if not door:
        raise InvoerFout([Melding(regio.sleutel, None, "door", "geef de naam van wie deze stap "
                                  "zet (--door of CONTRACTEN_DOOR)", "naam_ontbreekt")],
                         "Niet vastgelegd")
    stand = status(regio, tijdstip=tijdstip, uitvoer=uitvoer, prijspeil=prijspeil,
                   aanbieders=aanbieders, percelen=percelen, soorten=soorten, paden=paden,
                   database=database)
    if not stand.documenten:
        raise InvoerFout([Melding(regio.sleutel, None, "", "geen gegenereerd document gevonden "
                                  "met deze keuze", "niets_gekozen")], "Niet vastgelegd")
    problemen = [Melding(stand.database, None, "", f"het register klopt niet meer: {fout}; "
                         "laat de beheerder het herstellen voordat u verder gaat",
                         "register_beschadigd") for fout in stand.keten]
    problemen += stapcontrole.controleer(stand.documenten, stap, sha256)
    if stap == "getekend":
        problemen += ondertekening.controleer(regio.sleutel, stand.documenten, ondertekeningen,
                                              tijd.dag(tijdstip))
    problemen += controleer_rol(regio, stap, door, stand.documenten, database=database)
    if problemen:
        raise InvoerFout(problemen, f"Niet vastgelegd als {STAP_NAMEN[stap]}")
    if not alleen_controleren:
        nieuw = [d for d in stand.documenten if d.status != stap]
        problemen = stapcontrole.nog_gelijk(nieuw)
        try:
            if not problemen:
                Register(open_engine(database)).zet_stappen(
                    [(d.stand.id, d.stand.sha256) for d in nieuw], stap, door, tijdstip,
                    opmerking or None, ondertekeningen, bijlage)
        except VersieGewijzigd as fout:
            problemen = [stapcontrole.gewijzigd(pad) for pad in fout.paden]
        if problemen:
            raise InvoerFout(problemen, f"Niet vastgelegd als {STAP_NAMEN[stap]}")
    return stand.documenten
