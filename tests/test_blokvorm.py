"""Blocks that name the aanbieder, made from their form (`weergave.blokvorm`): a block processed
once with placeholders where the aanbieder's name, address and numbers stood, then filled in per
aanbieder. That must give byte for byte what processing the block itself gives, also for names
that change a table's widths or a row's length, that look like a list item, that are escaped,
that stand in a heading or in the template's own markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx.oxml.ns import nsdecls

from contracten import genereer, laad_regio
from contracten.weergave import blokvorm, motor
from contracten.weergave.motor import Motor

from .conftest import ASSEN_DATUM, REGIOS
from .test_blokken_uit_het_geheugen import INHOUDSOPGAVE, _alinea, _bestanden, _maak

TIJDSTIP = dt.datetime(2026, 1, 1)
VUL = "tekst " * 62  # makes a row of about 400 characters with a name: short or not by its length


def _cel(inhoud: str, breedte: int = 4000) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{breedte}" w:type="dxa"/></w:tcPr><w:p><w:r>'
            f'<w:t xml:space="preserve">{inhoud}</w:t></w:r></w:p></w:tc>')


def _tabel(*rijen: tuple[str, str]) -> str:
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
            + "".join(f"<w:tr>{_cel(a)}{_cel(b)}</w:tr>" for a, b in rijen) + "</w:tbl>")


SJABLOON = [
    *INHOUDSOPGAVE,  # lists the heading with the name
    _alinea("Opdrachtnemer: {{ aanbieder.naam }}"),
    _alinea("{{ aanbieder.naam }}, gevestigd aan {{ aanbieder.adres.straat }}, "
            "{{ aanbieder.adres.postcode }} {{ aanbieder.adres.plaats }}, KvK {{ aanbieder.kvk }}"),
    _alinea("{{ aanbieder.kvk }}. Dit nummer staat in het Handelsregister."),
    _alinea("{{ aanbieder.naam }}"),  # the whole paragraph: a name like "12. Zorg" is text
    f'<w:p {nsdecls("w")}><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Namens '
    '</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{ aanbieder.naam }}</w:t></w:r></w:p>',
    _alinea("Afspraken met {{ aanbieder.naam }}", "Heading1"),  # a heading: never from a form
    _tabel(("Namens Opdrachtgever, Gemeente Assen", "Namens Opdrachtnemer, {{ aanbieder.naam }}"),
           ("Plaats: Assen", "Plaats: {{ aanbieder.adres.plaats }}"),
           ("Naam:", "{{ aanbieder.contact.naam }}")),
    _tabel((VUL, "{{ aanbieder.naam }}")),
    _alinea("Zonder aanbieder: Gemeente Assen, Heading1, preserve."),
]

NAMEN = [
    "Zorg A", "Zorg B", "Stichting Kamerkompas 11", "Zorg C",
    "Zorgcoöperatie Noorderveld",
    "Onderaannemersovereenkomstbepalingenzorgverleners",  # one word: its column gets wider
    "Zorg " + "x " * 30,  # a longer row: no longer kept on one page
    "12. Zorg",  # starts like a list item in the twin
    "Gemeente", "Assen", "preserve", "Heading1", "t", "w",  # text of the template, its markup
    "Zorg 't Hof", "Zorg & Welzijn", "Zorg <B.V.>", 'Stichting "Het Anker"', "'t Hof",
    "ZorgPlus",  # never a form's part: it could be the name of an XML element
    "Zorg A", "Zorg D B.V.",
]


def _aanbieder(i: int, naam: str) -> SimpleNamespace:
    return SimpleNamespace(
        naam=naam, kvk=f"{70000000 + i}", agb=f"{60000000 + i}",
        adres=SimpleNamespace(straat=f"Dorpsstraat {i}", postcode="9472 RM",
                              plaats="Assen" if i % 3 == 0 else "Zuidlaren"),
        contact=SimpleNamespace(naam=f"Esther Veenstra {i}", telefoon="050 700 0113",
                                email="info@zorg.voorbeeld.nl"))


def test_een_blok_uit_zijn_vorm_is_het_blok_zelf(tmp_path, monkeypatch):
    sjabloon = _maak(tmp_path / "proef.docx", SJABLOON)
    m = Motor(sjabloon, sjabloon.name)
    uit_vorm: list[object] = []
    echt = blokvorm.Vormen.blok

    def blok(self, *args):
        gemaakt = echt(self, *args)
        uit_vorm.append(gemaakt)
        return gemaakt

    monkeypatch.setattr(blokvorm.Vormen, "blok", blok)
    snel = []
    for i, naam in enumerate(NAMEN):
        uit = m.render({"aanbieder": _aanbieder(i, naam), "regio": "Assen"}, titel=naam,
                       tijdstip=TIJDSTIP)
        snel.append((uit.docx, uit.markdown(), uit.koppen(("Heading 1",))))
    monkeypatch.setattr(blokvorm.Vormen, "blok", echt)
    assert sum(b is not None for b in uit_vorm) >= 3 * len(NAMEN)  # the form way was taken
    monkeypatch.setattr(motor, "eigen_waarden", lambda context: ())
    for i, naam in enumerate(NAMEN):
        zelf = Motor(sjabloon, sjabloon.name)  # a fresh engine, every block processed itself
        uit = zelf.render({"aanbieder": _aanbieder(i, naam), "regio": "Assen"}, titel=naam,
                          tijdstip=TIJDSTIP)
        assert snel[i] == (uit.docx, uit.markdown(), uit.koppen(("Heading 1",))), naam
    md = {naam: s[1] for naam, s in zip(NAMEN, snel, strict=True)}
    assert "\n12\\. Zorg\n" in md["12. Zorg"]  # as the twin escapes it
    assert "Namens Opdrachtnemer, Zorg B" in md["Zorg B"]


def test_een_naam_die_de_kolombreedte_of_de_rij_verandert_gaat_de_gewone_weg(tmp_path):
    sjabloon = _maak(tmp_path / "proef.docx", [_tabel((VUL, "{{ aanbieder.naam }}"))])
    m = Motor(sjabloon, sjabloon.name)
    for i in range(3):
        m.render({"aanbieder": _aanbieder(i, f"Zorg {i}"), "regio": "Assen"},
                 titel="x", tijdstip=TIJDSTIP)
    (_, _, vormen), = m.blokgeheugen._lagen.values()
    vorm = next(iter(vormen._geheugen._jong.values()))
    (tabel,) = vorm.tabellen
    assert tabel.past(blokvorm.eigen_waarden({"aanbieder": _aanbieder(5, "Zorg Q")}))
    breed = blokvorm.eigen_waarden({"aanbieder": _aanbieder(5, "Z" * 60)})
    lang = blokvorm.eigen_waarden({"aanbieder": _aanbieder(5, "Zorg " + "x " * 30)})
    assert not tabel.past(breed) and not tabel.past(lang)
    assert vorm.ingevuld(breed) is None


def test_alleen_gewone_tekst_in_een_run_wordt_een_plaatshouder():
    stuk = ('<w:p><w:pPr><w:pStyle w:val="Zorg"/></w:pPr><w:r><w:t xml:space="preserve">Zorg '
            'en meer Zorg</w:t></w:r><w:r><w:t>Zorg</w:t></w:r><w:r><w:instrText>Zorg'
            '</w:instrText></w:r></w:p>')
    waarden = ("Zorg", *[""] * (len(blokvorm.VELDEN) - 1))
    vorm = blokvorm.vorm_van(stuk, waarden)
    assert vorm is not None and vorm.count(blokvorm.TEKENS[0]) == 3
    assert 'w:val="Zorg"' in vorm and "<w:instrText>Zorg<" in vorm
    assert blokvorm.ingevuld(vorm, waarden) == stuk
    assert blokvorm.vorm_van(stuk, ("Anders", *waarden[1:])) is None
    assert blokvorm.vorm_van(stuk.replace("meer", "meer\t"), waarden) is None  # a tab: docxtpl's
    for onveilig in ["Zorg_1", " Zorg", "docPr", "Zorg*", "Zorg|x", "[Zorg]", "Zorg\u00a0B",
                     "Zorg\ue000", "Zorg\\", "r:id=", "Zorg\tB", ""]:
        assert not blokvorm.veilig(onveilig), onveilig
    for veilig in ["Zorg B.V.", "Stichting De Esch 21", "9472 RM", "info@zorg.nl",
                   "050-700 0113", "Zorgcoöperatie (Noord)", "12. Zorg", "'t Hof", "Zorg & Co",
                   "Zorg <B>", 'Stichting "Het Anker"']:
        assert blokvorm.veilig(veilig), veilig
    # in the filled template (Jinja's escape), in the XML (lxml's) and in the twin
    assert blokvorm.vormen(("'t <A> & \"B\"",)) == (
        ("'t <A> & \"B\"",), ("&#39;t &lt;A&gt; &amp; &#34;B&#34;",),
        ("'t &lt;A&gt; &amp; \"B\"",), ("'t &lt;A> & \"B\"",))


@pytest.mark.parametrize("naam", ["assen"])
def test_de_documenten_van_een_regio_zijn_met_en_zonder_vormen_gelijk(naam, tmp_path,
                                                                        monkeypatch):
    regio = laad_regio(REGIOS, naam)
    gebruikt = []
    echt = blokvorm.Vorm.ingevuld
    monkeypatch.setattr(blokvorm.Vorm, "ingevuld",
                        lambda self, w: gebruikt.append(1) or echt(self, w))
    genereer(regio, uitvoer=tmp_path / "vorm", datum=ASSEN_DATUM, processen=1)
    assert len(gebruikt) >= 2 * len(regio.aanbieders)
    monkeypatch.setattr(motor, "eigen_waarden", lambda context: ())
    genereer(regio, uitvoer=tmp_path / "zelf", datum=ASSEN_DATUM, processen=1)
    vorm, zelf = _bestanden(tmp_path / "vorm"), _bestanden(tmp_path / "zelf")
    assert vorm.keys() == zelf.keys()
    assert [p for p in vorm if vorm[p] != zelf[p]] == []


def test_een_gewijzigde_naam_vindt_geen_oude_tekst(tmp_path: Path):
    """The form is looked up by the block's text with its placeholders, and filled in with
    this document's values: another aanbieder's name never shows."""
    sjabloon = _maak(tmp_path / "proef.docx", SJABLOON)
    m = Motor(sjabloon, sjabloon.name)
    for i in range(4):
        uit = m.render({"aanbieder": _aanbieder(i, f"Zorg {i}"), "regio": "Assen"},
                       titel="x", tijdstip=TIJDSTIP)
        md = uit.markdown()
        assert f"Opdrachtnemer: Zorg {i}" in md
        assert all(f"Zorg {j}" not in md for j in range(4) if j != i)


def _waarden_om_te_proberen() -> list[str]:
    """Names, addresses and odd texts: every character the twin or lxml escapes, letters from
    other scripts, control characters, and each character of a range of code points."""
    gewoon = ["", "Zorg B.V.", "Stichting Één Thuis 2", "9401 JW", "info@zorg.nl", "'t Hof",
              "Zorg & Co", "Zorg <B>", 'Stichting "Het Anker"', "A>B", "&amp;", "]]>",
              "Zorg_Plus *x* [a]|b \\ <c> `d`", "Zorg\r\nB", "Zorg\tB", "Zorg\u00a0B",
              "ß ﬁ İstanbul שלום مرحبا", "Zorg 😀", "ＺＯＲＧ", "Zorg\u2028B", "x" * 300]
    return gewoon + [chr(i) for i in range(1, 0x3000) if not 0xD800 <= i < 0xE000] + \
        [f"Zorg {chr(i)} B" for i in range(0x20, 0x180)]


def test_snelle_ontsnapping_van_een_waarde_is_die_van_lxml_en_de_oude_tweeling():
    """A value in a run's text as lxml writes it, and in the twin as it always was escaped
    (`in_run_tekst` and `markdown_tekst` take a shortcut for the usual values)."""
    import re

    from lxml import etree

    from contracten.weergave.markdownblok import markdown_tekst

    def lxml_tekst(waarde: str) -> str:
        element = etree.Element("t")
        element.text = waarde
        return etree.tostring(element, encoding="unicode")[3:-4] if waarde else ""

    def oude_tweeling(tekst: str) -> str:
        tekst = tekst.replace("\\", "\\\\").replace("<", "&lt;")
        return re.sub(r"([*_`\[\]|])", r"\\\1", tekst)

    snel = 0
    for waarde in _waarden_om_te_proberen():
        assert markdown_tekst(waarde) == oude_tweeling(waarde), repr(waarde)
        try:
            verwacht = lxml_tekst(waarde)
        except ValueError:  # lxml refuses it (a control character): it never takes part
            assert not blokvorm.veilig(waarde), repr(waarde)
            continue
        assert blokvorm.in_run_tekst(waarde) == verwacht, repr(waarde)
        snel += blokvorm.veilig(waarde)
    assert snel > 1000  # the shortcut was taken
