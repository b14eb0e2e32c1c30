"""Nothing lost, nothing leaked at the door: one BSN gate however the number is written, strict
YAML numbers, control characters refused with file and line, no empty provider list, a changed
signed contract stops the run, user files survive, and an interrupted run changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import contracten
from contracten.fouten import InvoerFout
from contracten.privacy import bevat_bsn, is_bsn

from .conftest import REGIOS, ROOT, voer_uit, voer_uit_als_proces

DATUM = dt.date(2026, 1, 5)


@pytest.mark.parametrize("geschreven", [
    "111222333", "111 222 333", "111.222.333", "111-222-333", "111/222/333", "111_222_333",
    "111\u00a0222\u00a0333", "111\t222\t333", "111\u200b222\u200b333", "１１１２２２３３３",
    "12345672",  # 012345672 with the leading zero lost, as Excel leaves it
])
def test_bsn_wordt_herkend_hoe_hij_ook_geschreven_is(geschreven):
    if len(geschreven) == 8:  # only in a client list: elsewhere 8 digits are a KvK-nummer
        assert is_bsn(geschreven, excel=True) and not is_bsn(geschreven)
    else:
        assert is_bsn(geschreven) and bevat_bsn(f"cliënt {geschreven} woont hier")


@pytest.mark.parametrize("geen", ["1112223334", "033 700 0201", "2026-08-31", "91000101 is een KvK",
                                  "€ 1.480.250,00", "123456789"])
def test_geen_vals_alarm(geen):
    assert not bevat_bsn(geen)


@pytest.mark.parametrize(("bestand", "oud", "nieuw"), [
    ("aanbieders.yaml", 'naam: "Wonen <Plus> Coöperatie U.A."', 'naam: "Wonen 111-222-333"'),
    ("aanbieders.yaml", "- id: wonen-plus", '- id: "111222333"'),
    ("regio.yaml", "naam: Regio Assen", 'naam: "Regio 111\\u200b222\\u200b333"'),
])
def test_bsn_in_het_profiel_geweigerd_zonder_hem_te_herhalen(regios, bestand, oud, nieuw):
    pad = regios / "assen" / bestand
    pad.write_text(pad.read_text(encoding="utf-8").replace(oud, nieuw), encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "[bsn]" in uit.stderr and f"assen/{bestand}:" in uit.stderr
    assert "222" not in uit.stderr


@pytest.mark.parametrize(("cel", "code"), [("012345672", "bsn"), ("12345672", "bsn"),
                                           ("C-\x1b1", "stuurteken"), ("C-1\x00", "stuurteken"),
                                           ("C-\ufffe1", "stuurteken")])
def test_clientbestand_met_bsn_of_stuurteken(tmp_path, cel, code):
    csv = tmp_path / "clienten.csv"
    csv.write_text(f"client,gemeente,product,einddatum_beschikking\n{cel},Assen,bw-toezicht,\n",
                   encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        contracten.opzegging(contracten.laad_regio(REGIOS, "assen"),
                             aanbieder="zorg-welzijn-de-brug", datum=dt.date(2026, 8, 31),
                             briefdatum=DATUM, clienten=csv, uitvoer=tmp_path / "uit")
    melding = fout.value.meldingen[0]
    assert (melding.bestand, melding.regel, melding.veld, melding.code) == (
        "clienten.csv", 2, "client", code)
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("waarde", ["1:30", "0x10", "1e6", ".inf", "0o17", "1_000"])
def test_yaml_getallen_alleen_gewoon_decimaal(regios, waarde):
    pad = regios / "assen/regio.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("meldtermijn_dagen: 5",
                                                           f"meldtermijn_dagen: {waarde}"),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "regels.weigeren.meldtermijn_dagen" in uit.stderr


def test_stuurteken_in_yaml_met_bestand_en_regel(regios):
    pad = regios / "assen/regio.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("naam: Regio Assen",
                                                           'naam: "Regio\\uFFFEAssen"'),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    assert "assen/regio.yaml:6: naam: bevat een onzichtbaar stuurteken" in uit.stderr
    assert "Interne fout" not in uit.stderr


def test_lege_aanbiederslijst_wordt_geweigerd(regios, tmp_path):
    (regios / "assen/aanbieders.yaml").write_text("", encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(tmp_path),
                   "--datum", DATUM.isoformat())
    assert uit.code == 1 and "assen/aanbieders.yaml" in uit.stderr
    assert not (tmp_path / "assen").exists()


def test_gewijzigd_definitief_document_stopt_de_run(tmp_path):
    regio = contracten.laad_regio(REGIOS, "assen")
    contracten.genereer(regio, uitvoer=tmp_path, datum=DATUM, soorten=["programma-van-eisen"])
    contracten.markeer_definitief(regio, uitvoer=tmp_path, datum=DATUM,
                                  soorten=["programma-van-eisen"], ook_voorbeelden=True)
    pad = tmp_path / "assen/2025/programma-van-eisen.docx"
    pad.write_bytes(pad.read_bytes() + b"hand")
    manifest = (tmp_path / "assen/2025/manifest.json").read_bytes()
    with pytest.raises(InvoerFout) as fout:
        contracten.genereer(regio, uitvoer=tmp_path, datum=dt.date(2026, 1, 6))
    assert fout.value.meldingen[0].code == "definitief_gewijzigd"
    assert (tmp_path / "assen/2025/manifest.json").read_bytes() == manifest


def test_eigen_bestanden_in_de_uitvoermap_blijven_staan(tmp_path):
    regio = contracten.laad_regio(REGIOS, "amersfoort")
    contracten.genereer(regio, uitvoer=tmp_path, datum=DATUM)
    map_ = tmp_path / "amersfoort/2023"
    (map_ / "notities.txt").write_text("van mij", encoding="utf-8")
    (map_ / "overeenkomsten/getekend.pdf").write_bytes(b"%PDF scan")
    contracten.genereer(regio, uitvoer=tmp_path, datum=dt.date(2026, 2, 1), formaten=["html"])
    assert (map_ / "notities.txt").read_text(encoding="utf-8") == "van mij"
    assert (map_ / "overeenkomsten/getekend.pdf").read_bytes() == b"%PDF scan"


def test_vergelijk_weigert_een_map_die_niet_van_hem_is(tmp_path):
    regio = contracten.laad_regio(REGIOS, "amersfoort")
    contracten.genereer(regio, uitvoer=tmp_path / "a", datum=DATUM)
    contracten.genereer(regio, uitvoer=tmp_path / "b", datum=dt.date(2026, 2, 1))
    doel = tmp_path / "a/amersfoort/2023"  # an output folder of genereer
    voor = sorted(p.name for p in doel.iterdir())
    uit = voer_uit("vergelijk", str(tmp_path / "a/amersfoort/2023"),
                   str(tmp_path / "b/amersfoort/2023"), "--uitvoer", str(doel),
                   "--datum", DATUM.isoformat())
    assert uit.code == 1 and "uitvoermap van 'genereer'" in uit.stderr
    assert sorted(p.name for p in doel.iterdir()) == voor


def _stand(map_: Path) -> dict[str, str]:
    return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_sigterm_tijdens_genereer_laat_alles_zoals_het_was(tmp_path):
    """A real process, interrupted while it makes documents (and their pdf's)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) ontbreekt; .ci/run installeert het")
    regio = contracten.laad_regio(REGIOS, "assen")
    contracten.genereer(regio, uitvoer=tmp_path, datum=DATUM)
    voor = _stand(tmp_path)
    proces = subprocess.Popen(
        [sys.executable, "-m", "contracten", "--regios", str(REGIOS), "genereer", "assen",
         "--uitvoer", str(tmp_path), "--datum", "2026-03-01", "--formaat", "pdf"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)
    proces.send_signal(signal.SIGTERM)
    _, fout = proces.communicate(timeout=120)
    if proces.returncode == 0:
        pytest.skip("de run was klaar voordat het signaal kwam (een heel snelle machine)")
    assert proces.returncode == 143
    assert fout.strip() == "Afgebroken; er is niets gewijzigd."  # one line, no traceback
    assert _stand(tmp_path) == voor
    assert sorted(p.name for p in (tmp_path / "assen").iterdir()) == [  # no staging left
        ".contracten-2025.slot", ".contracten-kenmerken.json", "2025"]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
                                  " javascript:x", "file:///etc/passwd"])
