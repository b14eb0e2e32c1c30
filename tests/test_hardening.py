"""Hostile and broken input, the template sandbox, crash safety and privacy."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from docx import Document

from contracten import genereer, laad_regio
from contracten.fouten import ContractenFout
from contracten.uitvoer import map as uitvoermap

from .conftest import REGIOS, ROOT, voer_uit, wijzig_yaml

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
DATUM = "2026-11-23"


def delen(lijst: list[dict]) -> str:
    return "".join(d["tekst"] * d.get("keer", 1) for d in lijst)


def pas_toe(geval: dict, regio: Path) -> None:
    pad = regio / geval["bestand"]
    if "inhoud" in geval:
        tekst = delen(geval["inhoud"])
    else:
        tekst = pad.read_text(encoding="utf-8")
        vervang = geval.get("vervang") or geval["inhoud_vervang"]
        nieuw = vervang["nieuw"] if isinstance(vervang["nieuw"], str) else delen(vervang["nieuw"])
        assert vervang["oud"] in tekst, vervang["oud"]
        tekst = tekst.replace(vervang["oud"], nieuw, 1)
    data = tekst.encode(geval.get("codering", "utf-8"))
    pad.write_bytes((b"\xef\xbb\xbf" if geval.get("bom") else b"") + data)


def stand(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("pad", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus(pad: Path, tmp_path: Path):
    geval = yaml.safe_load(pad.read_text(encoding="utf-8"))
    werk = tmp_path / "werk"
    shutil.copytree(REGIOS, werk / "regios")
    pas_toe(geval, werk / "regios/assen")
    uitvoer = werk / "uit"
    # A previous, good output that a failing run must leave exactly as it was.
    genereer(laad_regio(REGIOS, "assen"), uitvoer=uitvoer, datum=dt.date(2026, 11, 23))
    buiten = stand(werk / "regios")
    voor = stand(uitvoer)
    verwacht = geval["verwacht"]
    for opdracht in (["valideer", "assen"],
                     ["genereer", "assen", "--uitvoer", str(uitvoer), "--datum", DATUM]):
        uit = voer_uit("--regios", str(werk / "regios"), *opdracht, cwd=werk)
        assert uit.code == verwacht["code"], (opdracht, uit.stderr)
        assert "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr
        if verwacht["code"] != 0:
            assert verwacht["melding"] in uit.stderr, uit.stderr
    assert stand(werk / "regios") == buiten  # inputs untouched
    assert sorted(p.name for p in werk.iterdir()) == ["regios", "uit"]  # nothing elsewhere
    assert not Path("/tmp/contracten-gehackt").exists()
    if verwacht["code"] != 0:
        assert stand(uitvoer) == voor  # nothing half-written
    if "letterlijk" in geval:
        map_ = uitvoer / "assen/2025"
        overeenkomst = Document(map_ / "overeenkomsten/zorg-welzijn-de-brug.docx")
        assert any(geval["letterlijk"] in p.text for p in overeenkomst.paragraphs)
        md = (map_ / "overeenkomsten/zorg-welzijn-de-brug.md").read_text(encoding="utf-8")
        assert geval["letterlijk"].replace("<", "&lt;") in md.replace("\\", "")


@pytest.mark.parametrize("argumenten", [
    ["genereer", "../../etc"],
    ["genereer", "/etc/passwd"],
    ["genereer", "assen", "--aanbieder", "../../x"],
    ["opzegging", "assen", "--aanbieder", "/etc/passwd", "--datum", DATUM],
])
def test_padtrucs_op_de_opdrachtregel(argumenten, tmp_path):
    uit = voer_uit(*argumenten, "--uitvoer", str(tmp_path / "uit"), cwd=tmp_path,
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "Traceback" not in uit.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("uitdrukking", [
    "{{ regio.__class__.__mro__ }}",
    "{{ regio.__init__.__globals__ }}",
    "{{ ''.__class__.__subclasses__() }}",
    "{{ prijspeil.__class__.__bases__ }}",
])
def test_sandbox_weigert_en_schrijft_niets(uitdrukking, tmp_path):
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    document = Document(sjablonen / "overeenkomst.docx")
    document.add_paragraph(uitdrukking)
    document.save(sjablonen / "overeenkomst.docx")
    uit = voer_uit("genereer", "assen", "--sjablonen", str(sjablonen), "--uitvoer",
                   str(tmp_path / "uit"), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert "onveilige bewerking geweigerd" in uit.stderr and "overeenkomst.docx" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_run_die_halverwege_faalt_laat_vorige_uitvoer_staan(tmp_path, monkeypatch):
    genereer(laad_regio(REGIOS, "assen"), uitvoer=tmp_path, datum=dt.date(2026, 11, 23))
    voor = stand(tmp_path)
    geschreven = 0
    echt = Path.write_bytes

    def faalt_halverwege(self: Path, data: bytes) -> int:
        nonlocal geschreven
        geschreven += 1
        if geschreven == 10:
            raise OSError(28, "No space left on device")
        return echt(self, data)

    monkeypatch.setattr(Path, "write_bytes", faalt_halverwege)
    with pytest.raises(ContractenFout, match="schijf is vol"):
        genereer(laad_regio(REGIOS, "assen"), uitvoer=tmp_path, datum=dt.date(2026, 11, 24))
    assert geschreven == 10
    assert stand(tmp_path) == voor
    assert [p.name for p in (tmp_path / "assen").iterdir()] == ["2025"]


def test_onderbroken_wissel_zet_de_vorige_uitvoer_terug(tmp_path, monkeypatch):
    genereer(laad_regio(REGIOS, "assen"), uitvoer=tmp_path, datum=dt.date(2026, 11, 23))
    voor = stand(tmp_path)
    echt = uitvoermap.os.replace
    teller = 0

    def tweede_faalt(a, b):
        nonlocal teller
        teller += 1
        if teller == 2:  # the old folder has moved away, the new one fails to move in
            raise KeyboardInterrupt
        return echt(a, b)

    monkeypatch.setattr(uitvoermap.os, "replace", tweede_faalt)
    with pytest.raises(KeyboardInterrupt):
        genereer(laad_regio(REGIOS, "assen"), uitvoer=tmp_path, datum=dt.date(2026, 11, 24))
    assert stand(tmp_path) == voor


def test_onderbroken_indexatie_laat_geen_prijspeil_achter(regios, tmp_path, monkeypatch):
    from contracten.opdrachten import indexeer as indexeren

    def onderbroken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexeren, "voer_uit", onderbroken)
    voor = stand(regios)
    with pytest.raises(KeyboardInterrupt):
        indexeren.indexeer(laad_regio(regios, "assen"), naar=2026, datum=dt.date(2026, 11, 23),
                           percentage=Decimal("3.5"), genereren=True, uitvoer=tmp_path / "uit")
    assert stand(regios) == voor


def test_definitief_wordt_nooit_overschreven(regios, tmp_path):
    uitvoer = tmp_path / "uit"
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=dt.date(2026, 11, 23))
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(uitvoer),
                   "--document", "overeenkomst", "--aanbieder", "zorg-welzijn-de-brug",
                   "--datum", DATUM)
    assert uit.code == 0, uit.stderr
    getekend = (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes()
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 166.00"))
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(uitvoer),
                   "--datum", DATUM)
    assert uit.code == 0, uit.stderr
    assert "zorg-welzijn-de-brug.docx is definitief" in uit.stdout
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend
    nieuw = list((map_ / "overeenkomsten").glob("zorg-welzijn-de-brug.nieuw-*.docx"))
    assert len(nieuw) == 1
    assert "166,00" in "\n".join(c.text for t in Document(nieuw[0]).tables
                                 for r in t.rows for c in r.cells)
    manifest = json.loads((map_ / "manifest.json").read_text())
    status = {d["pad"]: d for d in manifest["documenten"]}
    assert status["overeenkomsten/zorg-welzijn-de-brug.docx"]["definitief"] == "2026-11-23"
    assert status[nieuw[0].relative_to(map_).as_posix()]["naast_definitief"] == \
        "overeenkomsten/zorg-welzijn-de-brug.docx"
    # Even when the aanbieder leaves the profile, the signed contract stays.
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"].pop(0))
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=dt.date(2026, 11, 23))
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend
