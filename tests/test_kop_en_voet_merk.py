"""Headers and footers are looked at for example values ("(voorbeeld)") without reading a part
whose text cannot hold one (`kop_en_voet(..., merk)`, issue 31): a letter's footer with its own
kenmerk is no longer parsed for every letter. A part that may hold the mark, however written
(in one run, over two runs, as a character reference), is read as before."""

from __future__ import annotations

import pytest
from docx.oxml.ns import nsdecls

from contracten.uitvoer import voorbeelden
from contracten.weergave.tekstversie import kop_en_voet


def _voet(*runs: str) -> str:
    return (f'<w:ftr {nsdecls("w")}><w:p>'
            + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs)
            + "</w:p></w:ftr>")


@pytest.mark.parametrize("delen", [
    [_voet("Pagina 1 · ons kenmerk ASN/2026/SR/0010")],
    [_voet("Tarief (voorbeeld)")],
    [_voet("Tarief (voor", "beeld)")],
    [_voet("Tarief &#40;voorbeeld)")],
    [_voet("Tarief &#x28;voorbeeld&#x29;"), _voet("gewoon")],
    [_voet("waarden met ‘(voorbeeld)’ zijn voorbeelden")],
])
def test_dezelfde_telling_als_alles_gelezen(delen):
    alles = kop_en_voet(delen)
    gezien = kop_en_voet(delen, voorbeelden.MERK)
    assert voorbeelden.tel("", gezien) == voorbeelden.tel("", alles)
    for tekst, volledig in zip(gezien, alles, strict=True):
        assert tekst in (volledig, "")
        if voorbeelden.MERK in volledig:
            assert tekst == volledig  # never skipped


def test_een_voettekst_zonder_haakje_wordt_niet_gelezen():
    voet = _voet("Pagina 1 · ons kenmerk ASN/2026/SR/0011")
    assert kop_en_voet([voet], voorbeelden.MERK) == [""]
    assert kop_en_voet([voet]) == ["Pagina 1 · ons kenmerk ASN/2026/SR/0011"]
