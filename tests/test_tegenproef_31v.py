"""Counter-check of the render-path shortcuts of issue 31 (herkomst per run, Word XML from the
blocks' own UTF-8, block lookup without a search, values escaped without lxml, the twin's
empty lines in one pass, bookmarks once per run) and of the lighter start (the Dutch holidays
without every country): each test compares with an expectation worked out independently (lxml
itself, the regex way, the whole-body way, a document made on its own, the library's own
`country_holidays`), so it holds whatever code is installed."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from contracten import genereer, laad_regio
from contracten.weergave import motor, tekstversie
from contracten.weergave.blokvorm import vormen
from contracten.weergave.markdownblok import markdown_tekst

from .conftest import ASSEN_DATUM, wijzig_yaml

# Values that make escaping, encoding and caching go wrong if anything does: XML, Markdown
# and Jinja specials, both apostrophes, astral characters, right-to-left text, combining
# marks, a name equal to a heading, very long and very short names.
NAMEN = [
    "Zorg & <Welzijn> \"De ‘Brug’\" B.V. {{ regio.naam }} {% raw %} ]]> &amp; &lt;",
    "’t Huis van Ünïcödé — Café  e\u0301e\u0301 😀 𝔸𝔹 עברית مرحبا \u200f\u202e",
    "Inhoudsopgave",
    "Artikel 1 – Begrippen",
    "*vet* _schuin_ `code` [link](x) | pijp \\ back <b> # kop",
    "Stichting " + "Heel Lange Naam " * 40,
    "A&B<C>D\"E'F’G",
    "De",
    "x",
    "Zorg\u00a0met\u2009dunne spatie\u2028regelscheiding",
    "1. Genummerd > citaat",
    "&",
]
PLAATSEN = ["Assen", "’s-Hertogenbosch", "Zuid<laren>", "Café&Co", "Ελλάδα", "x"]
STRATEN = ["Brug & <straat> 1", "Laan ’t Hof 2", "Straße 3 😀", "Weg *4*"]
CONTACTEN = ["Ma’rieke & \"Jan\"", "محمد", "Zoë <Z>", "O'Neil_x"]


def _vijandig(regios: Path, regio: str) -> None:
    def wijzig(data: dict[str, Any]) -> None:
        for i, a in enumerate(data["aanbieders"]):
            a["naam"] = NAMEN[i % len(NAMEN)]
            a["adres"]["plaats"] = PLAATSEN[i % len(PLAATSEN)]
            a["adres"]["straat"] = STRATEN[i % len(STRATEN)]
            a["contact"]["naam"] = CONTACTEN[i % len(CONTACTEN)]
    wijzig_yaml(regios / regio / "aanbieders.yaml", wijzig)


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}


# --- the values of a block's form: as lxml writes them, as the twin escapes them ----------

def _lxml(waarde: str) -> str:
    if not waarde:
        return ""
    element = etree.Element("t")
    element.text = waarde
    return etree.tostring(element, encoding="unicode")[3:-4]


def _markdown(tekst: str) -> str:
    """The twin's escaping as it was first written: backslash, '<', then the rest."""
    tekst = tekst.replace("\\", "\\\\").replace("<", "&lt;")
    return re.sub(r"([*_`\[\]|])", r"\\\1", tekst)


def _waarden() -> list[str]:
    rnd = random.Random(31)
    alfabet = list("aZ9 .,/()+@&'\"<>-*_`[]|\\#") + list("’‘éÉßçñøЖж中文😀𝔸עم\u0301\u00a0\t")
    uit = [*NAMEN, *PLAATSEN, *STRATEN, *CONTACTEN, "", " ", "a", "<", ">", "&", "&&<<>>",
           "]]>", "a\u00ad", "x\u200d", "a\rb", "a\nb"]
    uit += ["".join(rnd.choice(alfabet) for _ in range(rnd.randint(1, 24)))
            for _ in range(3000)]
    return uit


def test_waarden_in_de_xml_zoals_lxml_ze_schrijft() -> None:
    waarden = tuple(_waarden())
    ruw, _, xml, md = vormen(waarden)
    assert ruw == waarden
    verkeerd = [(w, x) for w, x in zip(waarden, xml, strict=True) if x != _lxml(w)]
    assert not verkeerd[:5]
    verkeerd = [(w, m) for w, m in zip(waarden, md, strict=True) if m != _markdown(w)]
    assert not verkeerd[:5]


def test_elk_teken_in_de_xml_zoals_lxml_het_schrijft() -> None:
    """Every code point XML allows in text, alone and between letters."""
    tekens = [chr(c) for c in range(0x20, 0x110000)
              if not 0xD800 <= c <= 0xDFFF and c not in (0xFFFE, 0xFFFF)]
    waarden = tuple(f"a{t}b" for t in tekens[::7]) + tuple(tekens[::13])
    _, _, xml, md = vormen(waarden)
    assert [w for w, x in zip(waarden, xml, strict=True) if x != _lxml(w)][:5] == []
    assert [w for w, m in zip(waarden, md, strict=True) if m != _markdown(w)][:5] == []
    assert [w for w in waarden[::5] if markdown_tekst(w) != _markdown(w)][:5] == []


