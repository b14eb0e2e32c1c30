"""Generate a region's document set: decide what must be made (only what changed), make it
(in parallel for big runs), and hand it to uitvoermap to write atomically.

Output: <uitvoer>/<regio>/<prijspeil>/ with manifest.json, programma-van-eisen.docx (+ .md),
overeenkomsten/<aanbieder-id>.docx (+ .md) and the letters. A failed run leaves the previous
output untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from contracten.fouten import ContractenFout, InvoerFout, Melding
from contracten.privacy import versiecode
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.laden import laad_regio
from contracten.profiel.model import Profiel
from contracten.soorten.register import SOORTEN, Uitvoering, sjablonenmap
from contracten.uitvoer import definitief
from contracten.uitvoer.map import Bestand, Resultaat, schrijf, sha256
from contracten.weergave.tekstversie import koppen, markdown_van, naar_html


@dataclass(frozen=True)
class Taak:
    """One document to make: its kind, its aanbieder (if any) and what it is made from."""

    soort: str
    aanbieder: str | None
    pad: str  # without extension
    invoerhash: str


@cache
def _codehash() -> str:
    """The toolkit's own code is an input too: a new version regenerates everything."""
    bronnen = sorted(Path(__file__).parent.parent.rglob("*.py"))
    return sha256(b"".join(p.read_bytes() for p in bronnen))[:16]


def genereer(regios: Path, regio: str, *, prijspeil: int | None = None,
             soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
             formaten: Sequence[str] = (), uitvoer: Path = Path("output"),
             sjablonen: Path | None = None, datum: dt.date | None = None,
             voortgang: Callable[[int], None] | None = None,
             processen: int | None = None) -> Resultaat:
    """Generate and write the documents. Raises ContractenFout, and writes nothing then.

    Only documents whose inputs changed since the previous run are made again; the rest are
    kept as they are. `voortgang` is called with the number of documents made so far."""
    profiel = laad_regio(regios, regio)
    sjablonen = sjablonenmap(sjablonen)
    jaar, gekozen_soorten, gekozen_aanbieders = _keuzes(profiel, prijspeil, soorten, aanbieders)
    extra = tuple(f for f in dict.fromkeys(formaten) if f not in ("docx", "md"))
    briefdatum = datum or dt.date.today()
    invoer = _invoer(regios, profiel, sjablonen)
    versie = versiecode(sha256(("".join(i["sha256"] for i in invoer) + briefdatum.isoformat()
                                + _codehash()).encode()))
    doel = uitvoer / profiel.sleutel / str(jaar)
    vorig = _vorig_manifest(doel)

    kop = {
        "regio": profiel.sleutel,
        "prijspeil": jaar,
        "versie": versie,
        "datum": briefdatum.isoformat(),
        "generator": f"contracten {version('contracten')}",
        "invoer": invoer,
    }
    taken = _taken(profiel, jaar, gekozen_soorten, gekozen_aanbieders, invoer, briefdatum, extra)
    hergebruikt, te_maken = _hergebruik(taken, vorig, doel, extra)
    volledig = not soorten and not aanbieders
    if (vorig is not None and not te_maken and "pdf" not in extra
            and all(vorig.get(k) == v for k, v in kop.items())
            and (not volledig or {d["pad"] for d in vorig["documenten"]}
                 == {b.pad for b in hergebruikt})):
        return Resultaat(doel, vorig, [])  # nothing changed: nothing is written

    gemaakt = _maak_alle(profiel, jaar, sjablonen, briefdatum, extra, te_maken, voortgang,
                         processen)
    bestanden = _bescherm_definitief(doel, vorig, hergebruikt + [b for bs in gemaakt
                                                                 for b in bs[0]])
    artikelen = {k: v for _, a in gemaakt for k, v in a.items()}
    artikelen |= {d["pad"]: d["artikelen"] for d in (vorig or {}).get("documenten", [])
                  if "artikelen" in d and d["pad"] in {b.pad for b in hergebruikt}}
    # Chosen kinds for all aanbieders: what they no longer make goes (e.g. a removed aanbieder).
    opruimen = frozenset(gekozen_soorten) if not aanbieders else frozenset()
    manifest = schrijf(doel, bestanden, volledig, "pdf" in extra, artikelen=artikelen, kop=kop,
                       opruimen=opruimen)
    return Resultaat(doel, manifest, [b.pad for b in bestanden if b.bron is None],
                     sorted({b.naast_definitief for b in bestanden if b.naast_definitief}))


