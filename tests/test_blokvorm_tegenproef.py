"""Counter-check of `weergave.blokvorm`: a block that names the aanbieder, made from its form,
must be byte for byte the block processed itself, also for the names most likely to trip it up:
text the template has itself (its words, its markup, its style ids), one field's value inside
another's, equal fields, escaped characters, names that look like a list item, that widen a
column or lengthen a row, names with characters that may not take part. Each document is made
both ways (with the forms, and with `motor.eigen_waarden` giving nothing: every block the
ordinary way) and compared whole: the .docx, its twin, its headings; for a region all files."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import yaml
from docx.oxml.ns import nsdecls

from contracten import genereer, laad_regio
from contracten.weergave import blokvorm, motor
from contracten.weergave.motor import Motor

from .conftest import ASSEN_DATUM
from .test_blokken_uit_het_geheugen import INHOUDSOPGAVE, _alinea, _bestanden, _maak
from .test_blokvorm import TIJDSTIP, VUL, _tabel


def _vet(*runs: str) -> str:
    return (f'<w:p {nsdecls("w")}>' + "".join(
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs)
        + "</w:p>")


# The aanbieder's values beside the template's own words and markup ("Gemeente Assen",
# "Opdrachtnemer", "Heading1", "preserve", "&amp;"), where the twin escapes or reads a list item,
# in headings (never from a form), in a table whose widths or rows depend on them.
SJABLOON = [
    *INHOUDSOPGAVE[:1],  # the table of contents' own block names the aanbieder too
    f'<w:p {nsdecls("w")}><w:r><w:t>{{{{ aanbieder.naam }}}}</w:t></w:r></w:p>',
    f'<w:p {nsdecls("w")}><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r>'
    '<w:t xml:space="preserve"> voor {{ aanbieder.naam }}</w:t></w:r></w:p>',
    _alinea("Opdrachtgever: Gemeente Assen"),
    _alinea("Opdrachtnemer: {{ aanbieder.naam }}"),
    _alinea("{{ aanbieder.naam }}, gevestigd aan {{ aanbieder.adres.straat }}, "
            "{{ aanbieder.adres.postcode }} {{ aanbieder.adres.plaats }}, KvK "
            "{{ aanbieder.kvk }}, AGB {{ aanbieder.agb }}, Zorg &amp; Welzijn &#39;t Hof."),
    _alinea("{{ aanbieder.kvk }}. Dit nummer staat in het Handelsregister, sinds 2025."),
    _alinea("{{ aanbieder.naam }}"),  # the whole paragraph: "1. Zorg", "- x" are text
    _alinea("{{ aanbieder.adres.plaats }}{{ aanbieder.naam }}"),
    _vet("Namens ", "{{ aanbieder.naam }}", " (", "{{ aanbieder.contact.naam }}", ")"),
    _alinea("Ons kenmerk: {{ kenmerk }}"),
    _alinea("Vertegenwoordigd door {{ door }} namens {{ aanbieder.naam }}"),  # not a value
    _alinea("t.a.v. {{ aanbieder.contact.naam }}, {{ aanbieder.contact.email }}, "
            "{{ aanbieder.contact.telefoon }}"),
    _alinea("Afspraken met {{ aanbieder.naam }}", "Heading1"),
    _alinea("Partijen", "Heading1"),
    _alinea("De heading Heading1 in {{ aanbieder.adres.plaats }}", "Heading2"),
    _tabel(("Namens Opdrachtgever, Gemeente Assen", "Namens Opdrachtnemer, {{ aanbieder.naam }}"),
           ("Plaats: Assen", "Plaats: {{ aanbieder.adres.plaats }}"),
           ("Naam:", "{{ aanbieder.contact.naam }}")),
    _tabel((VUL, "{{ aanbieder.naam }}")),
    _alinea("Zonder aanbieder: Gemeente Assen, Heading1, preserve, w:t, B.V., a, t, w."),
]

# (naam, plaats, contact.naam): the names most likely to come out wrong from a form.
GEVALLEN = [
    ("Stichting Gewoon", "Zuidlaren", "Esther Veenstra"),  # makes the forms first
    ("Gemeente Assen", "Assen", "Gemeente"),
    ("Opdrachtnemer", "Opdrachtgever", "Partijen"),
    ("Assen", "Assen", "Assen"),  # three fields alike
    ("Zorg Assen", "Assen", "Zorg"),  # one value inside another
    ("Zorg", "Zorg B", "Zorg B"),
    ("a", "w", "t"),  # letters of the markup
    ("p", "r", "b"),
    ("Heading1", "Heading2", "preserve"),  # a style id, an attribute's value
    ("B.V.", "2025", "w:t"),
    ("<w:t>", "</w:t>", '<w:t xml:space="preserve">'),
    ("amp", "lt", "39"),  # inside the template's entities
    ("Zorg & Welzijn", "'t Hof", 'Stichting "Het Anker"'),
    ("Zorg <B.V.>", "A>B", "&amp;"),
    ("1. Zorg", "12. Zorg", "1) Zorg"),  # look like a list item in the twin
    ("- x", "+ x", "Zorg - x"),
    ("Zorgcoöperatie Straße", "İstanbul", "ﬁ"),
    ("Zorg 😀", "שלום", "مرحبا"),  # beyond the BMP, right to left
    ("e\u0301", "Zorg\u00a0B", "Zorg\u200bB"),  # a combining mark, no-break and zero-width
    ("Zorg\ue000", "\ue001", "\U000f0000"),  # private use: the placeholders' own range
    ("Zorg_1", "Zorg*", "[Zorg]"),  # the twin escapes these
    ("ZorgPlus", "docPr", "fldChar"),  # the name of an XML element
    ("Zorg  B", "Zorg ", "  Zorg"),  # several, trailing and leading spaces
    ("Onderaannemersovereenkomstbepalingenzorgverleners", "W" * 40, "i" * 80),  # wider
    ("Zorg " + "x " * 30, "Assen", "Esther"),  # a row no longer short
    ("x" * 1000, "Zuidlaren", "Esther"),
    ("Zorg", " ", " "),  # blank: the twin leaves out what is blank
    ("Zorg {_{ x }_}", "{_%", "%_}"),  # docxtpl turns these into {{, {%, %}
    ("Zorg\tB", "Zorg\nB", "Zorg\aB"),  # docxtpl makes a tab, a break, a paragraph of these
    ("Stichting Gewoon", "Zuidlaren", "Esther Veenstra"),  # the first again, from its form
]


def _aanbieder(i: int, naam: str, plaats: str, contact: str) -> SimpleNamespace:
    return SimpleNamespace(
        naam=naam, kvk=f"{70000000 + i}", agb=f"{20250000 + i}",
        adres=SimpleNamespace(straat=f"Dorpsstraat {i}", postcode="9472 RM", plaats=plaats),
        contact=SimpleNamespace(naam=contact, telefoon="050 700 0113" if i % 2 else None,
                                email="info@zorg.voorbeeld.nl"))


def _context(i: int, geval: tuple[str, str, str]) -> dict[str, object]:
    # `door` is no value of a form: its text is the template's, a placeholder's character too
    door = "\ue000" if i % 4 == 1 else geval[0]
    return {"aanbieder": _aanbieder(i, *geval), "regio": "Assen", "door": door,
            "kenmerk": f"ASN/2025/SR/{i:04d}"}


def _uit(m: Motor, context: dict[str, object]) -> tuple[bytes, str, object]:
    uit = m.render(context, titel="Proef", tijdstip=TIJDSTIP)
    return uit.docx, uit.markdown(), uit.koppen(("Heading 1", "Heading 2"))


def test_lastige_namen_uit_hun_vorm_zijn_de_blokken_zelf(tmp_path, monkeypatch):
    sjabloon = _maak(tmp_path / "proef.docx", SJABLOON)
    ingevuld: list[bool] = []
    echt = blokvorm.Vorm.ingevuld
    monkeypatch.setattr(blokvorm.Vorm, "ingevuld",
                        lambda self, w: ingevuld.append(True) or echt(self, w))
    m = Motor(sjabloon, sjabloon.name)  # one engine: later names filled into earlier forms
    uit_vorm = [_uit(m, _context(i, geval)) for i, geval in enumerate(GEVALLEN)]
    assert len(ingevuld) >= 3 * len(GEVALLEN)  # the form way was taken
    monkeypatch.setattr(motor, "eigen_waarden", lambda context: ())
    for i, geval in enumerate(GEVALLEN):
        zelf = _uit(Motor(sjabloon, sjabloon.name), _context(i, geval))
        assert uit_vorm[i][1] == zelf[1], geval  # the twin first: the clearest difference
        assert uit_vorm[i] == zelf, geval
    assert "\nOpdrachtnemer: Zorg & Welzijn\n" in uit_vorm[12][1]


def _regio_met(regios: Path, naam: str, gevallen: list[dict[str, str]]) -> None:
    pad = regios / naam / "aanbieders.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    voorbeeld = data["aanbieders"]
    data["aanbieders"] = [
        voorbeeld[i % len(voorbeeld)] | {
            "id": f"a{i:02d}", "naam": g["naam"], "kvk": g.get("kvk", f"{98000000 + i}"),
            "agb": f"{99000000 + i}",
            "adres": {"straat": g.get("straat", "Proefstraat 1"), "postcode": "9401 AB",
                      "plaats": g.get("plaats", "Proefdorp")},
            "contact": {"naam": g.get("contact", "Piet Proef"),
                        "email": "info@proef.voorbeeld.nl", "telefoon": "0592 700 999"}}
        for i, g in enumerate(gevallen)]
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# The shipped templates (the contract, the letters): names that are their own text.
ASSEN = [
    {"naam": "Stichting Proef"},
    {"naam": "Gemeente Assen", "plaats": "Assen", "contact": "Gemeente"},
    {"naam": "Opdrachtnemer", "plaats": "Partijen", "contact": "Opdrachtgever"},
    {"naam": "Assen", "plaats": "Assen", "contact": "Assen", "straat": "Assen"},
    {"naam": "a", "plaats": "t", "contact": "w"},
    {"naam": "B.V.", "plaats": "2026", "contact": "voorbeeld"},
    {"naam": "(voorbeeld)", "plaats": "ASN", "contact": "de directie"},
    {"naam": "Zorg & Welzijn 'De Brug' <B.V.>", "plaats": "'t Harde", "contact": '"Jan"'},
    {"naam": "1. Zorg", "plaats": "- x", "contact": "+ x"},
    {"naam": "Proefstraat 1 Zorg", "straat": "Proefstraat 1", "contact": "Proefstraat"},
    {"naam": "01176642", "kvk": "01176642", "plaats": "9401 AB"},  # the gemeente's KvK
    {"naam": "Onderaannemersovereenkomstbepalingenzorgverleners" * 2, "plaats": "Zuidlaren"},
    {"naam": "Stichting " + "Zorg en Welzijn " * 12, "contact": "y" * 300},
    {"naam": "Zorgcoöperatie 😀 שלום", "plaats": "Zorg\u00a0B", "contact": "e\u0301"},
    {"naam": "Zorg\ue000", "plaats": "docPr", "contact": "Zorg_1"},
    {"naam": "Stichting Proef B", "contact": "Stichting Proef"},
]


def test_de_documenten_van_assen_met_lastige_namen_zijn_met_en_zonder_vormen_gelijk(
        regios, tmp_path, monkeypatch):
    _regio_met(regios, "assen", ASSEN)
    regio = laad_regio(regios, "assen")
    gebruikt: list[bool] = []
    echt = blokvorm.Vorm.ingevuld
    monkeypatch.setattr(blokvorm.Vorm, "ingevuld",
                        lambda self, w: gebruikt.append(True) or echt(self, w))
    genereer(regio, uitvoer=tmp_path / "vorm", datum=ASSEN_DATUM, processen=1)
    assert len(gebruikt) >= 2 * len(ASSEN)
    monkeypatch.setattr(motor, "eigen_waarden", lambda context: ())
    genereer(regio, uitvoer=tmp_path / "zelf", datum=ASSEN_DATUM, processen=1)
    vorm, zelf = _bestanden(tmp_path / "vorm"), _bestanden(tmp_path / "zelf")
    assert sum("/brieven/" in p for p in vorm) >= len(ASSEN)  # the letters too
    assert vorm.keys() == zelf.keys()
    assert [p for p in vorm if vorm[p] != zelf[p]] == []
