"""The web application over HTTP: every page, and every refused request (no CSRF token, a path
out of the output folder, not signed in when bound to another host)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from .webhulp import app_voor, csrf, versie, werkmap

POE = "assen/2026/programma-van-eisen.docx"


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> tuple[Path, Path]:
    return werkmap(tmp_path_factory.mktemp("web"))


@pytest.fixture
def client(map_, tmp_path) -> TestClient:
    regios, uitvoer = map_
    return TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", door="mr. J. Jansen"))


@pytest.mark.parametrize("url", [
    "/", "/regio/assen", "/regio/amersfoort", "/regio/assen/goedkeuring",
    "/regio/assen/agenda?binnen=30", "/regio/assen/agenda?binnen=365",
    f"/regio/assen/document?pad={POE}", f"/regio/assen/geschiedenis?pad={POE}",
    "/regio/assen/vergelijk?oud=2025&nieuw=2026", "/statisch/stijl.css",
    "/regio/assen/contract?aanbieder=wonen-plus&perceel=1",
    f"/regio/assen/vastgelegd?stap=juridisch_akkoord&pad={POE}",
    "/regio/assen/goedkeuring?status=concept&soort=overeenkomst&zoek=stichting&pagina=2",
])
def test_elke_pagina_met_veiligheidskoppen(client, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 200, antwoord.text[:500]
    assert antwoord.headers["content-security-policy"].startswith("default-src 'none'")
    assert antwoord.headers["x-content-type-options"] == "nosniff"
    assert antwoord.headers["x-frame-options"] == "DENY"


def test_de_regiopagina_toont_contracten_en_documenten(client):
    html = client.get("/regio/assen").text
    assert "Wonen &lt;Plus&gt; Coöperatie U.A." in html  # escaped, never markup
    assert "<Plus>" not in html
    assert f"/regio/assen/document?pad={POE}" in html
    assert html.count('class="status-concept"') >= 30  # contracts, letters, addenda
    assert "<title>Regio Assen · contracten</title>" in html  # the title is text, no form
    assert html.count("Twee versies vergelijken") == 1


def test_de_documenten_van_een_ouder_prijspeil(client):
    html = client.get("/regio/assen?jaar=2025").text
    assert "Documenten, prijspeil 2025" in html
    assert "/regio/assen/document?pad=assen/2025/programma-van-eisen.docx" in html
    assert "assen/2026/" not in html.split("Documenten, prijspeil")[1]
    document = client.get("/regio/assen/document?pad=assen/2025/programma-van-eisen.docx")
    assert document.status_code == 200 and "prijspeil 2025" in document.text.lower()
    assert client.get("/regio/assen?jaar=1999").status_code == 404


def test_document_met_zijn_tekst_en_het_wordbestand(client):
    html = client.get(f"/regio/assen/document?pad={POE}").text
    assert "Programma van Eisen" in html and "<script" not in html
    docx = client.get("/regio/assen/bestand?pad=2026/programma-van-eisen.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "attachment" in docx.headers["content-disposition"]


@pytest.mark.parametrize("pad", [
    "../../etc/passwd", "/etc/passwd", "2026/../../regios/assen/regio.yaml",
    "2026/manifest.json", "..%2F..%2Fetc%2Fpasswd", "2026\\programma-van-eisen.docx", "",
])
def test_geen_pad_buiten_de_uitvoermap(client, pad):
    assert client.get("/regio/assen/bestand", params={"pad": pad}).status_code == 404


def test_een_symbolische_koppeling_wordt_niet_gevolgd(client, map_):
    _, uitvoer = map_
    koppeling = uitvoer / "assen/2026/geheim.docx"
    koppeling.symlink_to(Path(__file__))
    try:
        assert client.get("/regio/assen/bestand?pad=2026/geheim.docx").status_code == 404
    finally:
        koppeling.unlink()


@pytest.mark.parametrize("url", ["/regio/%2E%2E", "/regio/assen%2F..%2Famersfoort",
                                 "/regio/bestaat-niet",
                                 "/regio/assen/document?pad=../x.docx",
                                 "/regio/assen/agenda?binnen=7", "/taak/onbekend",
                                 "/regio/assen/vergelijk?oud=2025&nieuw=2025",
                                 "/regio/assen/contract?aanbieder=bestaat-niet",
                                 "/regio/assen/contract?aanbieder=wonen-plus&perceel=9",
                                 f"/regio/assen/vastgelegd?stap=concept&pad={POE}"])
def test_onbekend_is_404(client, url):
    assert client.get(url).status_code == 404


def test_goedkeuren_met_csrf_en_de_naam_van_de_server_niet_van_het_formulier(client):
    pagina = client.get("/regio/assen/goedkeuring").text
    formulier = {"pad": POE, "stap": "juridisch_akkoord", "opmerking": "Getoetst",
                 "door": "iemand anders", "sha256": versie(pagina, POE)}
    zonder = client.post("/regio/assen/stap", data=formulier)
    assert zonder.status_code == 403
    met = client.post("/regio/assen/stap", data={**formulier, "csrf": csrf(pagina)},
                      follow_redirects=False)
    assert met.status_code == 303
    geschiedenis = client.get(f"/regio/assen/geschiedenis?pad={POE}").text
    assert "juridisch akkoord</td><td>mr. J. Jansen</td><td>01-12-2026 09:30</td>" \
           "<td>Getoetst</td>" in geschiedenis
    assert "iemand anders" not in geschiedenis


def test_een_bsn_in_de_opmerking_wordt_geweigerd(client):
    token = csrf(client.get("/regio/assen/goedkeuring").text)
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": token, "pad": POE, "stap": "juridisch_akkoord", "opmerking": "cliënt 111222333"})
    assert antwoord.status_code == 400 and "111222333" not in antwoord.text


def test_zonder_naam_geen_goedkeuring(map_, tmp_path):
    regios, uitvoer = map_
    client = TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite"))
    pagina = client.get("/regio/assen/goedkeuring").text
    assert "--door" in pagina and 'name="stap"' not in pagina
    token = csrf(client.get("/regio/assen").text)
    antwoord = client.post("/regio/assen/stap", data={"csrf": token, "pad": POE,
                                                      "stap": "juridisch_akkoord"})
    assert antwoord.status_code == 403


def test_op_een_ander_adres_eerst_inloggen(map_, tmp_path):
    regios, uitvoer = map_
    client = TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", geheim="s3cret"))
    assert client.get("/regio/assen", follow_redirects=False).headers["location"] == "/inloggen"
    assert client.post("/regio/assen/genereer").status_code == 401
    assert client.get("/regio/assen/bestand?pad=2026/programma-van-eisen.docx",
                      follow_redirects=False).status_code == 303
    token = csrf(client.get("/inloggen").text)
    fout = client.post("/inloggen", data={"csrf": token, "naam": "P. Pieters", "geheim": "nee"})
    assert "klopt niet" in fout.text
    client.post("/inloggen", data={"csrf": token, "naam": "P. Pieters", "geheim": "s3cret"})
    pagina = client.get("/regio/assen/goedkeuring")
    assert pagina.status_code == 200 and "Ingelogd als P. Pieters" in pagina.text
    client.post("/regio/assen/stap", data={"csrf": csrf(pagina.text), "pad": POE,
                                           "stap": "juridisch_akkoord",
                                           "sha256": versie(pagina.text, POE)})
    assert "<td>P. Pieters</td>" in client.get(f"/regio/assen/geschiedenis?pad={POE}").text


def test_agenda_als_ics(client):
    antwoord = client.get("/regio/assen/agenda.ics?binnen=365")
    assert antwoord.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in antwoord.content and b"UID:assen/" in antwoord.content


def test_vergelijken_maakt_rapport_en_redlines(client):
    pagina = client.get("/regio/assen/vergelijk?oud=2025&nieuw=2026").text
    antwoord = client.post("/regio/assen/vergelijk", data={"csrf": csrf(pagina), "oud": "2025",
                                                           "nieuw": "2026"})
    assert antwoord.status_code == 200
    assert 'id="rapport"' in antwoord.text and "redlines/" in antwoord.text


def test_opnieuw_maken_op_de_achtergrond(client):
    token = csrf(client.get("/regio/assen").text)
    antwoord = client.post("/regio/amersfoort/genereer", data={"csrf": token},
                           follow_redirects=False)
    assert antwoord.status_code == 303 and antwoord.headers["location"].startswith("/taak/")
    for _ in range(300):
        pagina = client.get(antwoord.headers["location"]).text
        if 'id="uitkomst"' in pagina:
            break
        assert 'id="voortgang"' in pagina and 'http-equiv="refresh"' in pagina
        assert client.get("/").status_code == 200  # other pages answer meanwhile
        time.sleep(0.1)
    assert "Klaar:" in pagina and "Word-documenten gemaakt" in pagina


def test_zonder_tekstversie_een_melding_geen_fout(client, map_):
    _, uitvoer = map_
    twin = uitvoer / "assen/2026/brieven/socialreturn/wonen-plus.md"
    bewaard = twin.read_bytes()
    twin.unlink()
    try:
        antwoord = client.get("/regio/assen/document?pad=assen/2026/brieven/socialreturn/"
                              "wonen-plus.docx")
        assert antwoord.status_code == 200 and "tekstversie (.md) van dit document ontbreekt" \
            in antwoord.text
    finally:
        twin.write_bytes(bewaard)


def test_op_een_ander_adres_start_de_server_niet_zonder_wachtwoord(monkeypatch):
    from .conftest import voer_uit

    monkeypatch.delenv("CONTRACTEN_WEB_GEHEIM", raising=False)
    uit = voer_uit("web", "--host", "0.0.0.0", "--poort", "8999")
    assert uit.code == 1 and "CONTRACTEN_WEB_GEHEIM" in uit.stderr


def test_definitief_weigert_voorbeeldwaarden_zoals_de_opdrachtregel(client, map_):
    """The web's definitief is the command line's: an example value stops it, with the places,
    and nothing is marked or recorded."""
    _, uitvoer = map_
    pagina = client.get("/regio/assen/goedkeuring").text
    token, sha = csrf(pagina), versie(pagina, POE)
    client.post("/regio/assen/stap", data={"csrf": token, "pad": POE, "sha256": sha,
                                           "stap": "juridisch_akkoord"})
    antwoord = client.post("/regio/assen/stap", data={"csrf": token, "pad": POE, "sha256": sha,
                                                      "stap": "definitief"},
                           follow_redirects=False)
    assert antwoord.status_code == 400
    html = antwoord.text
    assert "<h1>Niet definitief</h1>" in html and "[voorbeeld_niet_definitief]" in html
    assert "<strong>programma-van-eisen.docx</strong>: bevat 21 voorbeeldwaarden" in html
    assert "2.4.4. Bekostiging vervoer, tabel, rij ‘Vervoer dagbesteding, enkele reis tot en " \
           "met 10 km’: “€ 10,14 (voorbeeld)”" in html  # where, in the document's own words
    assert "<code>--ook-voorbeelden</code>" in html and 'name="ook' not in html
    assert not (uitvoer / "assen/2026/definitief.json").exists()
    geschiedenis = client.get(f"/regio/assen/geschiedenis?pad={POE}").text
    assert "juridisch akkoord</td>" in geschiedenis and "definitief</td>" not in geschiedenis
