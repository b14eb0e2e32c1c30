"""`getekend --pdf`: a digitally signed contract is checked before it is recorded. Real PAdES
signatures, set in the test with pyHanko by signers of a throwaway CA, on the PDF of the
definitief contract (LibreOffice, once per module): valid and trusted, valid but untrusted,
and what is refused with nothing recorded (bytes changed, an unsigned revision after the last
signature, one party only, the PDF of another contract)."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import re
import shutil

import pytest
import sqlalchemy as sa
from starlette.testclient import TestClient

import contracten
from contracten import InvoerFout
from contracten.register import handtekeningen as register_handtekeningen
from contracten.register.verbinding import database_url, open_engine

from .conftest import REGIOS, voer_uit
from .tekenhulp import maak_ca, maak_ondertekenaar, teken
from .test_ondertekening import KEUZE, OVEREENKOMST, T, _definitief, _geschiedenis
from .test_web_browser import CHROMIUM, DRIVER, _draai, _klik_en_wacht, browser  # noqa: F401
from .webhulp import app_voor, csrf, versie

GEMEENTE_OP = dt.datetime(2020, 3, 3, 9, 30, tzinfo=dt.UTC)
AANBIEDER_OP = dt.datetime(2020, 3, 4, 14, 0, tzinfo=dt.UTC)
STAP = T + dt.timedelta(days=3)


@pytest.fixture(scope="module")
def pki():
    ca = maak_ca()
    return (ca, maak_ondertekenaar(ca, "J. de Vries", "wethouder"),
            maak_ondertekenaar(ca, "A. Bakker"))


@pytest.fixture(scope="module")
def pdfs(assen_eenmaal_gegenereerd, tmp_path_factory, pki):
    """The unsigned PDFs of two contracts, and the first signed by both parties."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd: er is geen pdf van het "
                    "definitieve contract te maken; .ci/run installeert het")
    from contracten.weergave.pdf import naar_pdf

    map_ = tmp_path_factory.mktemp("getekend")
    bron = assen_eenmaal_gegenereerd / "assen/2025/overeenkomsten"
    naar_pdf([(bron / "wonen-plus.docx", map_ / "wonen-plus.pdf"),
              (bron / "hunzedal-zorg.docx", map_ / "hunzedal-zorg.pdf")])
    ca, gemeente, aanbieder = pki
    eigen = (map_ / "wonen-plus.pdf").read_bytes()
    half = teken(eigen, gemeente, ca, "Gemeente", GEMEENTE_OP)
    return {"ongetekend": eigen, "half": half,
            "getekend": teken(half, aanbieder, ca, "Aanbieder", AANBIEDER_OP),
            "ander": teken(teken((map_ / "hunzedal-zorg.pdf").read_bytes(), gemeente, ca,
                                 "Gemeente", GEMEENTE_OP), aanbieder, ca, "Aanbieder",
                           AANBIEDER_OP)}


@pytest.fixture
def klaar(assen_gegenereerd, tmp_path, pki):
    """The contract definitief in a fresh register, and the CA's certificate in a file."""
    assen = contracten.laad_regio(REGIOS, "assen")
    db = tmp_path / "r.sqlite"
    _definitief(assen, assen_gegenereerd, db)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki[0].pem)
    return assen, assen_gegenereerd, db, ca


def _teken(klaar, tmp_path, inhoud: bytes, **opties):
    assen, uitvoer, db, ca = klaar
    pdf = tmp_path / "binnen.pdf"
    pdf.write_bytes(inhoud)
    return contracten.getekend_pdf(assen, pdf, door="P. Pieters", tijdstip=STAP,
                                   uitvoer=uitvoer, database=db,
                                   **{"vertrouw": [ca], **KEUZE, **opties})


def _geweigerd(klaar, tmp_path, inhoud: bytes, **opties) -> list[str]:
    assen, uitvoer, db, _ = klaar
    with pytest.raises(InvoerFout) as fout:
        _teken(klaar, tmp_path, inhoud, **opties)
    assert _geschiedenis(assen, uitvoer, db)[-1].stap == "definitief"  # nothing recorded
    assert not list((uitvoer / OVEREENKOMST).parent.glob("*.getekend*.pdf"))
    return sorted({m.code for m in fout.value.meldingen})


