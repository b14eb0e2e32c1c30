"""Parts of a Word package the engine adds or changes besides the body: the footnotes part (with
its relationship and content type), and settings (update fields on opening; the footnote
separators). Each function takes a part's bytes and returns new bytes."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_KOP = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
VEILIG = etree.XMLParser(resolve_entities=False, no_network=True)

VOETNOTEN = "word/footnotes.xml"
VOETNOTEN_RELS = "word/_rels/footnotes.xml.rels"
VOETNOTEN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
VOETNOTEN_RELATIE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
VOETNOTEN_ID = "rIdContractenVoetnoten"  # an id no template's own relationship has

# The children of w:settings in the schema's order, from w:updateFields on: a new element goes
# before the first of its successors that is there.
_INSTELLINGEN = ("updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
                 "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                 "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                 "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                 "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                 "listSeparator")


def _xml(element: Any) -> bytes:
    return XML_KOP + bytes(etree.tostring(element, encoding="UTF-8"))


def _zet_instelling(settings: Any, naam: str, element: Any) -> None:
    """Put `element` in `settings` in its place in the schema's order, instead of the one there
    (which may stand elsewhere: Word reports a settings part out of order as damaged)."""
    bestaand = settings.find(f"{W}{naam}")
    if bestaand is not None:
        settings.remove(bestaand)
    na = _INSTELLINGEN[_INSTELLINGEN.index(naam) + 1:]
    volgende = next((k for k in settings if isinstance(k.tag, str)
                     and etree.QName(k).localname in na), None)
    if volgende is None:
        settings.append(element)
    else:
        volgende.addprevious(element)


def instellingen(settings_xml: bytes, *, velden_bijwerken: bool, voetnoten: bool) -> bytes:
    """settings.xml with `w:updateFields` (Word refreshes the table of contents and its page
    numbers on opening) and/or the footnote separators listed, as Word writes them."""
    settings = etree.fromstring(settings_xml, VEILIG)
    if velden_bijwerken:
        _zet_instelling(settings, "updateFields",
                        etree.Element(f"{W}updateFields", {f"{W}val": "true"}))
    if voetnoten and settings.find(f"{W}footnotePr") is None:
        noot_pr = etree.Element(f"{W}footnotePr")
        for noot_id in ("-1", "0"):
            etree.SubElement(noot_pr, f"{W}footnote", {f"{W}id": noot_id})
        _zet_instelling(settings, "footnotePr", noot_pr)
    return _xml(settings)


def _scheiding(noot_id: str, soort: str, teken: str) -> Any:
    noot = etree.Element(f"{W}footnote", {f"{W}type": soort, f"{W}id": noot_id})
    p = etree.SubElement(noot, f"{W}p")
    p_pr = etree.SubElement(p, f"{W}pPr")
    etree.SubElement(p_pr, f"{W}spacing", {f"{W}after": "0", f"{W}line": "240",
                                           f"{W}lineRule": "auto"})
    r = etree.SubElement(p, f"{W}r")
    etree.SubElement(r, f"{W}{teken}")
    return noot


def eerste_voetnoot_id(bestaand: bytes | None) -> int:
    """The id the first new footnote gets: after the template's own."""
    if bestaand is None:
        return 1
    ids = [int(n.get(f"{W}id", "0")) for n in etree.fromstring(bestaand, VEILIG)
           if n.tag == f"{W}footnote" and n.get(f"{W}id", "").lstrip("-").isdigit()]
    return max([0, *ids]) + 1


def voetnoten(bestaand: bytes | None, noten: list[Any]) -> Any:
    """The w:footnotes element: the template's (or Word's two separators) and `noten`."""
    if bestaand is not None:
        wortel = etree.fromstring(bestaand, VEILIG)
    else:
        wortel = etree.Element(f"{W}footnotes", nsmap={"w": W_NS, "r": (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships")})
        wortel.append(_scheiding("-1", "separator", "separator"))
        wortel.append(_scheiding("0", "continuationSeparator", "continuationSeparator"))
    for noot in noten:
        wortel.append(noot)
    return wortel


def voetnotendeel(wortel: Any) -> bytes:
    return _xml(wortel)


def relaties(rels_xml: bytes | None, nieuw: list[tuple[str, str, str, bool]]) -> bytes:
    """A relationships part with `nieuw` (id, type, target, external) added."""
    rels = (etree.fromstring(rels_xml, VEILIG) if rels_xml is not None
            else etree.Element(f"{{{R_NS}}}Relationships", nsmap={None: R_NS}))
    for rid, soort, doel, extern in nieuw:
        attributen = {"Id": rid, "Type": soort, "Target": doel}
        if extern:
            attributen["TargetMode"] = "External"
        etree.SubElement(rels, f"{{{R_NS}}}Relationship", attributen)
    return _xml(rels)


def met_override(content_types: bytes, deel: str, soort: str) -> bytes:
    """[Content_Types].xml with an Override for `deel` (e.g. word/footnotes.xml)."""
    typen = etree.fromstring(content_types, VEILIG)
    naam = "/" + deel
    if not any(o.get("PartName") == naam for o in typen.iter(f"{{{CT_NS}}}Override")):
        etree.SubElement(typen, f"{{{CT_NS}}}Override", {"PartName": naam, "ContentType": soort})
    return _xml(typen)


def met_media(content_types: bytes, media: dict[str, tuple[bytes, str]]) -> dict[str, bytes]:
    """The media parts (name -> (bytes, content type)) and [Content_Types].xml with a Default
    for each of their extensions (png, jpg)."""
    typen = etree.fromstring(content_types, VEILIG)
    for naam, (_, soort) in media.items():
        extensie = naam.rsplit(".", 1)[-1].lower()
        if not any(d.get("Extension", "").lower() == extensie
                   for d in typen.iter(f"{{{CT_NS}}}Default")):
            etree.SubElement(typen, f"{{{CT_NS}}}Default",
                             {"Extension": extensie, "ContentType": soort})
    return {"[Content_Types].xml": _xml(typen), **{n: b for n, (b, _) in media.items()}}


def taal(styles_xml: bytes | Any) -> str | None:
    """The template's language: the w:lang of its document defaults ('nl-NL'); of
    word/styles.xml as bytes or as read already."""
    styles = etree.fromstring(styles_xml, VEILIG) if isinstance(styles_xml, bytes) \
        else styles_xml
    lang = styles.find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return lang.get(f"{W}val") if lang is not None else None


def kernmerken(titel: str, tijdstip: dt.datetime, taal: str | None = None) -> bytes:
    """docProps/core.xml: title, language (the template's, e.g. nl-NL) and fixed stamps."""
    stempel = tijdstip.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        XML_KOP.decode() +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://'
        'www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(titel, quote=False)}</dc:title>"
        + (f"<dc:language>{escape(taal, quote=False)}</dc:language>" if taal else "") +
        "<dc:creator>contracten</dc:creator><cp:lastModifiedBy>contracten</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f"<cp:lastPrinted>{stempel}</cp:lastPrinted>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stempel}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stempel}</dcterms:modified>'
        "</cp:coreProperties>").encode("utf-8")
