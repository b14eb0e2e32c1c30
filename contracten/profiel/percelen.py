"""Percelen: the lots of a tender. A region profile holds one tender (aanbesteding) with one or
more percelen; each perceel has its own bekostigingsvorm, its functies or producten, and its
opdrachtnemers. A contract is one perceel with one opdrachtnemer.

A profile written before percelen existed names a single `aanbesteding.perceel`: that is the
implicit perceel 1, with every functie or product of the region and every aanbieder."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from pydantic import Field
from pydantic.dataclasses import dataclass

from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.typen import Bedrag, Model, Sleutel, Tekst

Bekostigingsvorm = Literal["taakgericht", "outputgericht", "inspanningsgericht"]
PERCEEL = "perceel-"  # before the number, in a contract's key and so in its folders


def contract_sleutel(aanbieder: str, perceel: int | None) -> str:
    """A contract's key in paths, the register and the manifest: the aanbieder's id in a tender
    of one perceel (`perceel` None), else `perceel-<n>/<aanbieder>`."""
    return aanbieder if perceel is None else f"{PERCEEL}{perceel}/{aanbieder}"


class Perceel(Model):
    """One lot of the tender, as regio.yaml lists it under `aanbesteding.percelen`."""

    nummer: int = Field(ge=1, le=99)
    naam: Tekst
    # Default: the region's bekostigingsvorm (regio.yaml: bekostigingsvorm).
    bekostigingsvorm: Bekostigingsvorm | None = None
    # Keys of its functies (taakgericht) or producten; empty: every one of that kind.
    producten: list[Sleutel] = []
    # Taakgericht only: the yearly budget as the tender states it; the functies' budgets in the
    # first prijspeil add up to it.
    budget: Bedrag | None = None
    voorbeeld: bool = False

    @property
    def taakgericht(self) -> bool:
        return self.bekostigingsvorm == "taakgericht"


@dataclass(frozen=True, slots=True)
class Contract:
    """One perceel with one opdrachtnemer: what an overeenkomst, a letter or a register row is
    about. `enkel`: the region's only perceel, so its documents live where they did before
    percelen existed (keyed by the aanbieder alone)."""

    perceel: Perceel
    aanbieder: Aanbieder
    enkel: bool = True
    meer: bool = False  # the aanbieder holds other percelen of the tender too

    @property
    def perceelnummer(self) -> int | None:
        """Its perceel's number in a tender of several; None in a tender of one, whose paths,
        manifests and messages name no perceel."""
        return None if self.enkel else self.perceel.nummer

    @property
    def sleutel(self) -> str:
        """The contract's key in paths, the register and the manifest."""
        return contract_sleutel(self.aanbieder.id, self.perceelnummer)

    @property
    def producten(self) -> list[str]:
        """What the opdrachtnemer delivers within this perceel."""
        if self.enkel:
            return list(self.aanbieder.producten)
        eigen = set(self.perceel.producten)
        return [p for p in self.aanbieder.producten if p in eigen]

    def aanneemsom_excl_btw(self) -> Decimal | None:
        """The contract value excl. BTW: the aanbieder's for this perceel when it names one per
        perceel, else its aanneemsom when it holds this perceel only; None when unknown."""
        per_perceel = self.aanbieder.aanneemsom_per_perceel
        if per_perceel:
            return per_perceel.get(self.perceel.nummer)
        return None if self.meer else self.aanbieder.aanneemsom_excl_btw()

    @property
    def omgerekend(self) -> bool:
        """The contract value was given incl. BTW and converted."""
        return not self.aanbieder.aanneemsom_per_perceel \
            and self.aanbieder.aanneemsom_incl_btw is not None

    @property
    def naam(self) -> str:
        """The opdrachtnemer's name, with the perceel where the tender has several."""
        if self.enkel:
            return self.aanbieder.naam
        return f"{self.aanbieder.naam} (perceel {self.perceel.nummer})"

    @property
    def omschrijving(self) -> str:
        """How messages name the contract: "x", or "x (perceel 2)" in a tender of several."""
        if self.enkel:
            return self.aanbieder.id
        return f"{self.aanbieder.id} (perceel {self.perceel.nummer})"


def met_producten(percelen: Sequence[Perceel], functies: list[str], producten: list[str]
                  ) -> list[Perceel]:
    """The percelen with their functies or producten: every one of its kind when it names
    none."""
    return [p if p.producten else p.model_copy(
        update={"producten": functies if p.taakgericht else producten}) for p in percelen]


def percelen_van(aanbieder: Aanbieder, percelen: Sequence[Perceel]) -> list[int]:
    """The numbers of the percelen an aanbieder holds: those it names, or else every perceel
    whose functies or producten it delivers (one perceel: that one)."""
    if aanbieder.percelen:
        return list(aanbieder.percelen)
    if len(percelen) == 1:
        return [percelen[0].nummer]
    eigen = set(aanbieder.producten)
    return [p.nummer for p in percelen if eigen & set(p.producten)]


def contracten_van(percelen: Sequence[Perceel], aanbieders: Sequence[Aanbieder]
                   ) -> list[Contract]:
    """Every contract: per perceel (in number order) its opdrachtnemers in the order of
    aanbieders.yaml."""
    enkel = len(percelen) == 1
    gehouden = [(a, set(percelen_van(a, percelen))) for a in aanbieders]
    return [Contract(p, a, enkel, len(nummers) > 1)
            for p in sorted(percelen, key=lambda p: p.nummer)
            for a, nummers in gehouden if p.nummer in nummers]