def _bescherm_definitief(doel: Path, vorig: dict[str, Any] | None,
                         bestanden: list[Bestand]) -> list[Bestand]:
    """A finalised document is never overwritten: a changed version goes beside it, and the
    finalised files stay exactly as they were, even when the profile no longer makes them."""
    register = definitief.lees(doel)
    if not register:
        return bestanden
    stammen = {pad.removesuffix(".docx") for pad in register}
    oud = [d for d in (vorig or {}).get("documenten", [])
           if d["pad"].rsplit(".", 1)[0] in stammen]
    # A document changed when its new .docx differs from the signed one; then all its formats
    # go beside it, so a .md twin never claims to be the signed text.
    veranderd = {b.pad.rsplit(".", 1)[0] for b in bestanden
                 if b.formaat == "docx" and b.bron is None
                 and b.pad.rsplit(".", 1)[0] in stammen
                 and sha256(b.inhoud) != register[b.pad]["sha256"]}
    uit: list[Bestand] = []
    for b in bestanden:
        stam = b.pad.rsplit(".", 1)[0]
        if stam in veranderd and b.bron is None and not b.naast_definitief:
            b = replace(b, pad=definitief.naast(b.pad, versiecode(b.invoerhash or "0")),
                        naast_definitief=f"{stam}.docx")
        uit.append(b)
    bezet = {b.pad for b in uit}
    bekend = {d["pad"]: d for d in oud}
    for stam in sorted(stammen):  # every finalised file and its twins, read from disk
        for pad in sorted((doel / stam).parent.glob(Path(stam).name + ".*")):
            relatief = pad.relative_to(doel).as_posix()
            if relatief in bezet or ".nieuw-" in pad.name:
                continue
            d = bekend.get(relatief, {})
            uit.append(Bestand(d.get("soort", "definitief"), pad.suffix[1:], relatief,
                               d.get("aanbieder"), b"", d.get("invoerhash"), pad,
                               d.get("sha256") or sha256(pad.read_bytes())))
    return uit


def _taken(profiel: Profiel, jaar: int, soorten: list[str], aanbieders: list[Aanbieder],
           invoer: list[dict[str, str]], briefdatum: dt.date, extra: tuple[str, ...]
           ) -> list[Taak]:
    """Each document with the hash of exactly what it is made from, so that a change to one
    aanbieder remakes only its documents (and those that list all aanbieders)."""
    hashes = {i["pad"]: i["sha256"] for i in invoer}
    gemeen = "".join(h for pad, h in sorted(hashes.items())
                     if not pad.endswith("/aanbieders.yaml") and not pad.startswith("sjablonen/"))
    alle = hashes[f"{profiel.sleutel}/aanbieders.yaml"]
    taken = []
    for naam in soorten:
        soort = SOORTEN[naam]
        for aanbieder in (aanbieders if soort.per_aanbieder else [None]):
            delen = [_codehash(), naam, str(jaar), gemeen, hashes[f"sjablonen/{soort.sjabloon}"],
                     ",".join(extra)]
            if aanbieder is not None:
                delen.append(aanbieder.model_dump_json())
            if soort.alle_aanbieders:
                delen.append(alle)
            if soort.met_datum:
                delen.append(briefdatum.isoformat())
            taken.append(Taak(naam, aanbieder.id if aanbieder else None, soort.pad(aanbieder),
                              sha256("\n".join(delen).encode())))
    return taken


