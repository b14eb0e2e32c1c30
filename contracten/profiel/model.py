"""The region profile: what regio.yaml holds, and the assembled Profiel of all a region's files."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from contracten.artikelen.model import Bibliotheek
from contracten.fouten import Melding
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.brieven import Brieven
from contracten.profiel.formaat import FORMAAT
from contracten.profiel.inhoud import Functie, Inhoud, Product, Programma
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import (
    Bekostigingsvorm,
    Contract,
    Perceel,
    contracten_van,
    met_producten,
)
from contracten.profiel.regels import Regels
from contracten.profiel.rollen import Rollen
from contracten.profiel.tarieven import STANDAARD_BENAMING, Benaming, Eenheid, Prijspeil
from contracten.profiel.typen import Datum, Model, Sleutel, Tekst


class Gemeente(Model):
    naam: Tekst
    alleen: list[Sleutel] = []  # functies/producten this gemeente buys; empty = all of them
    voorbeeld: bool = False  # not named by the source


class Looptijd(Model):
    begin: Datum
    einde: Datum
    voorbeeld: bool = False


class Aanbesteding(Model):
    titel: Tekst
    # The article before the title in running text: "het Programma van Eisen", "de Opdracht".
    lidwoord: Literal["de", "het"] = "het"
    # A tender of one perceel names it here; a tender of several lists them under `percelen`.
    perceel: Tekst | None = None
    percelen: list[Perceel] = []
    # The most percelen one opdrachtnemer may be awarded (a gunningsbeperking); none: no limit.
    max_percelen_per_opdrachtnemer: int | None = Field(default=None, ge=1)
    kenmerk: Tekst | None = None  # e.g. TenderNed TN353087
    datum: Datum
    contact: Tekst | None = None
    looptijd: Looptijd

    @model_validator(mode="after")
    def _perceel_of_percelen(self) -> Aanbesteding:
        if self.perceel is not None and self.percelen:
            raise PydanticCustomError(
                "perceel_of_percelen", "geef perceel (de naam van het ene perceel, formaat 1) óf "
                "percelen (een lijst, formaat 2), niet allebei")
        if self.perceel is None and not self.percelen:
            raise PydanticCustomError(
                "perceel_ontbreekt", "het perceel ontbreekt: geef percelen (een lijst met "
                "nummer en naam per perceel) of perceel (de naam van het ene perceel)")
        return self


class RegioGegevens(Model):
    """regio.yaml."""

    # The profile's format (see profiel.formaat); a profile without it is of format 1.
    formaat: int = Field(default=1, ge=1)
    naam: Tekst
    centrumgemeente: Tekst
    gemeenten: list[Gemeente] = Field(min_length=1)
    # Of every perceel that names none of its own (a tender of one perceel: of that one).
    bekostigingsvorm: Bekostigingsvorm | None = None
    aanbesteding: Aanbesteding
    regels: Regels
    # How the documents name a tariff unit where the region's words differ from the plain ones,
    # e.g. dagdeel: {enkelvoud: "dagdeel (4 uur)", meervoud: "dagdelen van 4 uur"}.
    benamingen: dict[Eenheid, Benaming] = {}
    # Which role may take which approval step (with users in the register); see `rollen`.
    rollen: Rollen = Rollen()

    @field_validator("formaat")
    @classmethod
    def _bekend_formaat(cls, waarde: int) -> int:
        if waarde > FORMAAT:
            raise PydanticCustomError(
                "formaat_te_nieuw", "formaat {formaat} is van een nieuwere versie van contracten "
                "(deze kent tot en met formaat {huidig}); werk contracten bij",
                {"formaat": waarde, "huidig": FORMAAT})
        return waarde

    def benaming(self, eenheid: Eenheid) -> Benaming:
        return self.benamingen.get(eenheid) or STANDAARD_BENAMING[eenheid]

    def percelen(self) -> list[Perceel]:
        """The percelen with their bekostigingsvorm; a tender of one `perceel`: perceel 1."""
        aanbesteding = self.aanbesteding
        if not aanbesteding.percelen:
            assert aanbesteding.perceel is not None  # see Aanbesteding._perceel_of_percelen
            return [Perceel(nummer=1, naam=aanbesteding.perceel,
                            bekostigingsvorm=self.bekostigingsvorm)]
        return [p if p.bekostigingsvorm else p.model_copy(
            update={"bekostigingsvorm": self.bekostigingsvorm}) for p in aanbesteding.percelen]

    def vormen(self) -> set[str]:
        """Every bekostigingsvorm of the tender (a perceel without one is reported by
        `perceelregels`)."""
        return {p.bekostigingsvorm for p in self.percelen() if p.bekostigingsvorm}


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
    # What is valid but probably not meant (profiel.waarschuwingen): `valideer` shows it.
    waarschuwingen: list[Melding] = []

    @cached_property
    def percelen(self) -> list[Perceel]:
        """The percelen, each with its bekostigingsvorm and its functies or producten."""
        return met_producten(self.regio.percelen(), [f.sleutel for f in self.inhoud.functies],
                             [p.sleutel for p in self.inhoud.producten])

    @cached_property
    def contracten(self) -> list[Contract]:
        """Every contract: per perceel its opdrachtnemers, in the order of aanbieders.yaml."""
        return contracten_van(self.percelen, self.aanbieders)

    @cached_property
    def contractnummers(self) -> dict[str, int]:
        """Each contract's key -> its place in `contracten`, from 1 (a letter's kenmerk)."""
        nummers: dict[str, int] = {}
        for i, contract in enumerate(self.contracten, start=1):
            nummers.setdefault(contract.sleutel, i)
        return nummers

    @property
    def eenheden(self) -> list[Functie | Product]:
        """What this region buys: the functies of its taakgerichte percelen, the producten of
        the others."""
        taak = {s for p in self.percelen if p.taakgericht for s in p.producten}
        ander = {s for p in self.percelen if not p.taakgericht for s in p.producten}
        return [*(f for f in self.inhoud.functies if f.sleutel in taak),
                *(p for p in self.inhoud.producten if p.sleutel in ander)]

    def eenheden_van(self, perceel: Perceel) -> list[Functie | Product]:
        """The functies (taakgericht) or producten of one perceel."""
        soort = self.inhoud.functies if perceel.taakgericht else self.inhoud.producten
        eigen = set(perceel.producten)
        return [e for e in soort if e.sleutel in eigen]

    def laatste_prijspeil(self) -> int:
        return max(self.prijspeilen)