def test_geen_gevaarlijke_links_in_html_of_word(regios, tmp_path, link):
    pad = regios / "assen/programma.yaml"
    tekst = pad.read_text(encoding="utf-8")
    zin = "Dit Programma van Eisen maakt integraal"
    assert zin in tekst
    pad.write_text(tekst.replace(zin, f"[klik]({link}) <script>alert(2)</script> {zin}", 1),
                   encoding="utf-8")
    regio = contracten.laad_regio(regios, "assen")
    contracten.genereer(regio, uitvoer=tmp_path, datum=DATUM, soorten=["programma-van-eisen"],
                        formaten=["html"])
    html = (tmp_path / "assen/2025/programma-van-eisen.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    assert "data:text" not in html and "file://" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    import zipfile

    with zipfile.ZipFile(tmp_path / "assen/2025/programma-van-eisen.docx") as z:
        relaties = z.read("word/_rels/document.xml.rels").decode()
    assert link.strip().lower() not in relaties.lower()


def test_formule_na_puntkomma_in_csv_wordt_onschadelijk():
    from contracten.weergave.spreadsheet import Kolom, als_csv

    csv = als_csv([Kolom("naam", "Naam", "tekst")],
                  [{"naam": "Zorg BV;=cmd|' /C calc'!A0"}, {"naam": "=HYPERLINK(\"x\")"},
                   {"naam": "a\t+1"}]).decode()
    regels = csv.splitlines()[1:]
    assert regels[0] == "Zorg BV;'=cmd|' /C calc'!A0"
    assert regels[1].startswith("\"'=HYPERLINK")
    assert "'+1" in regels[2]


def _sjabloon_met(tmp_path: Path, regel: str) -> Path:
    from docx import Document

    document = Document(ROOT / "sjablonen/programma-van-eisen.docx")
    document.add_paragraph(regel)
    pad = tmp_path / "kwaad.docx"
    document.save(pad)
    return pad


@pytest.mark.parametrize(("regel", "code"), [
    ("{{ 'x' * 10**9 }}", "sjabloon_render"),
    ("{{ 2 ** 100000 }}", "sjabloon_render"),
    ("{% for a in range(100000) %}{% for b in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
     "sjabloon_te_veel_herhalingen"),
    ("{% for a in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "sjabloon_te_groot"),
])
def test_sjabloon_dat_de_machine_zou_opeten_wordt_gestopt(tmp_path, regel, code):
    from contracten.soorten.programma_van_eisen import context
    from contracten.weergave.motor import Motor
    from contracten.weergave.sjabloon import SjabloonFout

    with pytest.raises(SjabloonFout) as fout:
        Motor(_sjabloon_met(tmp_path, regel), "kwaad.docx").render(
            context(contracten.laad_regio(REGIOS, "assen"), 2025, "x"), titel="x",
            tijdstip=dt.datetime(2025, 1, 1))
    assert fout.value.code == code


def test_sjabloon_dat_te_lang_duurt_wordt_gestopt(tmp_path, monkeypatch):
    from contracten.soorten.programma_van_eisen import context
    from contracten.weergave import invulgrenzen
    from contracten.weergave.motor import Motor
    from contracten.weergave.sjabloon import SjabloonFout

    monkeypatch.setattr(invulgrenzen, "GRENS_SECONDEN", 1)
    # Few rounds (100,000, far below GRENS_HERHALINGEN), each slow.
    pad = _sjabloon_met(tmp_path, "{% for a in range(100000) %}{% set b = range(20000)|list %}"
                                  "{% endfor %}")
    begin = time.monotonic()
    with pytest.raises(SjabloonFout) as fout:
        Motor(pad, "kwaad.docx").render(context(contracten.laad_regio(REGIOS, "assen"), 2025,
                                                "x"), titel="x", tijdstip=dt.datetime(2025, 1, 1))
    assert fout.value.code == "sjabloon_te_traag" and time.monotonic() - begin < 30


def test_zipbom_als_sjabloon_wordt_geweigerd_voor_het_uitpakken(tmp_path):
    import io
    import zipfile

    from contracten.weergave.motor import Motor
    from contracten.weergave.sjabloon import SjabloonFout

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a/>" + b" " * (150 * 1024 * 1024))
    pad = tmp_path / "bom.docx"
    pad.write_bytes(buffer.getvalue())
    assert pad.stat().st_size < 1024 * 1024
    with pytest.raises(SjabloonFout) as fout:
        Motor(pad, "bom.docx")
    assert fout.value.code == "sjabloon_te_groot"


def test_koppeling_naar_een_systeembestand_wordt_niet_gevolgd(regios, tmp_path):
    (tmp_path / "geheim.txt").write_text("root:x:0:0:geheim", encoding="utf-8")
    pad = regios / "assen/regio.yaml"
    pad.unlink()
    pad.symlink_to(tmp_path / "geheim.txt")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "[koppeling]" in uit.stderr
    assert "geheim" not in uit.stderr and "root" not in uit.stderr


def test_uitvoermap_die_een_koppeling_is_wordt_geweigerd(tmp_path):
    echt = tmp_path / "elders"
    (echt / "2025").mkdir(parents=True)
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit/assen").symlink_to(echt)
    with pytest.raises(contracten.ContractenFout, match="symbolische koppeling"):
        contracten.genereer(contracten.laad_regio(REGIOS, "assen"), uitvoer=tmp_path / "uit",
                            datum=DATUM, soorten=["programma-van-eisen"])
    assert list((echt / "2025").iterdir()) == []


def test_bsn_op_de_opdrachtregel_wordt_geweigerd():
    uit = voer_uit("genereer", "assen", "--aanbieder", "111-222-333", "--datum", "2026-01-05")
    assert uit.code == 1 and "[bsn]" in uit.stderr and "222" not in uit.stderr
    assert "de waarde na --aanbieder" in uit.stderr


@pytest.mark.parametrize(("args", "plaats"), [
    (["akkoord", "assen", "--door=J. 111222333"], "de waarde van --door"),
    (["genereer", "111222333"], "een argument"),
])
def test_de_weigering_van_een_bsn_noemt_waar_hij_staat(args, plaats):
    uit = voer_uit(*args)
    assert uit.code == 1 and f"Fout: {plaats} op de opdrachtregel bevat een BSN" in uit.stderr
    assert "111" not in uit.stderr


def test_een_bsn_in_contracten_door_wordt_geweigerd(assen_gegenereerd, tmp_path):
    """`--door` may also come from CONTRACTEN_DOOR; that name reaches the register too."""
    register = tmp_path / "register.sqlite"
    uit = voer_uit_als_proces("akkoord", "assen", "--aanbieder", "wonen-plus",
                              "--uitvoer", str(assen_gegenereerd), "--database", str(register),
                              env={"CONTRACTEN_DOOR": "J. 111 222 333"})
    assert uit.code == 1, uit.stderr
    assert ("Fout: de omgevingsvariabele CONTRACTEN_DOOR bevat een BSN" in uit.stderr
            and "[bsn]" in uit.stderr and "222" not in uit.stderr)
    assert not register.exists()
    goed = voer_uit_als_proces("akkoord", "assen", "--aanbieder", "wonen-plus",
                               "--uitvoer", str(assen_gegenereerd), "--database", str(register),
                               env={"CONTRACTEN_DOOR": "mr. J. Jansen"})
    assert goed.code == 0 and register.is_file(), goed.stderr


@pytest.mark.parametrize("vorm", ["los", "met_is"])
def test_een_databaseadres_met_negen_cijfers_wordt_niet_als_bsn_geweigerd(
        assen_gegenereerd, tmp_path, vorm):
    """A generated database name or a password may hold nine digits that pass the elfproef
    (549866590 does); the address is never written anywhere, so the gate lets it through."""
    assert is_bsn("549866590")
    register = str(tmp_path / "register_76f549866590.sqlite")
    adres = ["--database", register] if vorm == "los" else [f"--database={register}"]
    uit = voer_uit("status", "assen", "--uitvoer", str(assen_gegenereerd), *adres)
    assert uit.code == 0 and "[bsn]" not in uit.stderr, uit.stderr
    uit = voer_uit("status", "assen", "--uitvoer", str(assen_gegenereerd), *adres,
                   "--aanbieder", "549866590")
    assert uit.code == 1 and "de waarde na --aanbieder" in uit.stderr


@pytest.mark.parametrize(("naam", "kop", "code"), [
    ("clienten-111222333.csv", "client,gemeente,product,einddatum_beschikking", "bsn"),
    ("clienten.csv", "client,gemeente,product,einddatum_beschikking,client", "kolom_dubbel"),
])
def test_clientbestand_naam_en_kolommen(tmp_path, naam, kop, code):
    csv = tmp_path / naam
    csv.write_text(f"{kop}\nC-1,Assen,bw-toezicht,,C-2\n", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        contracten.opzegging(contracten.laad_regio(REGIOS, "assen"),
                             aanbieder="zorg-welzijn-de-brug", datum=dt.date(2026, 8, 31),
                             briefdatum=DATUM, clienten=csv, uitvoer=tmp_path / "uit")
    assert code in {m.code for m in fout.value.meldingen}
    assert "222" not in str(fout.value)


def test_genereer_weigert_een_volle_map_die_niet_van_hem_is(tmp_path):
    doel = tmp_path / "uit/assen/2025"
    doel.mkdir(parents=True)
    (doel / "belangrijk.docx").write_bytes(b"van iemand anders")
    with pytest.raises(contracten.ContractenFout, match="niet onze map"):
        contracten.genereer(contracten.laad_regio(REGIOS, "assen"), uitvoer=tmp_path / "uit",
                            datum=DATUM, soorten=["programma-van-eisen"])
    assert [p.name for p in doel.iterdir()] == ["belangrijk.docx"]


def test_stuurtekens_in_een_melding_werken_niet_op_de_terminal():
    uit = voer_uit("genereer", "assen", "--aanbieder", "x\x1b[31mrood", "--datum", "2026-01-05")
    assert uit.code == 1 and "\x1b" not in uit.stderr and "<U+001B>" in uit.stderr


def test_clientbestand_met_een_te_lange_cel(tmp_path):
    csv = tmp_path / "clienten.csv"
    csv.write_text("client,gemeente,product,einddatum_beschikking\n" + "C" * 500
                   + ",Assen,bw-toezicht,\n", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        contracten.opzegging(contracten.laad_regio(REGIOS, "assen"),
                             aanbieder="zorg-welzijn-de-brug", datum=dt.date(2026, 8, 31),
                             briefdatum=DATUM, clienten=csv, uitvoer=tmp_path / "uit")
    assert {m.code for m in fout.value.meldingen} == {"te_lang"}


def test_xxe_sjabloon_geeft_een_melding_geen_interne_fout(tmp_path):
    import io
    import zipfile

    bron = (ROOT / "sjablonen/programma-van-eisen.docx").read_bytes()
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bron)) as z, zipfile.ZipFile(uit, "w") as nieuw:
        for info in z.infolist():
            inhoud = z.read(info.filename)
            if info.filename == "word/document.xml":
                inhoud = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM '
                          b'"file:///etc/passwd">]>' + inhoud.split(b"?>", 1)[1]
                          .replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1))
            nieuw.writestr(info, inhoud)
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    (sjablonen / "programma-van-eisen.docx").write_bytes(uit.getvalue())
    resultaat = voer_uit("--regios", str(REGIOS), "valideer", "assen", "--sjablonen",
                         str(sjablonen))
    assert resultaat.code == 1 and "Interne fout" not in resultaat.stderr
    assert "programma-van-eisen.docx" in resultaat.stderr and "root:" not in resultaat.stderr
