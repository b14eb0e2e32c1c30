"""The region profile: what regio.yaml holds, and the assembled Profiel of all a region's files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field

from contracten.artikelen.model import Bibliotheek
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.brieven import Brieven
from contracten.profiel.inhoud import Functie, Inhoud, Product, Programma
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.regels import Regels
from contracten.profiel.tarieven import STANDAARD_BENAMING, Benaming, Eenheid, Prijspeil
from contracten.profiel.typen import Model, Sleutel, Tekst

Bekostigingsvorm = Literal["taakgericht", "outputgericht", "inspanningsgericht"]


class Gemeente(Model):
    naam: Tekst
    alleen: list[Sleutel] = []  # functies/producten this gemeente buys; empty = all of them
    voorbeeld: bool = False  # not named by the source


class Looptijd(Model):
    begin: dt.date
    einde: dt.date
    voorbeeld: bool = False


class Aanbesteding(Model):
    titel: Tekst
    # The article before the title in running text: "het Programma van Eisen", "de Opdracht".
    lidwoord: Literal["de", "het"] = "het"
    perceel: Tekst
    kenmerk: Tekst | None = None  # e.g. TenderNed TN353087
    datum: dt.date
    contact: Tekst | None = None
    looptijd: Looptijd


class RegioGegevens(Model):
    """regio.yaml."""

    naam: Tekst
    centrumgemeente: Tekst
    gemeenten: list[Gemeente] = Field(min_length=1)
    bekostigingsvorm: Bekostigingsvorm
    aanbesteding: Aanbesteding
    regels: Regels
    # How the documents name a tariff unit where the region's words differ from the plain ones,
    # e.g. dagdeel: {enkelvoud: "dagdeel (4 uur)", meervoud: "dagdelen van 4 uur"}.
    benamingen: dict[Eenheid, Benaming] = {}

    def benaming(self, eenheid: Eenheid) -> Benaming:
        return self.benamingen.get(eenheid) or STANDAARD_BENAMING[eenheid]


class Profiel(Model):
    """Everything one region folder holds, validated and cross-checked."""

    sleutel: str  # the folder name, as typed on the command line
    map: Path
    regio: RegioGegevens
    inhoud: Inhoud
    programma: Programma
    aanbieders: list[Aanbieder]
    prijspeilen: dict[int, Prijspeil]
    overeenkomst: OvereenkomstKeuzes | None = None  # overeenkomst.yaml; without it no contract
    bibliotheek: Bibliotheek | None = None  # the article library the contract is built from
    brieven: Brieven | None = None  # brieven.yaml: the letters' house style
    bestanden: list[Path]  # every input file, for the manifest

    @property
    def eenheden(self) -> list[Functie] | list[Product]:
        """What this region buys: functies (taakgericht) or producten."""
        if self.regio.bekostigingsvorm == "taakgericht":
            return self.inhoud.functies
        return self.inhoud.producten

    def laatste_prijspeil(self) -> int:
        return max(self.prijspeilen)
