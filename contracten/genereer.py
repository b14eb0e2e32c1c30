"""Generate a region's document set: render everything in memory, then write it atomically.

Output: <uitvoer>/<regio>/<prijspeil>/ with manifest.json, programma-van-eisen.docx (+ .md) and
overeenkomsten/<aanbieder-id>.docx (+ .md). A failed run leaves the previous output untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from docx import Document

from .aanbieders import Aanbieder
from .fouten import ContractenFout, InvoerFout, Melding, os_reden
from .laden import laad_regio
from .pdf import naar_pdf
from .profiel import Profiel
from .render import render
from .soorten import SOORTEN, Uitvoering, sjablonenmap
from .tekstversie import naar_html, naar_markdown


@dataclass(frozen=True)
class Bestand:
    soort: str
    formaat: str
    pad: str  # relative to the output folder
    aanbieder: str | None
    inhoud: bytes


@dataclass(frozen=True)
class Resultaat:
    map: Path
    manifest: dict[str, Any]
    geschreven: list[str]  # paths (relative to `map`) written by this run


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def genereer(regios: Path, regio: str, *, prijspeil: int | None = None,
             soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
             formaten: Sequence[str] = (), uitvoer: Path = Path("output"),
             sjablonen: Path | None = None, datum: dt.date | None = None) -> Resultaat:
    """Generate and write the documents. Raises ContractenFout, and writes nothing then."""
    profiel = laad_regio(regios, regio)
    sjablonen = sjablonenmap(sjablonen)
    jaar, gekozen_soorten, gekozen_aanbieders = _keuzes(profiel, prijspeil, soorten, aanbieders)
    extra = [f for f in dict.fromkeys(formaten) if f not in ("docx", "md")]

    invoer = _invoer(regios, profiel, sjablonen)
    # The date letters carry is an input too: it is part of the version stamp.
    briefdatum = datum or dt.date.today()
    versie = sha256(("".join(i["sha256"] for i in invoer) + briefdatum.isoformat())
                    .encode())[:10]
    uitvoering = Uitvoering(versie, briefdatum)
    tijdstip = dt.datetime.combine(profiel.prijspeilen[jaar].ingangsdatum, dt.time())

    bestanden: list[Bestand] = []
    artikelen: dict[str, list[dict[str, Any]]] = {}
    for naam in gekozen_soorten:
        soort = SOORTEN[naam]
        for aanbieder in (gekozen_aanbieders if soort.per_aanbieder else [None]):
            context = soort.context(profiel, jaar, aanbieder, uitvoering)
            docx = render(sjablonen / soort.sjabloon, context,
                          titel=soort.titel(profiel, aanbieder), tijdstip=tijdstip)
            pad, id_ = soort.pad(aanbieder), aanbieder.id if aanbieder else None
            artikelen[f"{pad}.docx"] = herkomst_per_kop(
                docx, f"sjablonen/{soort.sjabloon}", soort.herkomst(profiel, aanbieder, jaar))
            md = naar_markdown(docx)
            bestanden.append(Bestand(naam, "docx", f"{pad}.docx", id_, docx))
            bestanden.append(Bestand(naam, "md", f"{pad}.md", id_, md.encode("utf-8")))
            if "html" in extra:
                html = naar_html(md, soort.titel(profiel, aanbieder))
                bestanden.append(Bestand(naam, "html", f"{pad}.html", id_, html.encode("utf-8")))
            if soort.extra is not None:
                bestanden += [Bestand(naam, formaat, f"{pad}.{formaat}", id_, inhoud)
                              for formaat, inhoud in soort.extra(profiel, jaar)]

    doel = uitvoer / profiel.sleutel / str(jaar)
    volledig = not soorten and not aanbieders
    manifest = schrijf(doel, bestanden, volledig, "pdf" in extra, artikelen=artikelen, kop={
        "regio": profiel.sleutel,
        "prijspeil": jaar,
        "versie": versie,
        "datum": briefdatum.isoformat(),
        "generator": f"contracten {version('contracten')}",
        "invoer": invoer,
    })
    return Resultaat(doel, manifest, [b.pad for b in bestanden])


def herkomst_per_kop(docx: bytes, sjabloon: str, bronnen: dict[str, list[str]]
                     ) -> list[dict[str, Any]]:
    """For every article (heading) of a generated document: its template and profile fields."""
    koppen = [p.text for p in Document(io.BytesIO(docx)).paragraphs
              if p.style is not None and p.style.name in ("Heading 1", "Heading 2")]
    if "*" in bronnen:
        koppen = koppen or [""]
    uit = []
    for kop in koppen:
        titel = re.sub(r"^Artikel \d+ ", "", kop)
        velden = bronnen.get(titel) or bronnen.get("*") or ["(tekst uit het sjabloon)"]
        uit.append({"kop": kop, "sjabloon": sjabloon, "velden": velden})
    return uit


def _keuzes(profiel: Profiel, prijspeil: int | None, soorten: Sequence[str],
            aanbieders: Sequence[str]) -> tuple[int, list[str], list[Aanbieder]]:
    meldingen = []
    jaar = prijspeil if prijspeil is not None else profiel.laatste_prijspeil()
    if jaar not in profiel.prijspeilen:
        bekend = ", ".join(str(j) for j in profiel.prijspeilen)
        meldingen.append(Melding("--prijspeil", None, "", f"{jaar} bestaat niet voor "
                                 f"{profiel.sleutel} (wel: {bekend})", "prijspeil_onbekend"))
    for soort in soorten:
        if soort not in SOORTEN:
            meldingen.append(Melding("--document", None, "", f"onbekende documentsoort '{soort}'"
                                     f" (wel: {', '.join(SOORTEN)})", "soort_onbekend"))
    ids = {a.id: a for a in profiel.aanbieders}
    for id_ in aanbieders:
        if id_ not in ids:
            meldingen.append(Melding("--aanbieder", None, "", f"onbekende aanbieder '{id_}' in "
                                     f"{profiel.sleutel}", "aanbieder_onbekend"))
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    gekozen = list(dict.fromkeys(soorten)) or [
        naam for naam, soort in SOORTEN.items() if soort.beschikbaar(profiel, jaar)]
    for naam in gekozen:
        if not SOORTEN[naam].beschikbaar(profiel, jaar):
            meldingen.append(Melding("--document", None, "", f"'{naam}' bestaat niet voor "
                                     f"prijspeil {jaar}", "soort_niet_beschikbaar"))
    if aanbieders and not any(SOORTEN[s].per_aanbieder for s in gekozen if s in SOORTEN):
        meldingen.append(Melding("--aanbieder", None, "", "geldt alleen voor documenten per "
                                 "aanbieder, zoals 'overeenkomst'", "aanbieder_zonder_soort"))
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    if aanbieders and not soorten:
        gekozen = [s for s in gekozen if SOORTEN[s].per_aanbieder]
    lijst = [ids[i] for i in dict.fromkeys(aanbieders)] or profiel.aanbieders
    _controleer_bedragen(profiel, jaar, lijst)
    return jaar, gekozen, lijst


def _controleer_bedragen(profiel: Profiel, jaar: int, aanbieders: list[Aanbieder]) -> None:
    """A contract never shows a blank where a price belongs: refuse an incomplete prijspeil."""
    peil = profiel.prijspeilen[jaar]
    bestand = f"{profiel.sleutel}/tarieven/{jaar}.yaml"
    ontbreekt = sorted({s for a in aanbieders for s in a.producten if peil.van_product(s) is None})
    meldingen = [Melding(bestand, None, "bedragen", f"geen bedrag voor '{s}' in prijspeil {jaar}",
                         "bedrag_ontbreekt") for s in ontbreekt]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and peil.bedrag(afwezigheid.bedrag) is None:
        meldingen.append(Melding(bestand, None, "bedragen", f"geen bedrag '{afwezigheid.bedrag}' "
                                 f"(afwezigheid) in prijspeil {jaar}", "bedrag_ontbreekt"))
    if meldingen:
        raise InvoerFout(meldingen, f"Prijspeil {jaar} is niet compleet voor deze documenten")


def _invoer(regios: Path, profiel: Profiel, sjablonen: Path) -> list[dict[str, str]]:
    invoer = [{"pad": pad.relative_to(regios).as_posix(), "sha256": sha256(pad.read_bytes())}
              for pad in profiel.bestanden]
    for naam in sorted({soort.sjabloon for soort in SOORTEN.values()}):
        pad = sjablonen / naam
        if not pad.is_file():
            raise ContractenFout(f"Sjabloon {pad} ontbreekt.")
        invoer.append({"pad": f"sjablonen/{naam}", "sha256": sha256(pad.read_bytes())})
    return invoer


def schrijf(doel: Path, bestanden: list[Bestand], volledig: bool, pdf: bool,
             kop: dict[str, Any], artikelen: dict[str, list[dict[str, Any]]] | None = None
             ) -> dict[str, Any]:
    """Write into a sibling temp folder, then swap it in: never a half-written output folder."""
    nieuwe_mappen = [p for p in (doel.parent, doel.parent.parent) if not p.exists()]
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}-nieuw-", dir=doel.parent))
    except OSError as exc:
        raise ContractenFout(f"Kan de uitvoermap {doel} niet maken: {os_reden(exc)}.") from exc
    os.chmod(tijdelijk, 0o755)  # mkdtemp makes it private; the output folder is not
    try:
        oud: list[dict[str, Any]] = []
        if doel.is_dir() and not volledig:
            shutil.copytree(doel, tijdelijk, dirs_exist_ok=True)
            manifest = tijdelijk / "manifest.json"
            if manifest.is_file():
                oud = json.loads(manifest.read_text(encoding="utf-8")).get("documenten", [])
        for bestand in bestanden:
            pad = tijdelijk / bestand.pad
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(bestand.inhoud)
        documenten = [{"soort": b.soort, "formaat": b.formaat, "pad": b.pad,
                       "sha256": sha256(b.inhoud), "aanbieder": b.aanbieder,
                       "versie": kop["versie"]} for b in bestanden]
        for document in documenten:
            if artikelen and document["pad"] in artikelen:
                document["artikelen"] = artikelen[document["pad"]]
        if pdf:
            documenten += _pdf(tijdelijk, [b for b in bestanden if b.formaat == "docx"],
                               kop["versie"])
        nieuw = {d["pad"] for d in documenten}
        documenten = [d for d in oud if d["pad"] not in nieuw] + documenten
        documenten.sort(key=lambda d: d["pad"])
        manifest = {**kop, "documenten": documenten}
        (tijdelijk / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _wissel(tijdelijk, doel)
    except BaseException as exc:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        for map_ in nieuwe_mappen:  # leave no empty output/<regio>/ behind
            if map_.is_dir() and not any(map_.iterdir()):
                map_.rmdir()
        if isinstance(exc, OSError):
            raise ContractenFout(f"Kan niet schrijven in {doel}: {os_reden(exc)}. De vorige "
                                 "uitvoer is ongewijzigd.") from exc
        raise
    return manifest


def _wissel(nieuw: Path, doel: Path) -> None:
    if not doel.exists():
        os.replace(nieuw, doel)
        return
    # Two renames: if the second fails the first is undone; the old output is only deleted
    # once the new one is in place.
    weg = Path(tempfile.mkdtemp(prefix=f".{doel.name}-oud-", dir=doel.parent))
    os.replace(doel, weg / doel.name)
    try:
        os.replace(nieuw, doel)
    except BaseException:
        os.replace(weg / doel.name, doel)
        weg.rmdir()
        raise
    shutil.rmtree(weg, ignore_errors=True)


def _pdf(map_: Path, docx: list[Bestand], versie: str) -> list[dict[str, Any]]:
    documenten = []
    for submap in sorted({Path(b.pad).parent for b in docx}):
        in_map = [b for b in docx if Path(b.pad).parent == submap]
        naar_pdf([map_ / b.pad for b in in_map], map_ / submap)
        for b in in_map:
            pad = Path(b.pad).with_suffix(".pdf")
            documenten.append({"soort": b.soort, "formaat": "pdf", "pad": pad.as_posix(),
                               "sha256": sha256((map_ / pad).read_bytes()),
                               "aanbieder": b.aanbieder, "versie": versie})
    return documenten
