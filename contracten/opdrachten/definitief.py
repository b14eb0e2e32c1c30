"""`definitief`: mark generated documents as definitief (signable); no later run overwrites them.

One function for the command line, the Python API and the web application: a document that
still holds our summaries of the Contractstandaard, or example values, is refused with where
they are, unless the caller says explicitly that it may."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from contracten.fouten import InvoerFout, Melding
from contracten.opdrachten.goedkeuring import leg_stap_vast
from contracten.opdrachten.rollen import controleer_rol
from contracten.opdrachten.stapcontrole import Gezien
from contracten.opmaak import aantal
from contracten.pijplijn.keuze import onbekende_percelen
from contracten.profiel.model import Profiel
from contracten.uitvoer import definitief, manifest, voorbeelden
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.map import sha256, slot
from contracten.weergave.tekstversie import kop_en_voet_van, naar_markdown


def markeer_definitief(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
                       prijspeil: int | None = None, soorten: Sequence[str] = (),
                       aanbieders: Sequence[str] = (), percelen: Sequence[int] = (),
                       paden: Sequence[str] = (), ook_samenvattingen: bool = False,
                       ook_voorbeelden: bool = False,
                       door: str | None = None, opmerking: str | None = None,
                       tijdstip: dt.datetime | None = None, database: str | Path | None = None,
                       sha256: Gezien = None) -> tuple[Path, list[str]]:
    """Mark the Word documents of the region's output folder (all, or those chosen) as
    definitief on `datum`; returns the folder and the marked paths (in it). `paden` chooses
    documents by their path in the register (relative to `uitvoer`, e.g.
    'assen/2025/overeenkomsten/wonen-plus.docx'), all in one output folder of the region;
    `percelen` the documents of the contracts in those percelen (numbers).

    Refused, with every reason at once and nothing marked: a document that still holds our
    summaries of the Contractstandaard instead of its official text (unless
    `ook_samenvattingen`), and one that shows example values, "(voorbeeld)" (unless
    `ook_voorbeelden`); a document marked before is not checked again.

    With `door`, the step is recorded in the contract register (at `tijdstip`, with
    `opmerking`), and only for documents that have juridisch akkoord there and are unchanged
    on disk (and, with `sha256`, are the version the person saw); the register is the record:
    it is written first, then the marker on disk from it, in one hold of the folder's lock
    (`status` puts back a marker that is missing). Without `door`, only the files are marked,
    with the sha256 of each file as it is, as before the register existed."""
    uitvoer = Path(uitvoer)
    jaar = prijspeil if prijspeil is not None else regio.laatste_prijspeil()
    map_, binnen = Indeling(uitvoer).prijspeil(regio.sleutel, jaar), list(paden)
    if paden:
        map_, binnen = _map_van(uitvoer, regio, paden)
        if prijspeil is None:
            jaar = Indeling(uitvoer).prijspeil_van(regio.sleutel, map_) or jaar
    registreren = door is not None
    if onbekend := onbekende_percelen(regio, percelen):
        raise InvoerFout(onbekend, "Ongeldige keuze")

    def vastleggen(alleen_controleren: bool) -> None:
        assert tijdstip is not None, "een stap in het register heeft een tijdstip"
        leg_stap_vast(regio, "definitief", door=door or "", tijdstip=tijdstip,
                      opmerking=opmerking, uitvoer=uitvoer, prijspeil=jaar, aanbieders=aanbieders,
                      percelen=percelen, soorten=soorten, paden=paden, database=database,
                      sha256=sha256, alleen_controleren=alleen_controleren)

    with slot(map_):
        gelezen, gekozen = definitief.kies(map_, soorten=soorten, aanbieders=aanbieders,
                                           paden=binnen)
        if percelen:
            gekozen = _in_percelen(regio, map_, gekozen, percelen)
        al = definitief.lees(map_)
        nieuw = [d for d in gekozen if d.pad not in al]
        meldingen = [] if ook_samenvattingen else definitief.samenvattingen(nieuw)
        if not ook_voorbeelden:
            meldingen += _voorbeelden(map_, gelezen, nieuw)
        if not registreren:  # with users in the register: not without a name
            meldingen += controleer_rol(regio, "definitief", door, [], database=database)
        if registreren:
            try:
                vastleggen(alleen_controleren=True)  # refused before any file is marked
            except InvoerFout as fout:
                if not meldingen:
                    raise
                meldingen += fout.meldingen
        if meldingen:
            raise InvoerFout(meldingen, f"Niet definitief gemaakt in {map_}")
        if registreren:
            vastleggen(alleen_controleren=False)  # the record first, then its copy on disk
        gemarkeerd = definitief.leg_vast(map_, gekozen, datum=datum)
    return map_, gemarkeerd


def _in_percelen(regio: Profiel, map_: Path, documenten: list[manifest.Document],
                 percelen: Sequence[int]) -> list[manifest.Document]:
    """The documents of contracts in `percelen` (in a tender of one perceel: every contract's
    document); none is refused."""
    enkel = len(regio.percelen) == 1
    gekozen = [d for d in documenten if d.aanbieder is not None
               and (d.perceel if d.perceel is not None
                    else regio.percelen[0].nummer if enkel else None) in percelen]
    if not gekozen:
        raise InvoerFout([Melding(str(map_), None, "", "geen document gevonden om definitief te "
                                  "maken met deze keuze", "niets_gekozen")], "Ongeldige keuze")
    return gekozen


def _map_van(uitvoer: Path, regio: Profiel, paden: Sequence[str]) -> tuple[Path, list[str]]:
    """The one output folder of the region that holds every path in `paden` (a prijspeil's, or
    an opzegging's: see `Indeling.map_van`), and their paths in it."""
    mappen: dict[Path, list[str]] = {}
    onbekend = []
    for pad in paden:
        gevonden = Indeling(uitvoer).map_van(regio.sleutel, pad)
        if gevonden is None:
            onbekend.append(Melding(pad, None, "", f"is geen gegenereerd document van regio "
                                    f"'{regio.sleutel}' in {uitvoer}", "niets_gekozen"))
        else:
            mappen.setdefault(gevonden[0], []).append(gevonden[1])
    if not onbekend and len(mappen) > 1:
        onbekend = [Melding(pad, None, "", "kies documenten uit één uitvoermap tegelijk",
                            "meerdere_uitvoermappen") for pad in paden]
    if onbekend:
        raise InvoerFout(onbekend, "Ongeldige keuze")
    [(map_, binnen)] = mappen.items()
    return map_, binnen


def _voorbeelden(map_: Path, gelezen: manifest.Manifest,
                 documenten: Sequence[manifest.Document]) -> list[Melding]:
    """A refusal for every document that shows example values, with how many and the first
    places. The manifest says how many (since it records them); an older one is answered by
    the document's own text."""
    twins = {d.stam: d for d in gelezen.documenten if d.formaat == "md"}
    meldingen = []
    for d in documenten:
        if d.voorbeelden == 0:
            continue
        gevonden = _in_tekst(map_, d, twins.get(d.stam))
        if gevonden is None:
            meldingen.append(Melding(d.pad, None, "", "is geen leesbaar Word-document meer; "
                                     "maak het opnieuw", "document_onleesbaar"))
            continue
        getal = d.voorbeelden if d.voorbeelden is not None else gevonden.aantal
        if not getal:
            continue
        plekken = "; ".join(str(p) for p in gevonden.plekken)
        rest = getal - len(gevonden.plekken)
        waar = ("" if not plekken else f"; te vinden bij {plekken}" if rest <= 0
                else f"; de eerste {len(gevonden.plekken)}: {plekken} (en nog {rest})")
        meldingen.append(Melding(
            d.pad, None, "",
            f"bevat {aantal(getal, 'voorbeeldwaarde', 'voorbeeldwaarden')}, gemarkeerd met "
            f"‘(voorbeeld)’: waarden die de bron niet geeft en die niet zijn vastgesteld{waar}. "
            "Vul de echte waarden in het regioprofiel in, haal hun voorbeeldmarkering weg en "
            "maak de documenten opnieuw", "voorbeeld_niet_definitief"))
    return meldingen


def _in_tekst(map_: Path, docx: manifest.Document, twin: manifest.Document | None
              ) -> voorbeelden.Voorbeelden | None:
    """The example values in a document's text: the body from its Markdown twin when that is
    the one made with it, else from the .docx itself; headers and footers from the .docx.
    None for a .docx that cannot be read as one."""
    try:
        inhoud = (map_ / docx.pad).read_bytes()
    except OSError:
        return voorbeelden.Voorbeelden(0, ())  # gone: `genereer` and the register report it
    tekst = None
    if twin is not None and sha256(inhoud) == docx.sha256:  # the twin of this very file
        try:
            ruw = (map_ / twin.pad).read_bytes()
            tekst = ruw.decode("utf-8") if sha256(ruw) == twin.sha256 else None
        except (OSError, UnicodeDecodeError):
            tekst = None
    try:
        return voorbeelden.zoek(tekst if tekst is not None else naar_markdown(inhoud),
                                kop_en_voet_van(inhoud))
    except (zipfile.BadZipFile, KeyError, etree.LxmlError):
        return None