def test_lege_regels_van_de_tweeling_zoals_de_regex() -> None:
    samen = getattr(tekstversie, "zonder_lege_regels", None)
    if samen is None:
        pytest.skip("deze versie voegt de lege regels nog met de regex samen")
    rnd = random.Random(7)
    soorten = ["", "", "", " ", "a", "b\nc", "\n", "\n\n", "\u2028", "x ", "\t", "<br>"]
    for _ in range(20_000):
        regels = [rnd.choice(soorten) for _ in range(rnd.randint(0, 10))]
        verwacht = re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip() + "\n"
        assert samen(regels) == verwacht, regels


# --- whole documents of a region with hostile values --------------------------------------

@pytest.mark.parametrize("naam", ["assen", "amersfoort"])
def test_vijandige_waarden_langs_beide_wegen_gelijk(naam, regios, tmp_path, monkeypatch):
    """The block way (blocks from memory, their UTF-8 joined, forms filled with escaped
    values, bookmarks and herkomst kept for the run) gives byte for byte what the whole-body
    way gives: every docx, twin, html and the manifest."""
    _vijandig(regios, naam)
    regio = laad_regio(regios, naam)
    genereer(regio, uitvoer=tmp_path / "snel", datum=ASSEN_DATUM, processen=1,
             formaten=("html",))
    gesneden: list[Any] = []
    monkeypatch.setattr(motor, "markeer", lambda body: gesneden.append(body) and False)
    genereer(regio, uitvoer=tmp_path / "heel", datum=ASSEN_DATUM, processen=1,
             formaten=("html",))
    assert gesneden, "de hele-body-weg is niet gebruikt"
    snel, heel = _bestanden(tmp_path / "snel"), _bestanden(tmp_path / "heel")
    assert any("‘".encode() in inhoud for p, inhoud in snel.items() if p.endswith(".md"))
    assert snel.keys() == heel.keys()
    assert [p for p in snel if snel[p] != heel[p]] == []


def _document_en_herkomst(map_: Path, regio: str, sleutel: str) -> tuple[bytes, bytes, Any]:
    import zipfile

    jaar = next(p for p in (map_ / regio).iterdir() if p.is_dir() and p.name.isdigit())
    docx = jaar / "overeenkomsten" / f"{sleutel}.docx"
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    manifest = json.loads((jaar / "manifest.json").read_text(encoding="utf-8"))
    eigen = [d for d in manifest["documenten"]
             if d["pad"] == f"overeenkomsten/{sleutel}.docx"]
    assert len(eigen) == 1
    # A document's own herkomst, or its kind's when the manifest keeps it once for the kind.
    herkomst = eigen[0].get("artikelen", manifest["herkomst"]["overeenkomst"])
    assert herkomst
    return xml, docx.with_suffix(".md").read_bytes(), herkomst


def test_document_hangt_niet_af_van_wat_de_run_eerder_maakte(regios, tmp_path):
    """A document made after all others of a run (memories, herkomst and bookmarks kept for
    the run warm) equals the same document made on its own: its Word XML, its twin and its
    articles' herkomst in the manifest."""
    _vijandig(regios, "assen")
    regio = laad_regio(regios, "assen")
    genereer(regio, uitvoer=tmp_path / "alle", datum=ASSEN_DATUM, processen=1)
    sleutels = [c.sleutel for c in regio.contracten]
    for sleutel in (sleutels[-1], sleutels[len(sleutels) // 2], sleutels[3]):
        aanbieder = next(c.aanbieder.id for c in regio.contracten if c.sleutel == sleutel)
        alleen = tmp_path / f"alleen-{sleutel}"
        genereer(regio, uitvoer=alleen, datum=ASSEN_DATUM, processen=1,
                 soorten=("overeenkomst",), aanbieders=(aanbieder,))
        assert _document_en_herkomst(alleen, "assen", sleutel) == \
            _document_en_herkomst(tmp_path / "alle", "assen", sleutel), sleutel


# --- the Dutch holidays without every country's module -----------------------------------

FEESTDAGEN = """
import sys
from contracten.rekenen import opzegging
eigen = {jaar: sorted(opzegging._feestdagen(jaar).items()) for jaar in range(1990, 2061)}
fris = "holidays.countries" not in sys.modules  # the first year came without every country
import holidays
for jaar, dagen in eigen.items():
    verwacht = sorted(holidays.country_holidays("NL", years=jaar, language="nl").items())
    assert dagen == verwacht, jaar
print("ok", fris)
"""


def test_feestdagen_zoals_country_holidays() -> None:
    """In a fresh process (the holidays module not yet loaded by anything else), the Dutch
    holidays with their Dutch names are exactly what the library's `country_holidays` gives."""
    proces = subprocess.run([sys.executable, "-c", FEESTDAGEN], capture_output=True, text=True,
                            timeout=120)
    assert proces.returncode == 0, proces.stderr
    assert proces.stdout.startswith("ok")
