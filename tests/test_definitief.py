"""contracten definitief: a document marked definitief (signed) is never overwritten by a later
run; a changed version is written beside it."""

from __future__ import annotations

import json

from docx import Document

from contracten import genereer, laad_regio

from .conftest import ASSEN_DATUM, REGIOS, voer_uit, wijzig_yaml

DATUM = ASSEN_DATUM


def tekst(pad) -> str:
    document = Document(pad)
    delen = [p.text for p in document.paragraphs]
    delen += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def test_definitief_wordt_nooit_overschreven(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(uitvoer),
                   "--document", "overeenkomst", "--aanbieder", "zorg-welzijn-de-brug",
                   "--datum", DATUM.isoformat(), "--ook-samenvattingen", "--ook-voorbeelden")
    assert uit.code == 0, uit.stderr
    getekend = (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes()
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 166.00"))
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(uitvoer),
                   "--datum", DATUM.isoformat())
    assert uit.code == 0, uit.stderr
    assert "zorg-welzijn-de-brug.docx is definitief" in uit.stdout
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend
    nieuw = list((map_ / "overeenkomsten").glob("zorg-welzijn-de-brug.nieuw-*.docx"))
    assert len(nieuw) == 1
    assert "166,00" in tekst(nieuw[0])
    manifest = json.loads((map_ / "manifest.json").read_text())
    status = {d["pad"]: d for d in manifest["documenten"]}
    assert status["overeenkomsten/zorg-welzijn-de-brug.docx"]["definitief"] == "2026-11-23"
    assert status[nieuw[0].relative_to(map_).as_posix()]["naast_definitief"] == \
        "overeenkomsten/zorg-welzijn-de-brug.docx"
    # Even when the aanbieder leaves the profile, the signed contract stays.
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"].pop(0))
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend


def test_definitief_blijft_ook_zonder_manifest(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(uitvoer),
                   "--aanbieder", "wonen-plus", "--document", "overeenkomst",
                   "--datum", DATUM.isoformat(), "--ook-samenvattingen", "--ook-voorbeelden")
    assert uit.code == 0 and "1 document definitief" in uit.stdout
    getekend = (map_ / "overeenkomsten/wonen-plus.docx").read_bytes()
    opnieuw = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert opnieuw.geschreven == []  # marking changes nothing; an unchanged rerun stays a no-op
    (map_ / "manifest.json").write_text("kapot")
    # A change that reaches this aanbieder's overeenkomst (and no other).
    pad = regios / "assen/aanbieders.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        'straat: "Stationsstraat 23"', 'straat: "Nieuwe Straat 1"'), encoding="utf-8")
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert (map_ / "overeenkomsten/wonen-plus.docx").read_bytes() == getekend
    nieuw = list((map_ / "overeenkomsten").glob("wonen-plus.nieuw-*.docx"))
    assert len(nieuw) == 1 and "Nieuwe Straat 1" in tekst(nieuw[0])
    assert "Nieuwe Straat 1" not in tekst(map_ / "overeenkomsten/wonen-plus.docx")
    assert (map_ / "overeenkomsten/wonen-plus.md").is_file()


def test_samenvatting_van_de_standaard_wordt_niet_zomaar_definitief(assen_gegenereerd):
    uitvoer = assen_gegenereerd
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("definitief", "assen", "--uitvoer", str(uitvoer), "--aanbieder", "wonen-plus",
                   "--document", "overeenkomst", "--datum", DATUM.isoformat(),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "[samenvatting_niet_definitief]" in uit.stderr
    assert "overeenkomsten/wonen-plus.docx" in uit.stderr
    assert not (map_ / "definitief.json").exists()
