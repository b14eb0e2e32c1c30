"""The scratch document where Fragments become Word XML: one per prepared template, emptied
after every document, so what a document's fragments add (relationships, images, numberings,
footnotes) is collected for its package and never carried into the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from markupsafe import Markup

from contracten.weergave import pakket
from contracten.weergave.fragment import Fragment
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.word import voetnoot, vul

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Fragmenten:
    """What the fragments of one document add besides their XML."""

    relaties: list[tuple[str, str, str, bool]]  # of the body: (id, type, target, external)
    nummering: bytes | None  # the numbering part, when lists added numberings
    voetnoten: list[Any]  # w:footnote elements
    voetnootrelaties: list[tuple[str, str, str, bool]]  # of the footnotes part
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # name -> (bytes, type)


PER_GENERATIE = 128  # sets of fragments remembered per template (see Geheugen)


class Kladblok:
    def __init__(self, document: Any, eerste_voetnoot: int) -> None:
        self.document = document  # a python-docx Document of the template
        self.eerste_voetnoot = eerste_voetnoot
        # What a document's fragments became, by their data: documents of one template often
        # carry the same (a letter's fixed paragraphs). The scratch document is put back after
        # every document (also after an error), so the same fragments give the same XML,
        # numbering and relationship ids; an image keeps the part name python-docx gave it the
        # first time in this process, as it would without this memory.
        self._onthouden: Geheugen[str, tuple[dict[str, Markup], Fragmenten]] = \
            Geheugen(PER_GENERATIE)
        # Whether an image went into the scratch document: its memory names an image by its
        # path, not its bytes, and python-docx keeps the image part (see weergave.voorraad).
        self.met_afbeelding = False

    def omgezet(self, context: dict[str, Any]) -> tuple[dict[str, Any], Fragmenten]:
        """Turn Fragments into Word XML, their footnotes into w:footnote elements; return what
        they add to the package, and put the scratch document back as it was."""
        fragmenten = [(k, v) for k, v in context.items() if isinstance(v, Fragment)]
        if not fragmenten:
            return dict(context), Fragmenten([], None, [], [])
        # Footnotes are elements the document takes over: those are made afresh every time.
        sleutel = None if any(v.voetnoten for _, v in fragmenten) else repr(fragmenten)
        klaar = self._onthouden.get(sleutel) if sleutel is not None else None
        if klaar is None:
            klaar = self._omgezet(fragmenten)
            if sleutel is not None:
                self._onthouden[sleutel] = klaar
        xml, extra = klaar
        return {**context, **xml}, extra

    def _omgezet(self, fragmenten: list[tuple[str, Fragment]]
                 ) -> tuple[dict[str, Markup], Fragmenten]:
        deel = self.document.part
        relaties_voor = set(deel.rels)
        nummering = deel.numbering_part.element
        aantal_nums = len(nummering)
        try:
            return self._omzetten(fragmenten, relaties_voor, nummering, aantal_nums)
        finally:  # the scratch document as it was, for the next document (also after an error)
            for rid in set(deel.rels) - relaties_voor:
                deel.rels.pop(rid)
            for num in list(nummering)[aantal_nums:]:
                nummering.remove(num)
            self._leeg()

    def _omzetten(self, fragmenten: list[tuple[str, Fragment]], relaties_voor: set[str],
                  nummering: Any, aantal_nums: int) -> tuple[dict[str, Markup], Fragmenten]:
        """The fragments' XML and what they add; `_omgezet` puts the scratch document back."""
        deel = self.document.part
        body = self.document.element.body
        uit: dict[str, Markup] = {}
        noten: list[tuple[int, str]] = []  # (id in the document, Markdown)
        for sleutel, waarde in fragmenten:
            self._leeg()
            vul(self.document, waarde)
            # A reference carries the note's number in its fragment: make it the document's id.
            basis = self.eerste_voetnoot + len(noten)
            for verwijzing in body.iter(f"{{{W}}}footnoteReference"):
                verwijzing.set(f"{{{W}}}id", str(basis + int(verwijzing.get(f"{{{W}}}id")) - 1))
            noten += [(basis + i, tekst) for i, tekst in enumerate(waarde.voetnoten)]
            uit[sleutel] = Markup("".join(
                etree.tostring(kind, encoding="unicode") for kind in body
                if kind.tag != f"{{{W}}}sectPr"))
        rels_body = set(deel.rels) - relaties_voor
        elementen = []
        for noot_id, tekst in noten:
            self._leeg()
            elementen.append(voetnoot(self.document, noot_id, tekst))
        rels_noten = set(deel.rels) - relaties_voor - rels_body

        media: dict[str, tuple[bytes, str]] = {}

        def weg(ids: set[str]) -> list[tuple[str, str, str, bool]]:
            rels = [deel.rels[r] for r in sorted(ids)]
            for rel in rels:
                deel.rels.pop(rel.rId)
                if rel.reltype == RT.IMAGE:  # an image's bytes go into the package too
                    self.met_afbeelding = True
                    media[rel.target_part.partname.lstrip("/")] = (
                        rel.target_part.blob, rel.target_part.content_type)
            return [(r.rId, r.reltype, r.target_ref, r.is_external) for r in rels]

        extra = Fragmenten(weg(rels_body), None, elementen, weg(rels_noten), media)
        if len(nummering) != aantal_nums:
            extra.nummering = pakket.XML_KOP + etree.tostring(nummering, encoding="UTF-8")
        return uit, extra

    def _leeg(self) -> None:
        body = self.document.element.body
        for kind in list(body):
            if kind.tag != f"{{{W}}}sectPr":
                body.remove(kind)