def test_twee_geldige_handtekeningen_worden_vastgelegd(klaar, tmp_path, pdfs):
    assen, uitvoer, db, _ = klaar
    uit = _teken(klaar, tmp_path, pdfs["getekend"])
    assert uit.waarschuwingen == []
    assert uit.pdf == (uitvoer / OVEREENKOMST).with_name("wonen-plus.getekend.pdf")
    assert uit.pdf.read_bytes() == pdfs["getekend"]
    laatste = _geschiedenis(assen, uitvoer, db)[-1]
    assert laatste.stap == "getekend"
    assert [(o.partij, o.naam, o.functie, o.datum) for o in laatste.ondertekeningen] == [
        ("opdrachtgever", "J. de Vries", "wethouder", dt.date(2020, 3, 3)),
        ("opdrachtnemer", "A. Bakker", "niet vermeld in het certificaat", dt.date(2020, 3, 4))]
    [d] = contracten.status(assen, tijdstip=STAP, uitvoer=uitvoer, database=db,
                            **KEUZE).documenten
    vastgelegd = register_handtekeningen.van_document(open_engine(db), d.stand.id)
    assert [(h.partij, h.naam, h.vertrouwd, h.getekend_op, h.sha256) for h in vastgelegd] == [
        ("opdrachtgever", "J. de Vries", True, GEMEENTE_OP, uit.sha256),
        ("opdrachtnemer", "A. Bakker", True, AANBIEDER_OP, uit.sha256)]
    assert "Common Name: J. de Vries" in vastgelegd[0].onderwerp
    assert "Common Name: Test-CA contracten" in vastgelegd[0].uitgever
    assert vastgelegd[0].pad == "assen/2025/overeenkomsten/wonen-plus.getekend.pdf"
    for tabel in ("handtekeningen", "getekende_pdfs"):  # only to be added to, like the steps
        with sa.create_engine(database_url(db)).begin() as v, pytest.raises(sa.exc.DBAPIError):
            v.execute(sa.text(f"DELETE FROM {tabel}"))


def test_niet_vertrouwde_uitgever_wordt_vastgelegd_met_waarschuwing(klaar, tmp_path, pdfs):
    uit = _teken(klaar, tmp_path, pdfs["getekend"], vertrouw=[])
    assert [h.vertrouwd for _, h in uit.handtekeningen] == [False, False]
    assert len(uit.waarschuwingen) == 2
    assert "niet te herleiden tot een vertrouwde uitgever" in uit.waarschuwingen[0]


def test_een_bestaand_bestand_wordt_nooit_overschreven(klaar, tmp_path, pdfs):
    _, uitvoer, _, _ = klaar
    bezet = (uitvoer / OVEREENKOMST).with_name("wonen-plus.getekend.pdf")
    bezet.write_bytes(b"van iemand anders")
    uit = _teken(klaar, tmp_path, pdfs["getekend"])
    assert uit.pdf.name == "wonen-plus.getekend-2.pdf"
    assert bezet.read_bytes() == b"van iemand anders"


@pytest.mark.parametrize("wanneer", ["na", "voor", "na-een-ander"])
def test_ctrl_c_laat_de_pdf_staan_zodra_de_stap_is_vastgelegd(klaar, tmp_path, pdfs,
                                                              monkeypatch, wanneer):
    """Ctrl-C just after the step committed: the register points to the stored PDF, so it
    stays. Just before: nothing recorded, and the PDF goes, also when another transaction of
    the process (another thread in the web) committed meanwhile."""
    from contracten.opdrachten import getekend
    from contracten.register import schema

    assen, uitvoer, db, _ = klaar
    echt = getekend.leg_stap_vast
    na = wanneer == "na"

    def onderbroken(*args, **kwargs):
        if kwargs.get("alleen_controleren"):
            return echt(*args, **kwargs)
        if na:
            echt(*args, **kwargs)
        elif wanneer == "na-een-ander":
            with open_engine(db).begin() as v:
                v.execute(schema.regiomappen.insert().values(regio="elders", map="/elders"))
        raise KeyboardInterrupt

    monkeypatch.setattr(getekend, "leg_stap_vast", onderbroken)
    with pytest.raises(KeyboardInterrupt):
        _teken(klaar, tmp_path, pdfs["getekend"])
    bewaard = (uitvoer / OVEREENKOMST).with_name("wonen-plus.getekend.pdf")
    assert _geschiedenis(assen, uitvoer, db)[-1].stap == ("getekend" if na else "definitief")
    assert bewaard.is_file() == na
    if na:
        [d] = contracten.status(assen, tijdstip=STAP, uitvoer=uitvoer, database=db,
                                **KEUZE).documenten
        [h, _] = register_handtekeningen.van_document(open_engine(db), d.stand.id)
        assert h.pad == "assen/2025/overeenkomsten/wonen-plus.getekend.pdf"
        assert bewaard.read_bytes() == pdfs["getekend"]


