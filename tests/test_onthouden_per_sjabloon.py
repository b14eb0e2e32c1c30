"""What the engine remembers between the documents of a run, to make each one faster: every
memory gives exactly what computing afresh gives, and is keyed so that two templates, two
parts or two layouts never share an entry."""

from __future__ import annotations

import io
import random
import re
import zipfile

from docx.oxml.ns import nsdecls
from lxml import etree

from contracten.artikelen.invullen import BLANCO, VOORBEELD_PROCENT, WEGLAATBAAR, vul_in
from contracten.weergave import markdownblok, pakket, tabelbreedte
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.inpakken import Inpakker
from contracten.weergave.zipschrijver import pak_in, zip_van

from .conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _leden(zip_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as z:
        return {naam: z.read(naam) for naam in z.namelist()}


# --- packing: parts a document replaces ------------------------------------------------------

def test_twee_delen_met_dezelfde_inhoud_krijgen_elk_hun_eigen_naam():
    inpakker = Inpakker({"word/a.xml": b"<a/>", "word/b.xml": b"<b/>"})
    for _ in range(3):  # remembered from the second time on
        uit = _leden(inpakker.zip({"word/a.xml": b"<zelfde/>", "word/b.xml": b"<zelfde/>",
                                   "word/c.xml": b"<zelfde/>"}))
        assert uit == {"word/a.xml": b"<zelfde/>", "word/b.xml": b"<zelfde/>",
                       "word/c.xml": b"<zelfde/>"}


def test_een_vervangen_deel_onthouden_geeft_dezelfde_bytes_als_opnieuw_inpakken():
    with zipfile.ZipFile(ROOT / "sjablonen" / "overeenkomst.docx") as z:
        delen = {info.filename: z.read(info.filename) for info in z.infolist()}
    inpakker = Inpakker(delen)
    for i in range(4):
        vervangen = {"word/document.xml": delen["word/document.xml"] + str(i).encode(),
                     "word/footer1.xml": b"<voet>zelfde</voet>",
                     "docProps/core.xml": f"<titel>{i % 2}</titel>".encode(),
                     "word/nieuw.xml": b"<nieuw/>"}
        verwacht = [pak_in(n, vervangen.get(n, b)) for n, b in delen.items()]
        verwacht += [pak_in(n, vervangen[n]) for n in sorted(vervangen) if n not in delen]
        assert inpakker.zip(vervangen) == zip_van(verwacht)


def test_instellingen_per_combinatie_van_vlaggen():
    with zipfile.ZipFile(ROOT / "sjablonen" / "overeenkomst.docx") as z:
        delen = {info.filename: z.read(info.filename) for info in z.infolist()}
    inpakker = Inpakker(delen)
    gezien = set()
    for _ in range(2):
        for velden in (True, False):
            for noten in (True, False):
                uit = inpakker.instellingen(velden_bijwerken=velden, voetnoten=noten)
                assert uit == pakket.instellingen(delen["word/settings.xml"],
                                                  velden_bijwerken=velden, voetnoten=noten)
                gezien.add((velden, uit))
    # updating the fields changes the part (this template lists its footnote separators)
    assert len({uit for _, uit in gezien}) == 2


# --- table rows: column widths and the Markdown twin -----------------------------------------

def _stijlen(grootte: int) -> bytes:
    return (f'<w:styles {nsdecls("w")}><w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:sz w:val="{grootte}"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>'
            ).encode()


def _tabel(naam: str, stijl: str = "") -> etree._Element:
    opmaak = f'<w:pPr><w:pStyle w:val="{stijl}"/></w:pPr>' if stijl else ""
    rij = ('<w:tr><w:tc><w:p>{opmaak}<w:r><w:t>{tekst}</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:p><w:r><w:t>vast</w:t></w:r></w:p></w:tc></w:tr>')
    return etree.fromstring(
        f'<w:tbl {nsdecls("w")}><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/>'
        f'</w:tblGrid>{rij.format(opmaak=opmaak, tekst="Namens")}'
        f'{rij.format(opmaak=opmaak, tekst=naam)}</w:tbl>')


def test_rijen_van_tabellen_per_opmaak_onthouden():
    klein = tabelbreedte.Opmaak(_stijlen(16), None)
    groot = tabelbreedte.Opmaak(_stijlen(48), None)
    for naam in ("Zorggroep", "Zorggroep", "Zorggroep", "Dagbestedingscentrum"):
        for opmaak, grootte in ((klein, 16), (groot, 48)):
            vers = tabelbreedte.Opmaak(_stijlen(grootte), None)  # nothing remembered
            assert tabelbreedte.minimale_breedtes(_tabel(naam), opmaak) == \
                tabelbreedte.minimale_breedtes(_tabel(naam), vers)
    # the same rows, another font size: other widths, so never from the other's memory
    assert tabelbreedte.minimale_breedtes(_tabel("Zorggroep"), klein) != \
        tabelbreedte.minimale_breedtes(_tabel("Zorggroep"), groot)


def test_rijen_in_de_markdowntweeling_per_sjabloon_onthouden():
    gewoon: Geheugen[bytes, tuple[str, ...]] = Geheugen(16)
    lijst: Geheugen[bytes, tuple[str, ...]] = Geheugen(16)
    for _ in range(3):
        tbl = _tabel("Zorggroep", stijl="S1")
        # Two templates: in one style S1 is a list, in the other not.
        assert markdownblok.tabel(tbl, {"S1": "Normal"}, {}, {}, gewoon) == \
            markdownblok.tabel(tbl, {"S1": "Normal"}, {}, {})
        assert markdownblok.tabel(tbl, {"S1": "List Bullet"}, {}, {}, lijst) == \
            markdownblok.tabel(tbl, {"S1": "List Bullet"}, {}, {})
    assert markdownblok.tabel(tbl, {"S1": "List Bullet"}, {}, {}, lijst)[0] == \
        "| • Namens | vast |"  # the header row, then "|---|---|"


# --- filling blanks: the faster search gives what the pattern gives --------------------------

def _vul_in_zoals_het_patroon(tekst: str, waarden: dict[str, str], invullingen: dict[str, str],
                              lid: str) -> tuple[str, list[str]]:
    """vul_in as it was: one BLANCO.sub over the whole text."""
    ontbreekt: list[str] = []
    gezien: dict[str, int] = {}

    def waarde(gevonden: re.Match[str]) -> str:
        komma, naam = gevonden.group(1) or "", gevonden.group(2)
        keer = gezien[naam] = gezien.get(naam, 0) + 1
        for sleutel in (f"{lid} [{naam}]#{keer}", f"{lid} [{naam}]", f"[{naam}]"):
            if sleutel in invullingen:
                return komma + invullingen[sleutel] if invullingen[sleutel] else ""
        if naam in waarden:
            if not waarden[naam] and naam.startswith(WEGLAATBAAR):
                return ""
            return komma + waarden[naam]
        ontbreekt.append(naam)
        return gevonden.group(0)

    return VOORBEELD_PROCENT.sub(r"\1% (voorbeeld)", BLANCO.sub(waarde, tekst)), ontbreekt


def test_plaatshouders_invullen_zoals_het_patroon():
    stukjes = ["a", "b", ",", " ", "\n", "\t", "\u00a0", "[", "]", "x", "1", "%", " (voorbeeld)",
               "verwijzing_a", "[a]", ", [b]", ",[x]", "[verwijzing_a]"]
    waarden = {"a": "A", "b": "", "x": "9 (voorbeeld)", "verwijzing_a": "", "1": "één"}
    invullingen = {"[b]": "", "L [x]#2": "twee", "L [a]": "lid-a"}
    kans = random.Random(31)  # a fixed sample: the same cases every run
    for _ in range(20_000):
        tekst = "".join(kans.choice(stukjes) for _ in range(kans.randint(0, 12)))
        assert vul_in(tekst, waarden, invullingen, "L") == \
            _vul_in_zoals_het_patroon(tekst, waarden, invullingen, "L"), tekst


# --- formatting: numbers and dates remembered by what they show -------------------------------

def test_getallen_onthouden_geven_wat_babel_geeft():
    from decimal import Decimal

    from babel.numbers import format_decimal

    from contracten.opmaak import LOCALE, getal

    # equal values with equal hashes, remembered apart: each as Babel shows it
    waarden = [Decimal("1.0"), Decimal("1.00"), 1, Decimal(1), Decimal("0.8333"), 2400,
               Decimal("2400"), Decimal("-0"), Decimal("1E+3"), Decimal("12.50")]
    for _ in range(2):  # the second time from memory
        for waarde in waarden:
            assert getal(waarde) == format_decimal(waarde, locale=LOCALE,
                                                   decimal_quantization=False), waarde
    assert getal(Decimal("0.8333")) == "0,8333" and getal(2400) == "2.400"


def test_procenten_onthouden_geven_wat_babel_geeft():
    from decimal import Decimal

    from babel.numbers import format_decimal

    from contracten.opmaak import LOCALE, procent

    # equal values with equal hashes, remembered apart: each as Babel shows it
    waarden = [Decimal("5"), Decimal("5.0"), Decimal("5.00"), Decimal("4.957"), Decimal("-0"),
               Decimal("1E+1"), Decimal("12.50"), 5, 4.5]
    for _ in range(2):  # the second time from memory
        for waarde in waarden:
            assert procent(waarde) == format_decimal(
                waarde, locale=LOCALE, decimal_quantization=False) + " %", waarde
            assert procent(waarde, 2) == format_decimal(waarde, format="#,##0.00",
                                                        locale=LOCALE) + " %", waarde
            assert procent(waarde, 0) == format_decimal(waarde, format="#,##0",
                                                         locale=LOCALE) + " %", waarde
    assert procent(Decimal("4.957")) == "4,957 %" and procent(Decimal("5"), 2) == "5,00 %"


def test_datums_onthouden_geven_hetzelfde():
    import datetime as dt

    from contracten.opmaak import datum

    for _ in range(2):
        assert datum(dt.date(2025, 5, 14)) == "14 mei 2025"
        assert datum(dt.datetime(2025, 5, 14, 10, 0)) == "14 mei 2025"


# --- a letter's kenmerk: its contract's place, looked up instead of counted --------------------

def test_kenmerknummer_is_de_plaats_van_het_contract():
    import pytest

    from contracten import laad_regio
    from contracten.soorten.brief import kenmerk

    from .conftest import REGIOS

    for regio in sorted(p.name for p in REGIOS.iterdir() if (p / "regio.yaml").is_file()):
        profiel = laad_regio(REGIOS, regio)
        if profiel.brieven is None:
            continue
        for i, contract in enumerate(profiel.contracten, start=1):
            assert kenmerk(profiel.brieven, profiel, contract, "SR", 2026).endswith(f"/{i:04d}")
        if len(profiel.contracten) > 1:
            return
    pytest.skip("geen voorbeeldregio met brieven en meer dan één contract")