def _vorig_manifest(doel: Path) -> dict[str, Any] | None:
    try:
        return json.loads((doel / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _hergebruik(taken: list[Taak], vorig: dict[str, Any] | None, doel: Path,
                extra: tuple[str, ...]) -> tuple[list[Bestand], list[Taak]]:
    """Split into files that can stay as they are and documents that must be made."""
    oud: dict[str, list[dict[str, Any]]] = {}
    naast: dict[str, list[dict[str, Any]]] = {}  # new versions beside finalised documents
    for d in (vorig or {}).get("documenten", []):
        if d.get("naast_definitief"):
            naast.setdefault(d["naast_definitief"].rsplit(".", 1)[0], []).append(d)
        else:
            oud.setdefault(d["pad"].rsplit(".", 1)[0], []).append(d)
    hergebruikt: list[Bestand] = []
    te_maken: list[Taak] = []
    if "pdf" in extra:  # a pdf is not byte-identical between runs: make everything anew
        return [], list(taken)
    for taak in taken:
        bij = naast.get(taak.pad) or oud.get(taak.pad, [])
        nodig = {"docx", "md", *extra} - {"pdf"}
        if (bij and all(d.get("invoerhash") == taak.invoerhash for d in bij)
                and nodig <= {d["formaat"] for d in bij}
                and all((doel / d["pad"]).is_file() for d in bij)):
            hergebruikt += [Bestand(d["soort"], d["formaat"], d["pad"], d["aanbieder"], b"",
                                    taak.invoerhash, doel / d["pad"], d["sha256"],
                                    d.get("naast_definitief"))
                            for d in bij if d["formaat"] != "pdf"]
        else:
            te_maken.append(taak)
    return hergebruikt, te_maken


# The state of a worker process: set before the pool forks, so every worker shares it.
_WERK: dict[str, Any] = {}


def _maak_alle(profiel: Profiel, jaar: int, sjablonen: Path, briefdatum: dt.date,
               extra: tuple[str, ...], taken: list[Taak],
               voortgang: Callable[[int], None] | None, processen: int | None
               ) -> list[tuple[list[Bestand], dict[str, list[dict[str, Any]]]]]:
    from contracten.weergave.motor import (
        Motoren,  # Word machinery: only loaded when something is to be made
    )

    _WERK.update(profiel=profiel, jaar=jaar, sjablonen=sjablonen, briefdatum=briefdatum,
                 extra=extra, motoren=Motoren(), aanbieders={a.id: a for a in profiel.aanbieders})
    aantal = processen if processen is not None else min(os.cpu_count() or 1, 4)
    resultaten = []
    if aantal > 1 and len(taken) >= 24:
        # Fork: the workers inherit the loaded profile; each prepares its templates once.
        context = multiprocessing.get_context("fork")
        with context.Pool(aantal) as pool:
            for i, uitkomst in enumerate(pool.imap(_maak_veilig, taken, chunksize=8), start=1):
                if isinstance(uitkomst, BaseException):
                    pool.terminate()
                    raise uitkomst
                resultaten.append(uitkomst)
                if voortgang:
                    voortgang(i)
    else:
        for i, taak in enumerate(taken, start=1):
            resultaten.append(_maak(taak))
            if voortgang:
                voortgang(i)
    return resultaten


def _maak_veilig(taak: Taak) -> Any:
    """In a worker: an error comes back as a value, so the pool never stalls on it."""
    try:
        return _maak(taak)
    except ContractenFout as fout:
        return fout
    except Exception as exc:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _maak(taak: Taak) -> tuple[list[Bestand], dict[str, list[dict[str, Any]]]]:
    profiel: Profiel = _WERK["profiel"]
    jaar: int = _WERK["jaar"]
    soort = SOORTEN[taak.soort]
    aanbieder = _WERK["aanbieders"].get(taak.aanbieder) if taak.aanbieder else None
    context = soort.context(profiel, jaar, aanbieder,
                            Uitvoering(versiecode(taak.invoerhash), _WERK["briefdatum"]))
    motor = _WERK["motoren"](_WERK["sjablonen"] / soort.sjabloon, f"sjablonen/{soort.sjabloon}")
    tijdstip = dt.datetime.combine(profiel.prijspeilen[jaar].ingangsdatum, dt.time())
    gerenderd = motor.render(context, titel=soort.titel(profiel, aanbieder), tijdstip=tijdstip)
    md = markdown_van(gerenderd.body, gerenderd.stijlen, gerenderd.links)
    pad, h = taak.pad, taak.invoerhash
    bestanden = [Bestand(taak.soort, "docx", f"{pad}.docx", taak.aanbieder, gerenderd.docx, h),
                 Bestand(taak.soort, "md", f"{pad}.md", taak.aanbieder, md.encode("utf-8"), h)]
    if "html" in _WERK["extra"]:
        html = naar_html(md, soort.titel(profiel, aanbieder))
        bestanden.append(Bestand(taak.soort, "html", f"{pad}.html", taak.aanbieder,
                                 html.encode("utf-8"), h))
    if soort.extra is not None:
        bestanden += [Bestand(taak.soort, formaat, f"{pad}.{formaat}", taak.aanbieder, inhoud, h)
                      for formaat, inhoud in soort.extra(profiel, jaar)]
    artikelen = {f"{pad}.docx": herkomst_per_kop(
        koppen(gerenderd.body, gerenderd.stijlen, ("Heading 1", "Heading 2")),
        f"sjablonen/{soort.sjabloon}", soort.herkomst(profiel, aanbieder, jaar))}
    return bestanden, artikelen


def herkomst_per_kop(koppen: list[str], sjabloon: str, bronnen: dict[str, list[str]]
                     ) -> list[dict[str, Any]]:
    """For every article (heading) of a generated document: its template and profile fields."""
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
