"""`contracten vergelijk OUD NIEUW`: what changed between two generated output folders.

Through their manifests: documents added, removed, changed, unchanged (sha256); for each changed
Word document the changes per article at word level, a review report (HTML and Markdown) and a
redline .docx with real Word revisions.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from contracten.fouten import ContractenFout
from contracten.uitvoer import manifest
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.manifest import Document as ManifestDocument
from contracten.uitvoer.manifest import Invoer, Manifest
from contracten.uitvoer.map import Uitvoermap, sha256, veilig_pad
from contracten.weergave.htmlversie import CSP
from contracten.weergave.redline import Wijziging
from contracten.weergave.redline import vergelijk as vergelijk_docx


@dataclass
class Document:
    pad: str
    status: str  # "toegevoegd", "verwijderd", "gewijzigd", "ongewijzigd"
    wijzigingen: list[Wijziging] = field(default_factory=list)
    herkomst: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Vergelijking:
    oud: Path
    nieuw: Path
    documenten: list[Document]
    map: Path | None = None

    @property
    def gewijzigd(self) -> bool:
        return any(d.status != "ongewijzigd" for d in self.documenten)


def _manifest(map_: Path) -> Manifest:
    gelezen = manifest.lees(map_)
    if gelezen is None:
        raise ContractenFout(f"{map_} is geen uitvoermap van contracten: manifest.json "
                             "ontbreekt.")
    return gelezen


def vergelijk(oud: Path | str, nieuw: Path | str, *, datum: dt.date,
              uitvoer: Path | str | None = None) -> Vergelijking:
    """Compare two output folders; write the report and the redlines (dated `datum`) to
    `uitvoer` (default: beside `nieuw`, named vergelijking-OUD-NIEUW)."""
    oud, nieuw = Path(oud), Path(nieuw)
    oud_manifest, nieuw_manifest = _manifest(oud), _manifest(nieuw)
    oude = {veilig_pad(d.pad): asdict(d) for d in oud_manifest.documenten}
    nieuwe = {veilig_pad(d.pad): asdict(d) for d in nieuw_manifest.documenten}
    nieuw_docs = {d.pad: d for d in nieuw_manifest.documenten}
    tijdstip = dt.datetime.combine(datum, dt.time())
    documenten: list[Document] = []
    redlines: list[tuple[str, str | None, bytes]] = []
    for pad in sorted(oude.keys() | nieuwe.keys()):
        if pad not in nieuwe:
            documenten.append(Document(pad, "verwijderd"))
        elif pad not in oude:
            documenten.append(Document(pad, "toegevoegd"))
        elif oude[pad]["sha256"] == nieuwe[pad]["sha256"]:
            documenten.append(Document(pad, "ongewijzigd"))
        else:
            document = Document(pad, "gewijzigd", herkomst=[
                asdict(h) for h in nieuw_manifest.herkomst_van(nieuw_docs[pad])])
            if pad.endswith(".docx"):
                redline, document.wijzigingen = vergelijk_docx(
                    (oud / pad).read_bytes(), (nieuw / pad).read_bytes(), tijdstip)
                if not document.wijzigingen:
                    # Only the version stamp in header or footer differs: nothing to review.
                    document.status = "ongewijzigd"
                    documenten.append(document)
                    continue
                redlines.append((f"redlines/{pad}", nieuwe[pad].get("aanbieder"), redline))
            documenten.append(document)
    uitkomst = Vergelijking(oud, nieuw, documenten)
    doel = Path(uitvoer) if uitvoer else Indeling.vergelijking(oud, nieuw)
    bestanden = [*(("redline", "docx", pad, aanbieder, inhoud)
                   for pad, aanbieder, inhoud in redlines),
                 ("rapport", "html", "rapport.html", None, html_rapport(uitkomst).encode()),
                 ("rapport", "md", "rapport.md", None, markdown_rapport(uitkomst).encode())]
    invoer = [Invoer(pad=(map_ / manifest.BESTAND).as_posix(),
                     sha256=sha256((map_ / manifest.BESTAND).read_bytes()))
              for map_ in (oud, nieuw)]
    with Uitvoermap(doel) as map_:
        vorig = manifest.lees(doel)
        if vorig is not None and vorig.opdracht != "vergelijk":
            raise ContractenFout(f"{doel} is een uitvoermap van '{vorig.opdracht}', geen "
                                 "vergelijking; kies een andere map.")
        if vorig is None and doel.is_dir() and any(doel.iterdir()):
            raise ContractenFout(f"{doel} bestaat al en is niet leeg; kies een nieuwe map.")
        docs = [ManifestDocument(soort=soort, formaat=formaat, pad=pad, aanbieder=aanbieder,
                                 sha256=map_.schrijf(pad, inhoud), versie=versie)
                for soort, formaat, pad, aanbieder, inhoud in bestanden
                for versie in [f"{oud.name}-{nieuw.name}"]]
        map_.voltooi(Manifest(opdracht="vergelijk", regio=nieuw_manifest.regio,
                              prijspeil=nieuw_manifest.prijspeil,
                              versie=f"{oud.name}-{nieuw.name}", datum=datum.isoformat(),
                              invoer=invoer, documenten=docs),
                     [d.pad for d in (vorig.documenten if vorig else [])])
    uitkomst.map = doel
    return uitkomst


def _groepen(document: Document) -> dict[str, list[Wijziging]]:
    groepen: dict[str, list[Wijziging]] = {}
    for wijziging in document.wijzigingen:
        groepen.setdefault(wijziging.artikel, []).append(wijziging)
    return groepen


def _telling(v: Vergelijking) -> str:
    tel = {s: sum(d.status == s for d in v.documenten)
           for s in ("gewijzigd", "toegevoegd", "verwijderd", "ongewijzigd")}
    return ", ".join(f"{n} {s}" for s, n in tel.items())


def _herkomst(v: Vergelijking) -> list[tuple[str, dict[str, Any]]]:
    """Provenance of the articles that changed (only those, to keep the appendix short)."""
    uit = []
    for d in v.documenten:
        gewijzigd = {w.artikel for w in d.wijzigingen}
        uit += [(d.pad, a) for a in d.herkomst if a["kop"] in gewijzigd]
    return uit


def markdown_rapport(v: Vergelijking) -> str:
    regels = [f"# Vergelijking {v.oud.name} → {v.nieuw.name}", "",
              f"Oud: `{v.oud}`  ", f"Nieuw: `{v.nieuw}`", "", _telling(v), ""]
    if not v.gewijzigd:
        return "\n".join([*regels, "Geen wijzigingen.", ""])
    regels.append("Verwijderde tekst staat tussen `[-` en `-]`, nieuwe tekst tussen `{+` en `+}`.")
    overige = [d for d in v.documenten if d.status != "ongewijzigd" and not d.pad.endswith(".docx")]
    for d in v.documenten:
        if d.status == "ongewijzigd" or d in overige:
            continue
        regels += ["", f"## {d.pad} ({d.status})"]
        for artikel, wijzigingen in _groepen(d).items():
            regels += ["", f"### {artikel or '(hele document)'}", ""]
            for w in wijzigingen:
                tekst = "".join(deel.tekst if deel.soort == "gelijk" else
                                f"[-{deel.tekst}-]" if deel.soort == "weg" else
                                f"{{+{deel.tekst}+}}" for deel in w.delen)
                regels.append(f"- {tekst}")
    if overige:
        regels += ["", "## Overige bestanden", ""]
        regels += [f"- {d.pad} ({d.status})" for d in overige]
    herkomst = _herkomst(v)
    if herkomst:
        regels += ["", "## Bijlage: herkomst van de gewijzigde artikelen", ""]
        regels += [f"- {pad} · {a['kop'] or '(hele document)'} — {a['sjabloon']}; "
                   f"{'; '.join(a['velden'])}" for pad, a in herkomst]
    return "\n".join(regels) + "\n"


def html_rapport(v: Vergelijking) -> str:
    e = html.escape
    delen = [f"<h1>Vergelijking {e(v.oud.name)} → {e(v.nieuw.name)}</h1>",
             f"<p>Oud: <code>{e(str(v.oud))}</code><br>Nieuw: <code>{e(str(v.nieuw))}</code></p>",
             f"<p>{e(_telling(v))}</p>"]
    if not v.gewijzigd:
        delen.append("<p><strong>Geen wijzigingen.</strong></p>")
    overige = [d for d in v.documenten if d.status != "ongewijzigd" and not d.pad.endswith(".docx")]
    for d in v.documenten:
        if d.status == "ongewijzigd" or d in overige:
            continue
        delen.append(f"<h2>{e(d.pad)} <small>({e(d.status)})</small></h2>")
        for artikel, wijzigingen in _groepen(d).items():
            delen.append(f"<h3>{e(artikel or '(hele document)')}</h3><ul>")
            for w in wijzigingen:
                tekst = "".join(e(deel.tekst) if deel.soort == "gelijk" else
                                f"<del>{e(deel.tekst)}</del>" if deel.soort == "weg" else
                                f"<ins>{e(deel.tekst)}</ins>" for deel in w.delen)
                delen.append(f"<li>{tekst}</li>")
            delen.append("</ul>")
    if overige:
        delen.append("<h2>Overige bestanden</h2><ul>")
        delen += [f"<li>{e(d.pad)} ({e(d.status)})</li>" for d in overige]
        delen.append("</ul>")
    herkomst = _herkomst(v)
    if herkomst:
        delen.append("<h2>Bijlage: herkomst van de gewijzigde artikelen</h2><ul>")
        delen += [f"<li>{e(pad)} · {e(a['kop'] or '(hele document)')} — {e(a['sjabloon'])}; "
                  f"{e('; '.join(a['velden']))}</li>" for pad, a in herkomst]
        delen.append("</ul>")
    stijl = ("body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
             "del{color:#b00;text-decoration:line-through}ins{color:#060;text-decoration:"
             "underline;background:#efe}li{margin:.4em 0}small{color:#666}")
    return ("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"{CSP}\n"
            f"<title>Vergelijking {e(v.oud.name)} → {e(v.nieuw.name)}</title>\n"
            f"<style>{stijl}</style>\n</head>\n<body>\n" + "\n".join(delen) +
            "\n</body>\n</html>\n")