def test_gewijzigde_bytes_worden_geweigerd(klaar, tmp_path, pdfs):
    inhoud = pdfs["getekend"]
    assert b"LibreOffice" in inhoud
    assert _geweigerd(klaar, tmp_path, inhoud.replace(b"LibreOffice", b"LibreOfficf", 1)) == [
        "handtekening_gewijzigd"]


def test_een_ongetekende_revisie_na_de_laatste_handtekening_wordt_geweigerd(klaar, tmp_path,
                                                                             pdfs):
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    schrijver = IncrementalPdfFileWriter(io.BytesIO(pdfs["getekend"]))
    info = schrijver.root  # any change in a new, unsigned revision
    info[NameObject("/Lang")] = TextStringObject("en-GB")
    schrijver.update_root()
    uit = io.BytesIO()
    schrijver.write(uit)
    assert _geweigerd(klaar, tmp_path, uit.getvalue()) == ["ongetekende_wijziging"]


def test_een_handtekening_is_niet_genoeg(klaar, tmp_path, pdfs):
    assert _geweigerd(klaar, tmp_path, pdfs["half"]) == ["te_weinig_handtekeningen"]
    assert _geweigerd(klaar, tmp_path, pdfs["ongetekend"]) == ["geen_handtekening"]


def test_de_pdf_van_een_ander_contract_wordt_geweigerd(klaar, tmp_path, pdfs):
    assert _geweigerd(klaar, tmp_path, pdfs["ander"]) == ["andere_tekst"]


def test_namen_bepalen_wie_voor_welke_partij_tekende(klaar, tmp_path, pdfs):
    assert _geweigerd(klaar, tmp_path, pdfs["getekend"],
                      namen={"opdrachtgever": "K. Klaassen"}) == ["ondertekenaar_niet_in_pdf"]
    uit = _teken(klaar, tmp_path, pdfs["getekend"], namen={"opdrachtnemer": "j. de  vries"})
    assert [(p, h.naam) for p, h in uit.handtekeningen] == [
        ("opdrachtnemer", "J. de Vries"), ("opdrachtgever", "A. Bakker")]


def test_opdrachtregel(klaar, tmp_path, pdfs):
    _, uitvoer, db, ca = klaar
    pdf = tmp_path / "getekend.pdf"
    pdf.write_bytes(pdfs["getekend"])
    basis = ("--regios", str(REGIOS), "getekend", "assen", "--aanbieder", "wonen-plus",
             "--document", "overeenkomst", "--uitvoer", str(uitvoer), "--database", str(db),
             "--door", "P. Pieters", "--pdf", str(pdf))
    fout = voer_uit(*basis, "--opdrachtgever-datum", "2020-03-03")
    assert fout.code == 2 and "laat --opdrachtgever-datum weg" in fout.stderr
    ander = tmp_path / "ander.pdf"
    ander.write_bytes(pdfs["ander"])
    geweigerd = voer_uit(*basis[:-1], str(ander), "--vertrouw", str(ca))
    assert geweigerd.code == 1 and "[andere_tekst]" in geweigerd.stderr
    uit = voer_uit(*basis, "--vertrouw", str(ca), "--opdrachtnemer-functie", "bestuurder")
    assert uit.code == 0, uit.stderr
    assert "getekend voor de opdrachtgever door J. de Vries op 3 maart 2020 (vertrouwd" \
        in uit.stdout
    assert "wonen-plus.getekend.pdf" in uit.stdout and "Let op" not in uit.stderr
    # status shows the file kept and each signature, as text and as JSON
    keuze = ("--regios", str(REGIOS), "status", "assen", "--aanbieder", "wonen-plus",
             "--document", "overeenkomst", "--uitvoer", str(uitvoer), "--database", str(db))
    tekst = voer_uit(*keuze).stdout
    assert "getekende pdf: assen/" in tekst and "wonen-plus.getekend.pdf" in tekst
    assert "handtekening van J. de Vries (opdrachtgever; vertrouwd)" in tekst
    [document] = json.loads(voer_uit(*keuze, "--json").stdout)["documenten"]
    pdf_ = document["geschiedenis"][-1]["getekende_pdf"]
    assert pdf_["sha256"] == hashlib.sha256(pdfs["getekend"]).hexdigest()
    assert [(h["partij"], h["naam"], h["vertrouwd"]) for h in pdf_["handtekeningen"]] == [
        ("opdrachtgever", "J. de Vries", True), ("opdrachtnemer", "A. Bakker", True)]


