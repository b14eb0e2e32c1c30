"""The web serves only what contracten made: the files a manifest lists (a prijspeil's, an
opzegging's, the realisatie, a comparison's), never a user's own file beside them; an odd path
(NUL, '..', absolute, encoded, overlong) is 404, never 500; every link of the pages resolves."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import contracten

from .conftest import voer_uit
from .webhulp import app_voor, werkmap

OPZEGGING = "opzeggingen/zorg-welzijn-de-brug/2026-08-31"
REALISATIE = "socialreturn-realisatie/2026"
VERGELIJKING = "vergelijking-2025-2026"


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> tuple[Path, Path]:
    """Assen at 2025 and 2026, an opzegging, the realisatie, the comparison of both years,
    and a user's own files beside each."""
    basis = tmp_path_factory.mktemp("bestanden")
    regios, uitvoer = werkmap(basis)
    clienten = basis / "clienten.csv"
    clienten.write_text("client,gemeente,product,einddatum_beschikking\n"
                        "C-0001,Assen,bw-toezicht,2026-12-31\n", encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder",
                   "zorg-welzijn-de-brug", "--datum", "2026-08-31", "--opzegtermijn", "6",
                   "--clienten", str(clienten), "--uitvoer", str(uitvoer),
                   "--briefdatum", "2026-09-01")
    assert uit.code == 0, uit.stderr
    assen = contracten.laad_regio(regios, "assen")
    contracten.socialreturn_realisatie(
        assen, contracten.Invoerbestand("r.csv", b"aanbieder;jaar;gerealiseerd\n"
                                                 b"stichting-westerhof;2026;1.000,00\n"),
        datum=dt.date(2027, 4, 15), uitvoer=uitvoer)
    contracten.vergelijk(uitvoer / "assen/2025", uitvoer / "assen/2026",
                         datum=dt.date(2025, 11, 3))
    for plek in ("2026", OPZEGGING, REALISATIE, VERGELIJKING, f"{VERGELIJKING}/redlines"):
        (uitvoer / "assen" / plek / "notities.md").write_text("Eigen aantekeningen",
                                                                encoding="utf-8")
        (uitvoer / "assen" / plek / "eigen.docx").write_bytes(b"PK eigen")
    return regios, uitvoer


@pytest.fixture
def client(map_, tmp_path) -> TestClient:
    regios, uitvoer = map_
    return TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite", door="mr. J. Jansen"))


def _gemaakt(uitvoer: Path, plek: str) -> list[str]:
    gelezen = json.loads((uitvoer / "assen" / plek / "manifest.json").read_text("utf-8"))
    return [d["pad"] for d in gelezen["documenten"]]


@pytest.mark.parametrize("plek", ["2025", "2026", OPZEGGING, REALISATIE, VERGELIJKING])
def test_elk_gemaakt_bestand_wordt_geserveerd(client, map_, plek):
    _, uitvoer = map_
    paden = _gemaakt(uitvoer, plek)
    assert paden
    for pad in paden[:40]:  # a few formats of each folder, enough to see every kind
        antwoord = client.get("/regio/assen/bestand", params={"pad": f"{plek}/{pad}"})
        assert antwoord.status_code == 200, (pad, antwoord.text[:300])
        assert antwoord.content == (uitvoer / "assen" / plek / pad).read_bytes()


@pytest.mark.parametrize("plek", ["2026", OPZEGGING, REALISATIE, VERGELIJKING,
                                  f"{VERGELIJKING}/redlines"])
@pytest.mark.parametrize("naam", ["notities.md", "eigen.docx", "manifest.json"])
def test_een_eigen_bestand_in_de_uitvoermap_niet(client, map_, plek, naam):
    _, uitvoer = map_
    if naam != "manifest.json":
        assert (uitvoer / "assen" / plek / naam).is_file()
    antwoord = client.get("/regio/assen/bestand", params={"pad": f"{plek}/{naam}"})
    assert antwoord.status_code == 404 and "Eigen aantekeningen" not in antwoord.text


@pytest.mark.parametrize("pad", [
    "\x00", "2026/programma-van-eisen.docx\x00", "2026/programma-van-eisen\x00.docx",
    "2026/../2026/programma-van-eisen.docx", "2026/./programma-van-eisen.docx",
    "2026//programma-van-eisen.docx", "/2026/programma-van-eisen.docx",
    "/etc/passwd", "2026\\programma-van-eisen.docx", "C:\\Windows\\win.ini",
    "../assen/2026/programma-van-eisen.docx", "2026/programma-van-eisen.docx/",
    "x" * 300 + ".docx", "2026/" + "x" * 300 + ".docx", "a/" * 600 + "b.docx",
    "2026/programma-van-eisen.docx" + "/" * 2000, "programma-van-eisen.docx",
    "2026/\n.docx", "%2e%2e/%2e%2e/etc/passwd",
])
def test_een_vreemd_pad_is_404(client, pad):
    assert client.get("/regio/assen/bestand", params={"pad": pad}).status_code == 404


