"""Broken and hostile input: the corpus in tests/corpus/, path tricks on the command line and
random file contents. Each gives a plain message and an exit code, never a traceback, and writes
nothing outside the output folder (and nothing at all when it fails)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracten import InvoerFout, laad_regio
from contracten.fouten import ContractenFout

from .conftest import ASSEN_DATUM, REGIOS, voer_uit

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
DATUM = ASSEN_DATUM.isoformat()


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
def test_corpus(pad: Path, tmp_path: Path, assen_gegenereerd: Path):
    geval = yaml.safe_load(pad.read_text(encoding="utf-8"))
    werk = tmp_path
    shutil.copytree(REGIOS, werk / "regios")
    pas_toe(geval, werk / "regios/assen")
    # A previous, good output (werk/uit) that a failing run must leave exactly as it was.
    uitvoer = assen_gegenereerd
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
    ["genereer", "../../etc", "--datum", DATUM],
    ["genereer", "/etc/passwd", "--datum", DATUM],
    ["genereer", "assen", "--aanbieder", "../../x", "--datum", DATUM],
    ["opzegging", "assen", "--aanbieder", "/etc/passwd", "--datum", DATUM, "--briefdatum", DATUM],
])
def test_padtrucs_op_de_opdrachtregel(argumenten, tmp_path):
    uit = voer_uit(*argumenten, "--uitvoer", str(tmp_path / "uit"), cwd=tmp_path,
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr
    assert list(tmp_path.iterdir()) == []


yaml_waarden = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.floats(allow_nan=False, allow_infinity=False)),
    lambda kind: st.one_of(st.lists(kind, max_size=4),
                           st.dictionaries(st.text(max_size=8), kind, max_size=4)),
    max_leaves=20)


@pytest.fixture(scope="module")
def proefmap(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("eigenschappen") / "regios"
    shutil.copytree(REGIOS, doel)
    return doel


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bestand=st.sampled_from(["regio.yaml", "inhoud.yaml", "aanbieders.yaml",
                                "tarieven/2025.yaml"]),
       inhoud=st.one_of(yaml_waarden.map(lambda w: yaml.safe_dump(w, allow_unicode=True)),
                        st.text(max_size=200), st.binary(max_size=200)))
def test_lader_geeft_alleen_nette_fouten(proefmap, bestand, inhoud):
    pad = proefmap / "assen" / bestand
    origineel = (REGIOS / "assen" / bestand).read_bytes()
    try:
        pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
        try:
            laad_regio(proefmap, "assen")  # some contents are valid: an empty aanbieders.yaml
        except ContractenFout as fout:  # any other exception fails the test: a bug, no message
            # A message for the user, naming the file that was broken.
            assert isinstance(fout, InvoerFout), fout
            assert f"assen/{bestand}" in {m.bestand for m in fout.meldingen}, str(fout)
            assert f"assen/{bestand}" in str(fout)
    finally:
        pad.write_bytes(origineel)