def test_de_geschiedenis_op_het_web_toont_de_handtekeningen(klaar, tmp_path, pdfs):
    _, uitvoer, db, _ = klaar
    _teken(klaar, tmp_path, pdfs["getekend"])
    client = TestClient(app_voor(REGIOS, uitvoer, db, door="P. Pieters"))
    html = client.get(f"/regio/assen/geschiedenis?pad={OVEREENKOMST}").text
    assert "getekende pdf: assen/2025/overeenkomsten/wonen-plus.getekend.pdf" in html
    assert "handtekening van J. de Vries (opdrachtgever; vertrouwd)" in html
    assert "handtekening van A. Bakker (opdrachtnemer; vertrouwd)" in html


def _upload(client, inhoud: bytes, *, sha256: str | None = None, **velden: str):
    """Post `inhoud` as the signed PDF of the contract, with the form the approval page shows
    (its CSRF token and the version it shows, unless `sha256` says otherwise)."""
    html = client.get("/regio/assen/goedkeuring").text
    assert 'action="/regio/assen/getekende-pdf"' in html
    formulier = {"csrf": csrf(html), "pad": OVEREENKOMST,
                 "sha256": sha256 or versie(html, OVEREENKOMST), **velden}
    return client.post("/regio/assen/getekende-pdf", data=formulier,
                       files={"pdf": ("getekend.pdf", inhoud, "application/pdf")})


def test_upload_in_het_web_controleert_en_legt_vast(klaar, pdfs):
    assen, uitvoer, db, ca = klaar
    client = TestClient(app_voor(REGIOS, uitvoer, db, door="P. Pieters", vertrouw=(ca,)))
    pagina = _upload(client, pdfs["getekend"])
    assert pagina.status_code == 200, pagina.text
    assert "is vastgelegd als getekend" in pagina.text
    assert "assen/2025/overeenkomsten/wonen-plus.getekend.pdf" in pagina.text
    assert "<td>opdrachtgever</td><td>J. de Vries</td><td>03-03-2020 10:30</td>" in pagina.text
    assert "NIET vertrouwd" not in pagina.text
    stap = _geschiedenis(assen, uitvoer, db)[-1]
    assert (stap.stap, stap.door) == ("getekend", "P. Pieters")  # the user, not a typed name
    assert [(o.partij, o.naam, o.datum) for o in stap.ondertekeningen] == [
        ("opdrachtgever", "J. de Vries", dt.date(2020, 3, 3)),
        ("opdrachtnemer", "A. Bakker", dt.date(2020, 3, 4))]
    bewaard = uitvoer / "assen/2025/overeenkomsten/wonen-plus.getekend.pdf"
    assert bewaard.read_bytes() == pdfs["getekend"]
    assert stap.handtekeningen[0].sha256 == hashlib.sha256(pdfs["getekend"]).hexdigest()
    # the kept file is served from the confirmation's link
    [link] = re.findall(r'href="(/regio/assen/bestand\?[^"]+)"', pagina.text)
    assert client.get(html.unescape(link)).content == pdfs["getekend"]
    assert client.get("/regio/assen/bestand", params={
        "pad": "2025/overeenkomsten/wonen-plus.getekend.pdf"}).content == pdfs["getekend"]
    # a copy beside it that the register did not record is not served, nor one beside a
    # document contracten did not make
    for eigen in ("wonen-plus.getekend-2.pdf", "eigen.getekend.pdf"):
        shutil.copy(bewaard, bewaard.with_name(eigen))
        assert client.get("/regio/assen/bestand", params={
            "pad": f"2025/overeenkomsten/{eigen}"}).status_code == 404


def test_upload_van_een_onbekende_uitgever_met_waarschuwing(klaar, pdfs):
    _, uitvoer, db, _ = klaar
    pagina = _upload(TestClient(app_voor(REGIOS, uitvoer, db, door="P. Pieters")),
                     pdfs["getekend"])
    assert pagina.status_code == 200, pagina.text
    assert '<span class="waarschuwing">NIET vertrouwd</span>' in pagina.text
    assert "niet te herleiden tot een vertrouwde uitgever" in pagina.text