@pytest.mark.parametrize("query", [
    "pad=%00", "pad=2026%2Fprogramma-van-eisen.docx%00.pdf", "pad=%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "pad=2026%252F..%252Fmanifest.json", "pad=%ff%fe.docx", "pad=%c0%ae%c0%ae/etc/passwd",
    "pad=2026/programma-van-eisen.docx&pad=../../etc/passwd", "pad=%ed%b3%bf.docx",
])
def test_een_gecodeerd_pad_is_404(client, query):
    antwoord = client.get(f"/regio/assen/bestand?{query}")
    assert antwoord.status_code in (404,), antwoord.text[:300]


@pytest.mark.parametrize("url", [
    "/regio/assen/document?pad=%00", "/regio/assen/document?pad=assen/2026/%00.docx",
    "/regio/assen/geschiedenis?pad=assen%2F..%2F..%2Fetc%2Fpasswd",
    "/regio/assen?jaar=%00", "/regio/assen/agenda?binnen=%00", "/regio/%00",
    "/regio/assen/vergelijk?oud=%00&nieuw=2026", "/regio/assen/document?pad=" + "x" * 5000,
])
def test_een_vreemd_pad_op_een_pagina_is_404(client, url):
    assert client.get(url).status_code == 404


def _links(tekst: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(/[^"]*)"', tekst)]


def test_elke_link_op_de_paginas_werkt(client):
    paginas = ["/regio/assen", "/regio/assen?jaar=2025",
               "/regio/assen/vergelijk?oud=2025&nieuw=2026"]
    regio = client.get("/regio/assen").text
    documenten = sorted({link for link in _links(regio) if "/document?" in link})
    assert any(OPZEGGING in link for link in documenten)
    paginas += documenten
    bezocht: set[str] = set()
    bestanden = 0
    for pagina in paginas:
        antwoord = client.get(pagina)
        assert antwoord.status_code == 200, pagina
        for link in _links(antwoord.text):
            if link in bezocht or link.startswith("/statisch/"):
                continue
            bezocht.add(link)
            assert client.get(link).status_code == 200, (pagina, link)
            bestanden += "/bestand?" in link
    vergelijk = client.get("/regio/assen/vergelijk?oud=2025&nieuw=2026").text
    assert "redlines/" in vergelijk and "eigen.docx" not in vergelijk
    assert bestanden > len(documenten)  # every document page links its Word file


def test_een_pdf_naast_het_document_alleen_als_contracten_hem_maakte(client, map_):
    _, uitvoer = map_
    eigen = uitvoer / "assen/2026/programma-van-eisen.pdf"
    assert not eigen.exists()
    eigen.write_bytes(b"%PDF-1.4 eigen")
    try:
        pagina = client.get("/regio/assen/document?pad=assen/2026/programma-van-eisen.docx")
        assert pagina.status_code == 200 and "programma-van-eisen.pdf" not in pagina.text
        assert client.get("/regio/assen/bestand?pad=2026/programma-van-eisen.pdf"
                          ).status_code == 404
    finally:
        eigen.unlink()


def test_een_gewijzigd_manifest_telt_meteen_en_een_ongewijzigd_wordt_niet_herlezen(
        client, map_, monkeypatch):
    _, uitvoer = map_
    manifest = uitvoer / "assen" / OPZEGGING / "manifest.json"
    origineel = manifest.read_text(encoding="utf-8")
    from contracten.uitvoer import manifest as manifesten

    gelezen = []
    echt = manifesten.lees
    monkeypatch.setattr(manifesten, "lees", lambda m: gelezen.append(m) or echt(m))
    manifest.write_text(origineel, encoding="utf-8")  # new to this process, whatever ran before
    url = f"/regio/assen/bestand?pad={OPZEGGING}/transitieschema.docx"
    try:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
        assert len(gelezen) == 1  # the second request used the cache
        data = json.loads(origineel)
        data["documenten"] = [d for d in data["documenten"]
                              if d["pad"] != "transitieschema.docx"]
        manifest.write_text(json.dumps(data), encoding="utf-8")
        assert client.get(url).status_code == 404
        manifest.write_text("{kapot", encoding="utf-8")
        assert client.get(url).status_code == 404  # a damaged manifest lists nothing
    finally:
        manifest.write_text(origineel, encoding="utf-8")
    assert client.get(url).status_code == 200
