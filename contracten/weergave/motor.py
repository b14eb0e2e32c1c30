"""The rendering engine for bulk generation: each template is prepared once (read, docxtpl's tag
clean-up, Jinja compiled) and then filled per document without loading or saving a Word document.

The result is text-identical to a plain docxtpl render, at a fraction of the cost:
the template zip, the compiled body, headers and footers, and a scratch document for the
formatted fragments are kept per process. A filled body is joined from its blocks, each
processed once per run however many documents share it (`blokgeheugen`, `samenstelling`); what
cannot be cut into blocks goes the whole-body way (`Motor._heel`), with the same result.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from lxml import etree

from contracten.weergave import inhoudsopgave, pakket, stroomblok, tabelbreedte
from contracten.weergave.blokgeheugen import GRENS, PER_GENERATIE, Blokgeheugen, markeer
from contracten.weergave.blokken import geserialiseerd
from contracten.weergave.blokvorm import eigen_waarden
from contracten.weergave.docxtplpassen import DocxtplOngeschikt, Passen
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.inpakken import Inpakker
from contracten.weergave.invulgrenzen import invulgrenzen
from contracten.weergave.kladblok import Kladblok, W
from contracten.weergave.samenstelling import Stroomtekst, als_body, documentdeel, samengesteld
from contracten.weergave.sjabloon import (
    OMGEVING,
    VULFOUTEN,
    ArtikelTeller,
    SjabloonFout,
    gebroken_tags,
    sjabloonfout,
)
from contracten.weergave.sjabloonbestand import begrensd
from contracten.weergave.stijlen import Stijlen
from contracten.weergave.tekstversie import (
    Onderdeel,
    kop_en_voet,
    koppen_uit,
    markdown_uit,
    onderdelen_van,
)
from contracten.weergave.vertaald import variabelen, vertaald

KOPVOET = re.compile(r"word/(header|footer)\d*\.xml")
KOLOMLUS = re.compile(r"\{%-?\s*tc\b")
XML_KOP = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
STRIKT = etree.XMLParser(recover=False, huge_tree=True, resolve_entities=False, no_network=True)
VEILIG = etree.XMLParser(resolve_entities=False, no_network=True)  # no XXE from a template


@dataclass(frozen=True)
class Gerenderd:
    docx: bytes
    body_xml: str | Stroomtekst  # the rendered w:body (in parts: see samengesteld)
    delen: list[Onderdeel]  # its paragraphs and tables, for the Markdown twin and the headings
    voetnoten: Any  # the w:footnotes element, if it has any
    stijlen: dict[str, str]  # style id -> style name as Word shows it ('Heading 1')
    links: dict[str, str]  # relationship id -> URL (of the body and of the footnotes)
    kopvoet: tuple[str, ...] = ()  # the XML of its headers and footers
    gelinkt: Any = None  # the template's memory of blocks with a link (see markdown_uit)

    @cached_property
    def body(self) -> Any:
        """The w:body element; its parent (a w:document) also holds the footnotes."""
        xml = self.body_xml if isinstance(self.body_xml, str) else self.body_xml.tekst()
        return als_body(xml, self.voetnoten)

    def markdown(self) -> str:
        """The document's Markdown twin."""
        return markdown_uit(self.delen, self.stijlen, self.links, self.voetnoten, self.gelinkt)

    def koppen(self, niveaus: tuple[str, ...]) -> list[str]:
        """The text of the body's paragraphs in the given styles (e.g. the article headings)."""
        return koppen_uit(self.delen, self.stijlen, niveaus)

    def kop_en_voet(self, merk: str = "") -> list[str]:
        """The text of its headers and footers, which the twin leaves out (see kop_en_voet)."""
        return kop_en_voet(self.kopvoet, merk)


