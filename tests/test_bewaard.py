"""Files read again only when they changed (contracten.lezen.bewaard), as the manifests, the
records of sizes and times and the article library use it."""

from __future__ import annotations

from pathlib import Path

from contracten.lezen.bewaard import Bewaard


def test_gelezen_tot_het_bestand_verandert(tmp_path: Path):
    pad = tmp_path / "a.json"
    pad.write_text("een", encoding="utf-8")
    gelezen: list[str] = []

    def lees() -> str:
        gelezen.append(tekst := pad.read_text(encoding="utf-8"))
        return tekst

    bewaard: Bewaard[str] = Bewaard(4)
    assert bewaard.lees(pad, lees) == bewaard.lees(pad, lees) == "een"
    assert gelezen == ["een"]
    pad.write_text("twee", encoding="utf-8")
    assert bewaard.lees(pad, lees) == "twee"
    assert bewaard.lees(pad, lees, soort="anders") == "twee"  # another way of reading it
    assert gelezen == ["een", "twee", "twee"]


def test_niets_of_wat_tijdens_het_lezen_veranderde_wordt_niet_bewaard(tmp_path: Path):
    pad = tmp_path / "a.json"
    pad.write_text("een", encoding="utf-8")
    keer = []
    bewaard: Bewaard[str] = Bewaard(4)
    assert bewaard.lees(pad, lambda: keer.append(1)) is None
    assert bewaard.lees(pad, lambda: keer.append(1)) is None
    assert len(keer) == 2

    def lees_terwijl_het_verandert() -> str:
        keer.append(1)
        pad.write_text("veranderd", encoding="utf-8")
        return "een"

    bewaard.lees(pad, lees_terwijl_het_verandert)
    assert bewaard.lees(pad, lambda: "nieuw") == "nieuw"
    assert bewaard.lees(tmp_path / "weg.json", lambda: "zonder bestand") == "zonder bestand"


def test_hoogstens_maximum_bestanden(tmp_path: Path):
    bewaard: Bewaard[str] = Bewaard(2)
    paden = [tmp_path / f"{i}.json" for i in range(3)]
    for pad in paden:
        pad.write_text(pad.name, encoding="utf-8")
        bewaard.lees(pad, lambda pad=pad: pad.name)
    assert bewaard.lees(paden[0], lambda: "opnieuw") == "opnieuw"  # the oldest went first
    assert bewaard.lees(paden[2], lambda: "opnieuw") == "2.json"
