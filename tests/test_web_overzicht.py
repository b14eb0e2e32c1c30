"""The pages as lawyers and contract managers work: region → perceel → contract with its
documents by kind, a document with its next step, every step confirmed first and then said
what was recorded, and the approval queue filtered, in pages of 50, approved several at once
through the same step (all or none)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import contracten
from contracten.web import weergeven

from .webhulp import app_voor, csrf, werkmap

POE = "assen/2026/programma-van-eisen.docx"
WONEN = "assen/2026/overeenkomsten/wonen-plus.docx"


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> tuple[Path, Path]:
    return werkmap(tmp_path_factory.mktemp("overzicht"))


@pytest.fixture
def client(map_, tmp_path) -> TestClient:
    """A register of its own over the shared output: a test here records steps, never files."""
    regios, uitvoer = map_
    return TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", door="mr. J. Jansen"))


@pytest.fixture
def eigen(tmp_path) -> TestClient:
    """An output of its own, for a test that writes files (a comparison, a marker, a letter)."""
    regios, uitvoer = werkmap(tmp_path)
    return TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", door="mr. J. Jansen"))


def _geschiedenis(client: TestClient, pad: str) -> str:
    return client.get(f"/regio/assen/geschiedenis?pad={pad}").text.split(
        'id="geschiedenis"')[1]


def _gekozen(html: str) -> dict[str, str]:
    """The queue's check boxes: each document's path -> the version the page showed."""
    return {pad: sha for sha, pad in
            re.findall(r'name="document-\d+" value="([0-9a-f]{64}) ([^"]+)"', html)}


def test_een_contract_met_zijn_documenten_per_soort(client):
    regio = client.get("/regio/assen").text
    assert "/regio/assen/contract?aanbieder=wonen-plus&amp;perceel=1&amp;jaar=2026" in regio
    html = client.get("/regio/assen/contract?aanbieder=wonen-plus&perceel=1").text
    assert "<h1>Wonen &lt;Plus&gt; Coöperatie U.A.</h1>" in html
    soorten = re.findall(r'<h3 id="doc-\d+"><a href="[^"]+">([^<]+)</a></h3>', html)
    assert soorten == ["Overeenkomst", "Indexatiebrief", "Tariefaddendum", "Brief social return"]
    # the next step, its button naming the document it acts on, and the warnings in red
    assert ('<button type="submit">Juridisch akkoord<span class="vh"> voor Overeenkomst Wonen '
            '&lt;Plus&gt; Coöperatie U.A.</span>…</button>') in html
    assert '<p class="waarschuwing">Let op: niet ondertekenen.' in html
    assert "<li>gemaakt door contracten</li>" in html
    assert client.get("/regio/assen/contract?aanbieder=onbekend").status_code == 404


def test_een_document_met_zijn_versie_en_volgende_stap(client):
    html = client.get(f"/regio/assen/document?pad={WONEN}").text
    sha = contracten.status(contracten.laad_regio(client.app.state.instellingen.regios, "assen"),
                            tijdstip=client.app.state.instellingen.klok(),
                            uitvoer=client.app.state.instellingen.uitvoer,
                            database=client.app.state.instellingen.database,
                            paden=[WONEN]).documenten[0].stand.sha256
    assert f'<code id="versie" title="sha256 {sha}">{sha[:12]}</code>' in html
    assert 'action="/regio/assen/bevestig?jaar=2026"' in html
    # the warning as Word and pdf show it: red, in the text too
    assert '<div class="document">' in html
    assert html.split('<div class="document">')[1].count('<p class="waarschuwing">Let op:') == 2


def test_de_redline_tegen_de_vorige_versie(eigen):
    """Before the comparison is made, the page says so; after, it shows the changes."""
    client = eigen
    voor = client.get(f"/regio/assen/document?pad={WONEN}").text
    assert "Geen redline tegen prijspeil 2025" in voor
    token = csrf(voor)
    client.post("/regio/assen/vergelijk", data={"csrf": token, "oud": "2025", "nieuw": "2026"})
    html = client.get(f"/regio/assen/document?pad={WONEN}").text
    assert ('/regio/assen/bestand?pad=vergelijking-2025-2026/redlines/overeenkomsten/'
            'wonen-plus.docx">Redline tegen prijspeil 2025') in html
    # and the changes themselves, from the comparison's report
    wijzigingen = html.split('id="wijzigingen-tekst">')[1].split("</div>")[0]
    assert "<h3>Artikel 2.1 – Tarieven en budget (samenvatting)</h3>" in wijzigingen
    assert ('€ <del><span class="vh">verwijderd: </span>110,00</del><ins><span class="vh">'
            'nieuw: </span>113,85</ins> (voorbeeld)') in wijzigingen
    nieuw = client.get("/regio/assen/document?pad=assen/2026/addenda/wonen-plus.docx").text
    assert "Nieuw in prijspeil 2026: prijspeil 2025 had dit document niet." in nieuw
    eerste = client.get("/regio/assen/document?pad=assen/2025/overeenkomsten/wonen-plus.docx")
    assert "Er is geen eerdere versie van dit document." in eerste.text


def test_een_stap_eerst_bevestigen_dan_zeggen_wat_is_vastgelegd(client):
    document = client.get(f"/regio/assen/document?pad={POE}").text
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', document).group(1)
    vraag = client.post("/regio/assen/bevestig?jaar=2026", data={
        "csrf": csrf(document), "pad": POE, "sha256": sha, "stap": "juridisch_akkoord"})
    assert vraag.status_code == 200
    assert "<h1>Bevestigen: juridisch akkoord</h1>" in vraag.text
    assert f'<code class="hash">{sha}</code>' in vraag.text
    assert "mr. J. Jansen" in vraag.text and "Er is nog niets vastgelegd" in vraag.text
    assert "juridisch akkoord" not in _geschiedenis(client, POE)  # asking records nothing
    assert '<label for="opmerking">Opmerking bij Programma van Eisen' in vraag.text
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(vraag.text), "pad": POE, "sha256": sha, "stap": "juridisch_akkoord",
        "opmerking": "Getoetst"}, follow_redirects=False)
    assert antwoord.status_code == 303
    klaar = client.get(antwoord.headers["location"]).text
    assert "Juridisch akkoord is vastgelegd voor 1 document." in klaar
    assert "juridisch akkoord door mr. J. Jansen, 01-12-2026 09:30: Getoetst" in klaar
    assert "juridisch akkoord</td><td>mr. J. Jansen</td>" in _geschiedenis(client, POE)


def test_de_wachtrij_gefilterd_en_in_paginas_van_50(client):
    eerste = client.get("/regio/assen/goedkeuring").text
    assert "58 documenten; deze pagina toont er 50." in eerste
    assert len(_gekozen(eerste)) == 50 and POE in _gekozen(eerste)
    assert 'rel="next">Volgende</a>' in eerste
    tweede = client.get("/regio/assen/goedkeuring?pagina=2").text
    assert len(_gekozen(tweede)) == 8 and not set(_gekozen(tweede)) & set(_gekozen(eerste))
    brieven = client.get("/regio/assen/goedkeuring?soort=indexatiebrief").text
    assert len(_gekozen(brieven)) == 14
    assert all("/brieven/indexatie/" in p for p in _gekozen(brieven))
    wonen = client.get("/regio/assen/goedkeuring?aanbieder=wonen-plus").text
    assert len(_gekozen(wonen)) == 4
    gezocht = client.get("/regio/assen/goedkeuring?zoek=wonen+%3Cplus").text
    assert set(_gekozen(gezocht)) == set(_gekozen(wonen))
    assert "0 documenten" in client.get("/regio/assen/goedkeuring?status=getekend").text
    alle = client.get("/regio/assen/goedkeuring?soort=tariefaddendum&kies=alle").text
    assert alle.count(" checked>") == 14
    # each check box says which document it chooses
    assert 'aria-label="Kies Tariefaddendum Wonen &lt;Plus&gt; Coöperatie U.A."' in alle


def test_meerdere_tegelijk_na_een_samenvatting(client):
    html = client.get("/regio/assen/goedkeuring?soort=tariefaddendum").text
    gekozen = list(_gekozen(html).items())[:3]
    vraag = client.post("/regio/assen/bevestig?jaar=2026", data={
        "csrf": csrf(html),
        **{f"document-{i}": f"{sha} {pad}" for i, (pad, sha) in enumerate(gekozen)}})
    assert vraag.status_code == 200
    samenvatting = vraag.text.split('id="vast-te-leggen"')[1].split("</table>")[0]
    assert samenvatting.count("<tr>") == 4  # a header and exactly the three
    for pad, sha in gekozen:
        assert pad in samenvatting and f'<code class="hash">{sha}</code>' in samenvatting
    assert "Bevestig: juridisch akkoord voor 3 documenten" in vraag.text
    # the confirmation posts each document with the version seen, to the one step
    velden = re.findall(r'name="pad" value="([^"]+)">\s*<input type="hidden" name="sha256" '
                        r'value="([0-9a-f]{64})"', vraag.text)
    assert velden == gekozen
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(vraag.text), "stap": "juridisch_akkoord", "pad": [p for p, _ in gekozen],
        "sha256": [s for _, s in gekozen]}, follow_redirects=False)
    assert antwoord.status_code == 303
    klaar = client.get(antwoord.headers["location"]).text
    assert "Juridisch akkoord is vastgelegd voor 3 documenten." in klaar
    for pad, _ in gekozen:
        assert "juridisch akkoord</td><td>mr. J. Jansen</td>" in _geschiedenis(client, pad)


def test_meerdere_tegelijk_alles_of_niets(client):
    html = client.get("/regio/assen/goedkeuring?soort=indexatiebrief").text
    gekozen = list(_gekozen(html).items())[:2]
    oud = "0" * 64  # the second document: not the version the register holds
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(html), "stap": "juridisch_akkoord", "pad": [p for p, _ in gekozen],
        "sha256": [gekozen[0][1], oud]})
    assert antwoord.status_code == 400 and "[versie_gewijzigd]" in antwoord.text
    for pad, _ in gekozen:
        assert "juridisch akkoord" not in _geschiedenis(client, pad)
    ongelijk = client.post("/regio/assen/stap", data={
        "csrf": csrf(html), "stap": "juridisch_akkoord", "pad": [p for p, _ in gekozen],
        "sha256": [gekozen[0][1]]})
    assert ongelijk.status_code == 400 and "welke versie u zag" in ongelijk.text


def test_samen_alleen_wat_op_dezelfde_stap_staat(client):
    html = client.get("/regio/assen/goedkeuring?soort=overeenkomst").text
    (pad1, sha1), (pad2, sha2) = list(_gekozen(html).items())[:2]
    client.post("/regio/assen/stap", data={"csrf": csrf(html), "stap": "juridisch_akkoord",
                                           "pad": pad1, "sha256": sha1})
    antwoord = client.post("/regio/assen/bevestig?jaar=2026", data={
        "csrf": csrf(html), "document-1": f"{sha1} {pad1}", "document-2": f"{sha2} {pad2}"})
    assert antwoord.status_code == 400 and "Kies documenten die op dezelfde stap staan" \
        in antwoord.text
    assert client.post("/regio/assen/bevestig", data={"csrf": csrf(html)}).status_code == 400


def test_licht_bij_duizend_aanbieders(client, monkeypatch):
    """1,000 contracts with four documents each: the region page and the queue stay under
    300 KB, thanks to pages of 50."""
    echt = weergeven.stand

    def groot(request, regio):
        s = echt(request, regio)
        contract = s.contracten[0]
        documenten = [d for d in s.documenten if d.stand.aanbieder == contract.aanbieder]
        veel = [dataclasses.replace(contract, aanbieder=f"a{i:04}", naam=f"Aanbieder {i:04}")
                for i in range(1000)]
        docs = [dataclasses.replace(d, stand=dataclasses.replace(
            d.stand, aanbieder=f"a{i:04}", pad=d.stand.pad.replace(".docx", f"-{i:04}.docx")))
            for i in range(1000) for d in documenten]
        return dataclasses.replace(s, contracten=veel, documenten=docs)

    monkeypatch.setattr(weergeven, "stand", groot)
    for url in ("/regio/assen", "/regio/assen/goedkeuring",
                "/regio/assen/goedkeuring?pagina=80"):
        antwoord = client.get(url)
        assert antwoord.status_code == 200
        assert len(antwoord.content) < 300_000, (url, len(antwoord.content))
    assert "Pagina 1 van 20 (1000 in totaal)" in client.get("/regio/assen").text


def test_getekend_na_bevestigen_met_de_ondertekenaars(eigen):
    """Of a definitief contract, the row asks who signed; the confirmation shows it again,
    filled in, and records it."""
    client = eigen
    i = client.app.state.instellingen
    assen = contracten.laad_regio(i.regios, "assen")
    pad = "assen/2026/overeenkomsten/stichting-brinkhuis.docx"
    contracten.zet_stap(assen, "juridisch_akkoord", door="mr. J. Jansen", tijdstip=i.klok(),
                        uitvoer=i.uitvoer, database=i.database, paden=[pad])
    contracten.markeer_definitief(assen, datum=i.klok().date(), door="mr. J. Jansen",
                                  tijdstip=i.klok(), ook_samenvattingen=True,
                                  ook_voorbeelden=True, uitvoer=i.uitvoer,
                                  database=i.database, paden=[pad])
    html = client.get("/regio/assen/goedkeuring?status=definitief").text
    assert "Getekend voor de gemeente<span class=\"vh\">: Overeenkomst Stichting Brinkhuis" in html
    assert 'class="getekende-pdf"' in html  # the signed pdf can still be uploaded here
    sha = _gekozen(html)[pad]
    velden = {"opdrachtgever": "J. de Vries", "opdrachtgever-functie": "wethouder",
              "opdrachtgever-datum": "2026-12-01", "opdrachtnemer": "A. Bakker",
              "opdrachtnemer-functie": "bestuurder", "opdrachtnemer-datum": "2026-12-01"}
    vraag = client.post("/regio/assen/bevestig?jaar=2026", data={
        "csrf": csrf(html), "pad": pad, "sha256": sha, "stap": "getekend", **velden})
    assert "<h1>Bevestigen: getekend</h1>" in vraag.text
    assert 'name="opdrachtnemer-functie" value="bestuurder" required' in vraag.text
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(vraag.text), "pad": pad, "sha256": sha, "stap": "getekend", **velden},
        follow_redirects=False)
    assert antwoord.status_code == 303, re.findall(r"<li>.*?</li>", antwoord.text)
    assert "Getekend is vastgelegd voor 1 document." in client.get(
        antwoord.headers["location"]).text
    assert "getekend voor de opdrachtnemer door A. Bakker (bestuurder) op 1 december 2026" \
        in _geschiedenis(client, pad)


def test_een_opzeggingsbrief_op_de_contractpagina(eigen):
    """An opzegging's letter has no prijspeil in its path: its page and its step work."""
    client = eigen
    i = client.app.state.instellingen
    assen = contracten.laad_regio(i.regios, "assen")
    contracten.opzegging(assen, aanbieder="wonen-plus", datum=dt.date(2027, 3, 31),
                         briefdatum=dt.date(2027, 4, 1), uitvoer=i.uitvoer)
    html = client.get("/regio/assen/contract?aanbieder=wonen-plus&perceel=1").text
    pad = re.search(r'document\?pad=(assen/opzeggingen/[^"]+\.docx)"', html).group(1)
    assert ">Opzeggingsbrief</a></h3>" in html
    document = client.get(f"/regio/assen/document?pad={pad}")
    assert document.status_code == 200 and "Er is geen eerdere versie" in document.text
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', document.text).group(1)
    vraag = client.post("/regio/assen/bevestig?jaar=2026", data={
        "csrf": csrf(document.text), "pad": pad, "sha256": sha, "stap": "juridisch_akkoord"})
    assert vraag.status_code == 200 and pad in vraag.text


def test_waarschuwingen_volgen_de_tekstversie(tmp_path):
    """Remembered per file state (a page shows 50 long texts), read again when it changed."""
    from contracten.web import overzicht

    document = tmp_path / "overeenkomst.docx"
    (tmp_path / "overeenkomst.md").write_text("# Overeenkomst\n\nLet op: eerste\n", "utf-8")
    assert overzicht.waarschuwingen(document) == ["Let op: eerste"]
    (tmp_path / "overeenkomst.md").write_text("Let op: tweede\nLet op: derde\n", "utf-8")
    assert overzicht.waarschuwingen(document) == ["Let op: tweede", "Let op: derde"]
    (tmp_path / "overeenkomst.md").unlink()
    (tmp_path / "overeenkomst.md").symlink_to(tmp_path / "elders.md")
    (tmp_path / "elders.md").write_text("Let op: niet van ons\n", "utf-8")
    assert overzicht.waarschuwingen(document) == []