@pytest.mark.parametrize(("inhoud", "sha256", "code"), [
    ("ander", None, "andere_tekst"),  # the signed PDF of another contract
    ("half", None, "te_weinig_handtekeningen"),
    ("getekend", "0" * 64, "versie_gewijzigd"),  # a form of a version that is gone
])
def test_upload_geweigerd_niets_vastgelegd(klaar, pdfs, inhoud, sha256, code):
    assen, uitvoer, db, ca = klaar
    client = TestClient(app_voor(REGIOS, uitvoer, db, door="P. Pieters", vertrouw=(ca,)))
    pagina = _upload(client, pdfs[inhoud], sha256=sha256)
    assert pagina.status_code == 400
    assert f"[{code}]" in pagina.text and "Er is niets vastgelegd" in pagina.text
    assert _geschiedenis(assen, uitvoer, db)[-1].stap == "definitief"
    assert not list((uitvoer / "assen/2025/overeenkomsten").glob("*.getekend*.pdf"))


def test_upload_zonder_bestand_of_te_groot(klaar, pdfs, monkeypatch):
    from contracten.web import ondertekenen

    _, uitvoer, db, ca = klaar
    client = TestClient(app_voor(REGIOS, uitvoer, db, door="P. Pieters", vertrouw=(ca,)))
    html = client.get("/regio/assen/goedkeuring").text
    formulier = {"csrf": csrf(html), "pad": OVEREENKOMST, "sha256": versie(html, OVEREENKOMST)}
    leeg = client.post("/regio/assen/getekende-pdf", data=formulier,
                       files={"pdf": ("", b"", "application/pdf")})
    assert leeg.status_code == 400 and "Kies het getekende pdf-bestand" in leeg.text
    monkeypatch.setattr(ondertekenen, "MAXIMUM", 1000)
    groot = client.post("/regio/assen/getekende-pdf", data=formulier,
                        files={"pdf": ("getekend.pdf", pdfs["getekend"], "application/pdf")})
    assert groot.status_code == 413
    twee = client.post("/regio/assen/getekende-pdf", data=formulier, files=[
        ("pdf", ("a.pdf", b"%PDF", "application/pdf")),
        ("pdf", ("b.pdf", b"%PDF", "application/pdf"))])
    assert twee.status_code in (400, 413)  # never more than one file
    kapot = client.post("/regio/assen/getekende-pdf", content=b"abc",
                        headers={"content-type": "multipart/form-data"})
    assert kapot.status_code == 400 and "Het formulier is niet te lezen" in kapot.text
    monkeypatch.setattr(ondertekenen, "MAXIMUM", 10_000_000)
    onbekend = client.post("/regio/assen/getekende-pdf", data={**formulier, "pad": "x\x00"},
                           files={"pdf": ("a.pdf", pdfs["getekend"], "application/pdf")})
    assert onbekend.status_code == 400 and "[niets_gekozen]" in onbekend.text


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium en chromedriver zijn niet "
                    "geïnstalleerd (apt-get install chromium chromium-driver; .ci/run doet dat)")
def test_upload_in_chromium(klaar, pdfs, tmp_path, browser):  # noqa: F811
    _, uitvoer, db, ca = klaar
    pdf = tmp_path / "getekend contract.pdf"
    pdf.write_bytes(pdfs["getekend"])
    server = _draai(app_voor(REGIOS, uitvoer, db, door="P. Pieters", vertrouw=(ca,)), REGIOS)
    url, _ = next(server)
    try:
        _upload_met(browser, url, pdf)
    finally:
        next(server, None)  # stops it


def _upload_met(chromium, url: str, pdf) -> None:
    from selenium.webdriver.common.by import By

    chromium.get(url + "/regio/assen/goedkeuring")
    rij = chromium.find_element(By.XPATH, f"//tr[td/a[text()='{OVEREENKOMST}']]")
    formulier = rij.find_element(By.CSS_SELECTOR, "form.getekende-pdf")
    formulier.find_element(By.NAME, "pdf").send_keys(str(pdf))
    _klik_en_wacht(chromium, formulier.find_element(By.TAG_NAME, "button"))
    assert "is vastgelegd als getekend" in chromium.find_element(By.ID, "vastgelegd").text
    tabel = chromium.find_element(By.ID, "handtekeningen").text
    assert "opdrachtgever J. de Vries 03-03-2020 10:30 vertrouwd" in tabel
    assert "opdrachtnemer A. Bakker 04-03-2020 15:00 vertrouwd" in tabel
