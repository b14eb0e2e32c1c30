"""The web application in a tender of several percelen: the regions and the region page show
the percelen, and contracts, documents and approvals are per contract (perceel and
opdrachtnemer)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from .percelen import TWEE
from .webhulp import app_voor, csrf, versie

OVEREENKOMST_2 = f"assen/2025/overeenkomsten/perceel-2/{TWEE}.docx"


@pytest.fixture
def client(percelen_gegenereerd, tmp_path) -> TestClient:
    regios, uitvoer = percelen_gegenereerd
    return TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", door="mr. J. Jansen"))


def test_de_regios_met_hun_percelen(client):
    html = client.get("/").text
    assert "1. Beschermd wonen (outputgericht)<br>2. Thuis en dagbesteding (outputgericht)" \
        in html
    assert "Wmo begeleiding en beschermd wonen (taakgericht)" in html  # one perceel: its name
    assert "None" not in html


def test_de_regiopagina_per_contract(client):
    html = client.get("/regio/assen").text
    assert "<li>Perceel 2: Thuis en dagbesteding · outputgericht</li>" in html
    percelen = html.split('id="contracten"')[1].split("<h3 ")[1:]
    assert [p.split("</h3>")[0].split(">", 1)[1] for p in percelen] == [
        "Perceel 1: Beschermd wonen", "Perceel 2: Thuis en dagbesteding"]
    naam = ">Zorg &amp; Welzijn &#39;De Brug&#39; B.V.</a>"  # one contract in each perceel
    assert [naam in p for p in percelen] == [True, True]
    assert "aanbieder=zorg-welzijn-de-brug&amp;perceel=2" in percelen[1]
    assert f"/regio/assen/document?pad={OVEREENKOMST_2}" in percelen[1]
    assert "None" not in html


def test_het_contract_in_perceel_2(client):
    html = client.get(f"/regio/assen/contract?aanbieder={TWEE}&perceel=2&jaar=2025").text
    assert "<h1>Zorg &amp; Welzijn &#39;De Brug&#39; B.V.</h1>" in html
    assert "<dd>2. Thuis en dagbesteding (outputgericht)</dd>" in html
    assert OVEREENKOMST_2 in html and OVEREENKOMST_2.replace("perceel-2", "perceel-1") not in html
    assert client.get(f"/regio/assen/contract?aanbieder={TWEE}&perceel=3").status_code == 404


def test_goedkeuren_van_het_contract_in_perceel_2(client):
    pagina = client.get("/regio/assen/goedkeuring").text
    assert '<th scope="col">Perceel</th>' in pagina
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(pagina), "pad": OVEREENKOMST_2, "stap": "juridisch_akkoord",
        "sha256": versie(pagina, OVEREENKOMST_2)},
        follow_redirects=False)
    assert antwoord.status_code == 303
    vastgelegd = client.get(antwoord.headers["location"]).text
    assert "Juridisch akkoord is vastgelegd voor 1 document." in vastgelegd
    assert "Overeenkomst Zorg &amp; Welzijn &#39;De Brug&#39; B.V. (perceel 2)</a>" in vastgelegd
    assert "juridisch akkoord door mr. J. Jansen, 01-12-2026 09:30" in vastgelegd
    for perceel, status in ((2, "juridisch_akkoord"), (1, "concept")):
        html = client.get(f"/regio/assen/contract?aanbieder={TWEE}&perceel={perceel}").text
        assert f'Status: <span class="status-{status}">' in html
