"""Incremental runs: unchanged inputs rewrite nothing; one aanbieder changed, only its documents."""

from __future__ import annotations

import os
from pathlib import Path

from contracten import genereer, laad_regio
from contracten.uitvoer.manifest import stam

from .conftest import ASSEN_DATUM, voer_uit, wijzig_yaml

DATUM = ASSEN_DATUM


def stand(map_: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(map_).as_posix(): (os.stat(p).st_ino, os.stat(p).st_mtime_ns)
            for p in map_.rglob("*") if p.is_file()}


def test_ongewijzigde_rerun_schrijft_niets(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    voor = stand(map_)
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert resultaat.geschreven == []
    assert stand(map_) == voor


def test_een_aanbieder_gewijzigd_alleen_zijn_documenten(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    voor = stand(map_)
    pad = regios / "assen/aanbieders.yaml"  # a text edit, as a person makes it
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count('naam: "Anouk de Vries"') == 1
    pad.write_text(tekst.replace('naam: "Anouk de Vries"', 'naam: "Nieuwe Contactpersoon"'),
                   encoding="utf-8")
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    gemaakt = {p for p in resultaat.geschreven if p.endswith(".docx")}
    # The overview of all aanbieders does not show a contact person: it is kept (issue 31).
    assert gemaakt == {"overeenkomsten/wonen-plus.docx", "brieven/socialreturn/wonen-plus.docx"}
    na = stand(map_)
    for pad, (inode, _) in voor.items():
        veranderd = stam(pad) + ".docx" in gemaakt or pad == "manifest.json"
        assert (na[pad][0] != inode) == veranderd, pad  # untouched files keep their inode
    # The contact person is neither the addressee of a letter (that is the directie, unless
    # the aanbieder's `brief` says otherwise) nor the contract's signatory.
    assert "Nieuwe Contactpersoon" not in (map_ / "brieven/socialreturn/wonen-plus.md").read_text()
    assert "Nieuwe Contactpersoon" not in (map_ / "overeenkomsten/wonen-plus.md").read_text()


def test_een_gewijzigde_omzet_maakt_het_overzicht_opnieuw_als_een_volledige_run(
        regios, assen_gegenereerd, tmp_path):
    """What the overview shows of an aanbieder changed: it is made again, with the same bytes
    as a run into an empty folder; what it does not show (a contact) left it as it was."""
    uitvoer = assen_gegenereerd
    pad = regios / "assen/aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("jaaromzet: 612400.00") == 1
    pad.write_text(tekst.replace("jaaromzet: 612400.00", "jaaromzet: 712400.00"),
                   encoding="utf-8")
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert {"socialreturn-overzicht.docx", "socialreturn-overzicht.xlsx",
            "socialreturn-overzicht.csv"} <= set(resultaat.geschreven)
    vers = tmp_path / "vers"
    genereer(laad_regio(regios, "assen"), uitvoer=vers, datum=DATUM)
    for naam in ("docx", "md", "xlsx", "csv", "machine.csv"):
        bestand = f"assen/2025/socialreturn-overzicht.{naam}"
        assert (uitvoer / bestand).read_bytes() == (vers / bestand).read_bytes(), naam


def test_de_csv_voor_scripts_hoort_bij_zijn_overzicht(regios, assen_gegenereerd):
    """`x.machine.csv` is a format of document `x`: kept when `x` is unchanged, made again
    when it is missing, never removed as a document the run no longer makes."""
    uitvoer = assen_gegenereerd
    machine = uitvoer / "assen/2025/socialreturn-overzicht.machine.csv"
    assert stam("socialreturn-overzicht.machine.csv") == "socialreturn-overzicht"
    inhoud = machine.read_bytes()
    volledig = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)  # a whole run
    assert volledig.geschreven == [] and machine.read_bytes() == inhoud
    machine.unlink()
    opnieuw = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert "socialreturn-overzicht.machine.csv" in opnieuw.geschreven
    assert machine.read_bytes() == inhoud


def test_andere_briefdatum_maakt_alleen_brieven_opnieuw(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer,
                         datum=DATUM.replace(day=24))
    soorten = {p.split("/")[1] for p in resultaat.geschreven if p.startswith("brieven/")}
    assert soorten == {"socialreturn"}
    # Nothing else: no overeenkomst, no programma van eisen, no overzicht.
    assert {p for p in resultaat.geschreven if not p.startswith("brieven/")} <= {"manifest.json"}


def test_verdwenen_aanbieder_verdwijnt_uit_de_uitvoer(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    van_hem = {p.relative_to(map_).as_posix() for p in map_.rglob("wonen-plus.*")}
    assert {"overeenkomsten/wonen-plus.docx", "brieven/socialreturn/wonen-plus.docx"} <= van_hem
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"].pop(2))
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert list(map_.rglob("wonen-plus.*")) == []
    assert "wonen-plus" not in {d.aanbieder for d in resultaat.manifest.documenten}
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").is_file()  # the others stay


def test_smalle_run_per_soort_ruimt_verdwenen_aanbieders_op(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    assert (uitvoer / "assen/2025/brieven/socialreturn/wonen-plus.docx").exists()
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"].pop(2))
    uit = voer_uit("--regios", str(regios), "socialreturn", "assen", "--uitvoer", str(uitvoer),
                   "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    map_ = uitvoer / "assen/2025"
    assert not (map_ / "brieven/socialreturn/wonen-plus.docx").exists()
    assert (map_ / "overeenkomsten/wonen-plus.docx").exists()  # other kinds are left alone


def test_voortgang_telt_de_documenten_die_de_run_maakt(regios, assen_gegenereerd):
    """`voortgang` hears (klaar, totaal): the total is what this run makes, not a guess."""
    uitvoer = assen_gegenereerd
    gemeld: list[tuple[int, int]] = []
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM,
             voortgang=lambda klaar, totaal: gemeld.append((klaar, totaal)))
    assert gemeld == []  # nothing to make, nothing to report
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d["aanbieders"][0].update(naam=d["aanbieders"][0]["naam"] + " BV"))
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM,
                         voortgang=lambda klaar, totaal: gemeld.append((klaar, totaal)))
    totaal = sum(p.endswith(".docx") for p in resultaat.geschreven)
    assert totaal > 0 and gemeld == [(i, totaal) for i in range(totaal + 1)]
