"""The block memory fits a block's tables without looking them up per table
(`tabelbreedte.pas_aan(..., onthouden=False)`, issue 31): the block itself is kept fitted, so a
table naming one aanbieder is not hashed and remembered on its own. The fitted table is the
same either way."""

from __future__ import annotations

from docx.oxml.ns import nsdecls
from lxml import etree

from contracten.weergave import tabelbreedte


def _stijlen() -> bytes:
    return (f'<w:styles {nsdecls("w")}><w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>').encode()


def _body(naam: str) -> etree._Element:
    rij = ('<w:tr><w:tc><w:p><w:r><w:t>{tekst}</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:p><w:r><w:t>vast</w:t></w:r></w:p></w:tc></w:tr>')
    return etree.fromstring(
        f'<w:body {nsdecls("w")}><w:tbl><w:tblGrid><w:gridCol w:w="1000"/>'
        f'<w:gridCol w:w="7000"/></w:tblGrid>{rij.format(tekst="Namens Opdrachtnemer,")}'
        f'{rij.format(tekst=naam)}</w:tbl></w:body>')


def test_zonder_tabelgeheugen_dezelfde_tabel():
    met = tabelbreedte.Opmaak(_stijlen(), None)
    zonder = tabelbreedte.Opmaak(_stijlen(), None)
    namen = ["Zorg", "Dagbestedingscentrumorganisatie", "Zorg", "Zorg &amp; Welzijn 'De Brug' B.V.",
             "Dagbestedingscentrumorganisatie"]
    uitkomsten = set()
    for naam in namen:
        a, b = _body(naam), _body(naam)
        tabelbreedte.pas_aan(a, met, 9072)
        tabelbreedte.pas_aan(b, zonder, 9072, onthouden=False)
        assert etree.tostring(a) == etree.tostring(b), naam
        uitkomsten.add(etree.tostring(a))
    assert len(uitkomsten) == 3  # the widths follow the name
    assert len(met.minima) > 0  # tables seen twice are kept …
    assert len(zonder.minima) == 0  # … but not without the table memory
