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
    contracten = html.split('id="contracten"')[1].split("</table>")[0]
    assert contracten.count("Zorg &amp; Welzijn &#39;De Brug&#39; B.V.") == 2
    assert "<td>1. Beschermd wonen</td>" in contracten
    assert "<td>2. Thuis en dagbesteding</td>" in contracten
    assert f"/regio/assen/document?pad={OVEREENKOMST_2}" in html
    assert "None" not in html


def test_goedkeuren_van_het_contract_in_perceel_2(client):
    pagina = client.get("/regio/assen/goedkeuring").text
    assert "<th>Perceel</th>" in pagina
    antwoord = client.post("/regio/assen/stap", data={
        "csrf": csrf(pagina), "pad": OVEREENKOMST_2, "stap": "juridisch_akkoord",
        "sha256": versie(pagina, OVEREENKOMST_2)},
        follow_redirects=False)
    assert antwoord.status_code == 303
    html = client.get("/regio/assen").text
    rijen = {rij.split('">')[1].split("</a>")[0]: rij for rij in html.split("<tr>")
             if "/document?pad=" in rij}
    assert 'class="status-juridisch_akkoord"' in rijen[OVEREENKOMST_2]
    assert 'class="status-concept"' in rijen[OVEREENKOMST_2.replace("perceel-2", "perceel-1")]
