"""Load a region folder into a validated Profiel, collecting every problem in one pass."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from contracten.artikelen.laden import laad_bibliotheek
from contracten.fouten import InvoerFout, Melding, RegioOnbekend
from contracten.lezen.bron import Bron, lees_yaml
from contracten.lezen.gcpauze import zonder_gc
from contracten.lezen.meldingen import uit_validatie, veldpad
from contracten.lezen.velden import pagina_van, uitleg, veld_op
from contracten.profiel.aanbieders import Aanbieders
from contracten.profiel.brieven import Brieven
from contracten.profiel.inhoud import Inhoud, Programma
from contracten.profiel.model import Profiel, RegioGegevens
from contracten.profiel.namen import botsing, botsingen, naamprobleem
from contracten.profiel.onderdelen import Onderdelen
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.regiomappen import vind_regios as vind_regios  # imported from here too
from contracten.profiel.standaardversie import tegen_de_versie
from contracten.profiel.tarieven import Prijspeil
from contracten.profiel.validatie import Probleem, controleer
from contracten.profiel.waarschuwingen import waarschuwingen
from contracten.profiel.wissel import herstel_bij_laden

BESTANDEN: dict[str, type[BaseModel]] = {
    "regio.yaml": RegioGegevens,
    "inhoud.yaml": Inhoud,
    "programma.yaml": Programma,
    "aanbieders.yaml": Aanbieders,
}
TARIEVEN = "tarieven"
OVEREENKOMST = "overeenkomst.yaml"  # optional: a region without it gets no overeenkomst yet
BRIEVEN = "brieven.yaml"  # optional: the letters' house style
# The model of each file by its page in the documentation site (every tarieven/<jaar>.yaml one).
MODELLEN: dict[str, type[BaseModel]] = {
    **{pagina_van(b): m for b, m in BESTANDEN.items()}, TARIEVEN: Prijspeil,
    pagina_van(OVEREENKOMST): OvereenkomstKeuzes, pagina_van(BRIEVEN): Brieven}


def regio_map(regios: Path, naam: str) -> Path:
    # Only a plain folder name: a name with a path in it must not reach outside `regios`.
    bekend = vind_regios(regios)
    if naam not in bekend:
        raise RegioOnbekend(naam, str(regios), bekend)
    if (regios / naam).is_symlink():
        raise InvoerFout([Melding(naam, None, "", "de regiomap is een symbolische koppeling; "
                                  "gebruik de map zelf", "koppeling")], "Ongeldige regio")
    probleem = naamprobleem(naam)  # the name of its output folder and in the register too
    meldingen = [Melding(naam, None, "", f"regiomap {probleem[0]}", probleem[1])] \
        if probleem else []
    meldingen += [Melding(naam, None, "", f"regiomap {botsing(naam, ander)}", "naam_botsing")
                  for ander in botsingen(naam, bekend)]
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige regio")
    return regios / naam


def laad_regio(pad: Path | str, naam: str | None = None, *,
               artikelen: Path | None = None) -> Profiel:
    """Read and validate a region folder: `laad_regio("regios/assen")`, or the folder `naam` in
    `pad` (`laad_regio("regios", "assen")`), with the article library of `artikelen` (default
    ./artikelen, else the package's). Raises InvoerFout with all problems found."""
    with zonder_gc():  # it makes many objects and hardly a cycle: lezen/gcpauze.py
        return _laad_regio(pad, naam, artikelen=artikelen)


def _laad_regio(pad: Path | str, naam: str | None, *, artikelen: Path | None) -> Profiel:
    regios = Path(pad) if naam is not None else Path(pad).parent
    naam = naam if naam is not None else Path(pad).name
    map_ = regio_map(regios, naam)
    herstel_bij_laden(map_)  # a change a killed process left: finished, or undone
    meldingen: list[Melding] = []
    bronnen: dict[str, Bron] = {}
    modellen: dict[str, Any] = {}

    def lees(pad: Path, model: type[BaseModel]) -> Any:
        weergave = f"{naam}/{pad.relative_to(map_).as_posix()}"
        if pad.is_symlink():  # never follow it: its target's content must not end up anywhere
            meldingen.append(Melding(weergave, None, "", "is een symbolische koppeling; zet het "
                                     "bestand zelf in de regiomap", "koppeling"))
            return None
        bron, problemen = lees_yaml(pad, weergave)
        meldingen.extend(problemen)
        if bron is None:
            return None
        bronnen[pad.relative_to(map_).as_posix()] = bron
        try:
            return model.model_validate(bron.data)
        except ValidationError as exc:
            meldingen.extend(uit_validatie(exc, bron, model=model,
                                           pagina=pagina_van(pad.relative_to(map_).as_posix())))
            return None

    for bestand, model in BESTANDEN.items():
        pad = map_ / bestand
        if not pad.is_file():
            meldingen.append(Melding(f"{naam}/{bestand}", None, "", "bestand ontbreekt",
                                     "bestand_ontbreekt"))
            continue
        modellen[bestand] = lees(pad, model)

    if (map_ / OVEREENKOMST).is_file():
        modellen[OVEREENKOMST] = lees(map_ / OVEREENKOMST, OvereenkomstKeuzes)
    bibliotheek = None
    keuzes = modellen.get(OVEREENKOMST)
    if isinstance(keuzes, OvereenkomstKeuzes):  # an invalid file is reported on its own
        versie = keuzes.csw_versie
        try:
            bibliotheek = laad_bibliotheek(artikelen, versie, bron=f"{naam}/{OVEREENKOMST}")
        except InvoerFout as fout:  # reported with every other problem of the profile
            meldingen.extend(fout.meldingen)
        if bibliotheek is not None:
            meldingen.extend(tegen_de_versie(f"{naam}/{OVEREENKOMST}", keuzes, bibliotheek))
    if (map_ / BRIEVEN).is_file():
        modellen[BRIEVEN] = lees(map_ / BRIEVEN, Brieven)
    logo = _logo(map_, modellen.get(BRIEVEN))
    if isinstance(logo, str):
        bron = bronnen[BRIEVEN]
        meldingen.append(Melding(bron.naam, bron.regel(("afzender", "logo")), "afzender.logo",
                                 logo, "logo_ongeldig"))

    prijspeilen: dict[int, Prijspeil] = {}
    tarieven_compleet = True
    tariefmap = map_ / TARIEVEN
    tariefbestanden = sorted(p for p in tariefmap.iterdir() if p.is_file()) \
        if tariefmap.is_dir() else []
    if not any(p.suffix == ".yaml" for p in tariefbestanden):
        meldingen.append(Melding(f"{naam}/{TARIEVEN}/", None, "",
                                 "geen prijspeil gevonden; verwacht tarieven/<jaar>.yaml",
                                 "prijspeil_ontbreekt"))
        tarieven_compleet = False
    for pad in tariefbestanden:
        relatief = f"{TARIEVEN}/{pad.name}"
        if not re.fullmatch(r"\d{4}\.yaml", pad.name):
            # Also a 2025.yml: silently skipping a year of tariffs would be worse than refusing.
            meldingen.append(Melding(f"{naam}/{relatief}", None, "",
                                     "bestandsnaam moet het jaar zijn, bijv. 2025.yaml",
                                     "prijspeil_bestandsnaam"))
            continue
        prijspeil = lees(pad, Prijspeil)
        if prijspeil is None:
            tarieven_compleet = False
            continue
        if prijspeil.prijspeil != int(pad.stem):
            bron = bronnen[relatief]
            meldingen.append(Melding(bron.naam, bron.regel(("prijspeil",)), "prijspeil",
                                     f"{prijspeil.prijspeil} hoort niet in bestand {pad.name}",
                                     "prijspeil_bestand"))
            tarieven_compleet = False
        prijspeilen[prijspeil.prijspeil] = prijspeil

    # Cross-checks run on every part that loaded, so one pass reports as much as it can.
    onderdelen = Onderdelen(
        regio=modellen.get("regio.yaml"),
        inhoud=modellen.get("inhoud.yaml"),
        programma=modellen.get("programma.yaml"),
        aanbieders=modellen["aanbieders.yaml"].aanbieders if modellen.get("aanbieders.yaml")
        else None,
        prijspeilen=dict(sorted(prijspeilen.items())) if tarieven_compleet else None,
        overeenkomst=modellen.get(OVEREENKOMST),
        bibliotheek=bibliotheek,
    )
    def melding(probleem: Probleem) -> Melding:
        bestand, loc, veld, bericht, code = probleem
        gelezen = bronnen.get(bestand)
        if gelezen is not None:
            veld = veldpad(loc, gelezen.data)
        model = MODELLEN.get(pagina_van(bestand))
        return Melding(f"{naam}/{bestand}", gelezen.regel(loc) if gelezen else None, veld,
                       bericht, code,
                       uitleg(pagina_van(bestand), veld_op(model, loc)[0]) if model else "")

    meldingen += [melding(p) for p in controleer(onderdelen)]
    if meldingen:
        raise InvoerFout(meldingen, f"Regioprofiel '{naam}' is ongeldig")

    return Profiel(
        sleutel=naam,
        map=map_,
        regio=onderdelen.regio,
        inhoud=onderdelen.inhoud,
        programma=onderdelen.programma,
        aanbieders=onderdelen.aanbieders,
        prijspeilen=onderdelen.prijspeilen,
        overeenkomst=onderdelen.overeenkomst,
        bibliotheek=bibliotheek,
        brieven=modellen.get(BRIEVEN),
        bestanden=sorted([*(map_ / b for b in bronnen), *([logo] if logo else [])]),
        waarschuwingen=sorted(melding(p) for p in waarschuwingen(onderdelen)),
    )


LOGO_MAX = 1_000_000  # bytes: a letterhead image, not a photo
LOGO_KOPPEN = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _logo(map_: Path, brieven: Brieven | None) -> Path | str | None:
    """The logo file brieven.yaml names, or what is wrong with it (a message)."""
    if brieven is None or brieven.afzender.logo is None:
        return None
    pad = map_ / brieven.afzender.logo
    if pad.is_symlink() or not pad.is_file():
        return (f"'{brieven.afzender.logo}' staat niet in de regiomap"
                if not pad.is_symlink() else
                f"'{brieven.afzender.logo}' is een symbolische koppeling; zet het bestand zelf "
                "in de regiomap")
    if pad.stat().st_size > LOGO_MAX:
        return f"'{pad.name}' is groter dan 1 MB; gebruik een kleinere afbeelding"
    with pad.open("rb") as f:
        kop = f.read(8)
    if not kop.startswith(LOGO_KOPPEN):
        return f"'{pad.name}' is geen PNG- of JPEG-afbeelding"
    return pad
