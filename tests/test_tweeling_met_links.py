"""The Markdown twin of a block with a link (issue 31): what the twin read from it is kept per
template by its XML and the document's links (`markdown_uit(..., gelinkt)`), so a letter's
paragraphs with a link are not read again in every letter. The twin is the same as read anew;
another URL behind the same relationship id reads anew; a block with a footnote is always read
in its place."""

from __future__ import annotations

from docx.oxml.ns import nsdecls
from lxml import etree

from contracten.weergave.blokken import geserialiseerd
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.tekstversie import markdown_uit, onderdeel

LINK = ('<w:p><w:r><w:t xml:space="preserve">Zie </w:t></w:r><w:hyperlink r:id="rId7"><w:r>'
        '<w:t>de monitor</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>')
GEWOON = '<w:p><w:r><w:t>Met vriendelijke groet</w:t></w:r></w:p>'
NOOT = ('<w:p><w:r><w:t>Tekst</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r>'
        '<w:hyperlink r:id="rId7"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>')


def _delen(*alineas: str) -> list:
    body = etree.fromstring(f'<w:body {nsdecls("w", "r")}>{"".join(alineas)}</w:body>')
    _, sleutels = geserialiseerd(body)
    return [onderdeel(kind, {}, sleutel) for kind, sleutel in zip(body, sleutels, strict=True)]


def test_een_blok_met_een_link_uit_het_geheugen_is_hetzelfde():
    geheugen: Geheugen = Geheugen(100)
    for url in ["https://a.example/", "https://a.example/", "https://a.example/",
                "https://b.example/", "https://a.example/"]:
        delen = _delen(GEWOON, LINK, GEWOON)
        assert delen[1].gelinkt is not None and delen[1].gelezen is None
        links = {"rId7": url}
        verwacht = markdown_uit(_delen(GEWOON, LINK, GEWOON), {}, links)
        assert f"[de monitor]({url})" in verwacht
        assert markdown_uit(delen, {}, links, None, geheugen) == verwacht
    assert len(geheugen) == 1  # a: kept from its second use; b only once


def test_een_blok_met_een_voetnoot_wordt_altijd_ter_plekke_gelezen():
    (deel,) = _delen(NOOT)
    assert deel.gelinkt is None and deel.gelezen is None and deel.element is not None
