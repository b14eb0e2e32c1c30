"""An output folder: written into a sibling temp folder and swapped in, never half-written;
unchanged files are hard-linked from the previous run; manifest.json lists every file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contracten.fouten import ContractenFout, os_reden
from contracten.privacy import versiecode
from contracten.uitvoer import definitief


@dataclass(frozen=True)
class Bestand:
    soort: str
    formaat: str
    pad: str  # relative to the output folder
    aanbieder: str | None
    inhoud: bytes
    invoerhash: str | None = None  # what it was made from; equal hash, equal file
    bron: Path | None = None  # an unchanged file of the previous run, linked instead of written
    sha: str | None = None
    naast_definitief: str | None = None  # a new version written beside a finalised document


@dataclass(frozen=True)
class Resultaat:
    map: Path
    manifest: dict[str, Any]
    geschreven: list[str]  # paths (relative to `map`) made by this run; unchanged ones excluded
    naast_definitief: list[str] = field(default_factory=list)  # new versions beside final ones


def veilig_pad(pad: str) -> str:
    """A path from a manifest or a document kind: relative, and never out of its folder."""
    delen = Path(pad).parts
    if not pad or Path(pad).is_absolute() or ".." in delen or "\\" in pad:
        raise ContractenFout(f"Ongeldig pad in de uitvoer: '{pad}'.")
    return pad


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def schrijf(doel: Path, bestanden: list[Bestand], volledig: bool, pdf: bool,
             kop: dict[str, Any], artikelen: dict[str, list[dict[str, Any]]] | None = None,
             opruimen: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Write into a sibling temp folder, then swap it in: never a half-written output folder.

    A run that keeps the rest of the folder (not `volledig`) still drops the old documents of
    the kinds in `opruimen` that it no longer makes (a removed aanbieder's letter), except
    finalised ones."""
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
            # Hard links: the files of the previous run stay where they are, untouched.
            shutil.copytree(doel, tijdelijk, copy_function=os.link, dirs_exist_ok=True)
            manifest = tijdelijk / "manifest.json"
            if manifest.is_file():
                oud = json.loads(manifest.read_text(encoding="utf-8")).get("documenten", [])
                manifest.unlink()
            nieuw_pad = {b.pad for b in bestanden}
            getekend = definitief.lees(doel)
            weg = [d for d in oud if d["soort"] in opruimen and d["pad"] not in nieuw_pad
                   and d["pad"].rsplit(".", 1)[0] + ".docx" not in getekend]
            for d in weg:
                (tijdelijk / veilig_pad(d["pad"])).unlink(missing_ok=True)
            oud = [d for d in oud if d not in weg]
        register = doel / definitief.BESTAND
        if register.is_file() and not (tijdelijk / definitief.BESTAND).exists():
            os.link(register, tijdelijk / definitief.BESTAND)  # the register always stays
        for bestand in bestanden:
            pad = tijdelijk / veilig_pad(bestand.pad)
            pad.parent.mkdir(parents=True, exist_ok=True)
            if bestand.bron is not None:
                if not pad.exists():
                    os.link(bestand.bron, pad)
                continue
            pad.unlink(missing_ok=True)  # never write through a link into the previous run
            pad.write_bytes(bestand.inhoud)
        documenten = [{"soort": b.soort, "formaat": b.formaat, "pad": b.pad,
                       "sha256": b.sha or sha256(b.inhoud), "aanbieder": b.aanbieder,
                       "versie": versiecode(b.invoerhash) if b.invoerhash else kop["versie"],
                       **({"invoerhash": b.invoerhash} if b.invoerhash else {}),
                       **({"naast_definitief": b.naast_definitief} if b.naast_definitief
                          else {})}
                      for b in bestanden]
        register = definitief.lees(doel) if doel.is_dir() else {}
        for document in documenten:
            if document["pad"] in register:
                document["definitief"] = register[document["pad"]]["datum"]
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
    from contracten.weergave.pdf import naar_pdf

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