class Motor:
    """One prepared template."""

    def __init__(self, pad: Path, naam: str, *, inhoud: bytes | None = None) -> None:
        """Prepare the template at `pad` (or its bytes `inhoud`, read by `begrensd`)."""
        self.naam = naam
        self.voorraadsleutel: tuple[str, str] | None = None  # see weergave.voorraad
        try:
            self.bytes = begrensd(pad, naam) if inhoud is None else inhoud
            self.passen = Passen(self.bytes)
            with zipfile.ZipFile(io.BytesIO(self.bytes)) as z:
                self.delen = {info.filename: z.read(info.filename) for info in z.infolist()}
        except (SjabloonFout, DocxtplOngeschikt):
            raise
        except Exception as exc:
            raise SjabloonFout(naam, f"geen leesbaar Word-bestand ({exc})",
                               "sjabloon_onleesbaar") from exc
        document = etree.fromstring(self.delen["word/document.xml"], VEILIG)
        body = document.find(f"{{{W}}}body")
        # The template's text parts, after docxtpl's clean-up of tags split over runs.
        self.gesneden = markeer(body)  # cut into blocks after filling: see blokgeheugen
        ruw = etree.tostring(body, encoding="unicode")
        # Only a column loop ({%tc %}) changes how many cells a row has; without one every
        # table keeps the grid it has in the template (fragments' tables make their own).
        self.kolomlussen = bool(KOLOMLUS.search(re.sub(r"<[^>]*>", "", ruw)))
        self.bronnen = {"word/document.xml": self.passen.voorbereid(ruw)}
        self.bronnen |= {
            deel: self.passen.voorbereid(etree.tostring(etree.fromstring(inhoud, VEILIG),
                                                        encoding="unicode"))
            for deel, inhoud in self.delen.items() if KOPVOET.fullmatch(deel)}
        gebroken = [stuk for bron in self.bronnen.values() for stuk in gebroken_tags(bron)]
        if gebroken:
            raise SjabloonFout(naam, f"sjabloontag niet heel (bij: {gebroken[0]}); staat een tag "
                               "verspreid over opmaak (bijv. half vet)? Typ de tag opnieuw in één "
                               "keer.", "sjabloon_tag")
        try:
            self.body = vertaald(OMGEVING, self.bronnen["word/document.xml"])
            self.kopvoet = {deel: vertaald(OMGEVING, bron)
                            for deel, bron in self.bronnen.items() if deel != "word/document.xml"}
        except TemplateSyntaxError as exc:
            raise sjabloonfout(naam, exc) from exc
        for kind in list(body):
            body.remove(kind)
        romp = etree.tostring(document, encoding="unicode")
        self.voor, self.na = re.split(r"<w:body\s*/>", romp, maxsplit=1)
        self.kladblok = Kladblok(self.passen.document,
                                 pakket.eerste_voetnoot_id(self.delen.get(pakket.VOETNOTEN)))
        self.inpakker = Inpakker(self.delen)
        # A filled header or footer -> cleaned up: mostly the same for every aanbieder.
        self.kopvoet_klaar: Geheugen[str, str] = Geheugen(PER_GENERATIE)
        self.relaties_klaar: Geheugen[tuple[Any, ...], bytes] = Geheugen(PER_GENERATIE)
        styles = etree.fromstring(self.delen["word/styles.xml"], VEILIG)  # read once, for all
        stijlen = Stijlen(styles)
        self.stijlen = stijlen.namen
        self.inhoud_stijlen = {f"TOC {n}": stijlen.id_van(f"TOC {n}") for n in range(1, 10)}
        self.taal = pakket.taal(styles)
        self.opmaak = tabelbreedte.Opmaak(styles, self.delen.get("word/numbering.xml"),
                                          bron=self.delen["word/styles.xml"])
        # Serialised block -> its twin (tekstversie), for the whole-body path.
        self.tweeling: Geheugen[str, Any] = Geheugen(PER_GENERATIE)
        self.blokgeheugen = Blokgeheugen(self.passen.nabewerkt, self.stijlen)

    def variabelen(self) -> set[str]:
        """Every variable the template uses that it does not define itself."""
        gebruikt: set[str] = set()
        for bron in self.bronnen.values():
            gebruikt |= variabelen(OMGEVING, bron)
        return gebruikt

    def render(self, context: dict[str, Any], *, titel: str, tijdstip: dt.datetime) -> Gerenderd:
        try:
            inhoud, extra = self.kladblok.omgezet(context)
            teller = ArtikelTeller()
            inhoud["artikel"], inhoud["lid"] = teller, teller.lid
            with invulgrenzen(titel) as invulling:
                # Cut as it is filled: a large block is never one string (see stroomblok).
                gesplitst = stroomblok.gevuld(invulling, self.body, inhoud, GRENS)
                kopvoet = {naam: self._nabewerkt(invulling.vul(sjabloon, inhoud))
                           for naam, sjabloon in self.kopvoet.items()}
        except VULFOUTEN as exc:
            raise sjabloonfout(self.naam, exc) from exc
        opmaak = (self.opmaak if extra.nummering is None
                  else self.opmaak.met_nummering(extra.nummering))
        # Blocks filled before come from memory; a column loop needs the whole body.
        gesneden = (self.blokgeheugen.blokken(gesplitst, opmaak, extra.nummering,
                                              eigen_waarden(context))
                    if self.gesneden and not self.kolomlussen else None)
        heel = stroomblok.heel(gesplitst) if gesneden is None else ""  # without the markers
        del gesplitst
        if gesneden is not None:
            body_tekst, delen, met_inhoudsopgave, body_utf8 = samengesteld(
                *gesneden, self.blokgeheugen, self.inhoud_stijlen)
        else:
            body_tekst, delen, met_inhoudsopgave, body_utf8 = self._heel(heel, opmaak)
        lichaam = documentdeel(XML_KOP + self.voor, body_tekst, body_utf8, self.na)
        vervangen = {
            "docProps/core.xml": pakket.kernmerken(titel, tijdstip, self.taal),
            **{naam: (XML_KOP + xml).encode("utf-8") for naam, xml in kopvoet.items()},
        }
        relaties = list(extra.relaties)
        links = {rid: doel for rid, _, doel, extern in [*relaties, *extra.voetnootrelaties]
                 if extern}
        noten = None
        if extra.voetnoten:
            bestaand = self.delen.get(pakket.VOETNOTEN)
            noten = pakket.voetnoten(bestaand, extra.voetnoten)
            vervangen[pakket.VOETNOTEN] = pakket.voetnotendeel(noten)
            if extra.voetnootrelaties:
                vervangen[pakket.VOETNOTEN_RELS] = pakket.relaties(
                    self.delen.get(pakket.VOETNOTEN_RELS), extra.voetnootrelaties)
            if bestaand is None:
                relaties.append((pakket.VOETNOTEN_ID, pakket.VOETNOTEN_RELATIE, "footnotes.xml",
                                 False))
                vervangen["[Content_Types].xml"] = pakket.met_override(
                    self.delen["[Content_Types].xml"], pakket.VOETNOTEN, pakket.VOETNOTEN_TYPE)
        if extra.media:
            vervangen |= pakket.met_media(
                vervangen.get("[Content_Types].xml", self.delen["[Content_Types].xml"]),
                extra.media)
        if relaties:
            vervangen["word/_rels/document.xml.rels"] = self._relaties(tuple(relaties))
        if (met_inhoudsopgave or extra.voetnoten) and "word/settings.xml" in self.delen:
            vervangen["word/settings.xml"] = self.inpakker.instellingen(
                velden_bijwerken=met_inhoudsopgave, voetnoten=bool(extra.voetnoten))
        if extra.nummering is not None:
            vervangen["word/numbering.xml"] = extra.nummering
        return Gerenderd(self.inpakker.zip({**vervangen, "word/document.xml": lichaam}),
                         body_tekst, delen, noten, self.stijlen, links,
                         tuple(kopvoet[naam] for naam in sorted(kopvoet)),
                         self.blokgeheugen.gelinkt)

    def _relaties(self, relaties: tuple[tuple[str, str, str, bool], ...]) -> bytes:
        """The body's relationships with `relaties` added: the same for most documents."""
        klaar = self.relaties_klaar.get(relaties)
        if klaar is None:
            klaar = self.relaties_klaar[relaties] = pakket.relaties(
                self.delen["word/_rels/document.xml.rels"], list(relaties))
        return klaar

    def _nabewerkt(self, xml: str) -> str:
        klaar = self.kopvoet_klaar.get(xml)
        if klaar is None:
            klaar = self.kopvoet_klaar[xml] = self.passen.nabewerkt(xml)
        return klaar

    def _heel(self, gevuld: str, opmaak: tabelbreedte.Opmaak
              ) -> tuple[str, list[Onderdeel], bool, None]:
        """The filled body (without block markers) as a whole: cleaned up, drawings numbered,
        the table of contents filled, tables fitted; its XML, its children for the twin, and
        whether it has a table of contents (and no UTF-8 of it: see `samengesteld`)."""
        body_xml = self.passen.nabewerkt(gevuld)
        try:
            body = etree.fromstring(body_xml, STRIKT)  # never let lxml 'recover' text away
            if self.kolomlussen:  # cells added or removed: docxtpl fits the tables' grids
                body = self.passen.tabellen_passend(body_xml)
        except etree.XMLSyntaxError as exc:
            raise SjabloonFout(self.naam, f"geen geldige Word-XML als resultaat ({exc})") from exc
        self.passen.tekeningen_genummerd(body)
        met_inhoudsopgave = inhoudsopgave.vul(body, self.stijlen, self.inhoud_stijlen)
        tabelbreedte.pas_aan(body, opmaak)
        body_tekst, blokken = geserialiseerd(body)
        return (body_tekst, onderdelen_van(body, self.stijlen, blokken, self.tweeling),
                met_inhoudsopgave, None)
