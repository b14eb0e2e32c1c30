"""Amounts per prijspeil (tarieven/<jaar>.yaml): tariffs, budgets and other indexed amounts."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, model_validator

from contracten.profiel.typen import (
    Bedrag,
    Datum,
    Model,
    Percentage,
    Procentpunten,
    Sleutel,
    Tekst,
)

Eenheid = Literal["etmaal", "uur", "dagdeel", "dag", "week", "maand", "jaar", "stuk", "enkele reis"]


class Benaming(Model):
    """How documents name a unit: "per dagdeel (4 uur)", "4 tot 6 dagdelen per week"."""

    enkelvoud: Tekst
    meervoud: Tekst


STANDAARD_BENAMING: dict[str, Benaming] = {
    eenheid: Benaming(enkelvoud=eenheid, meervoud=meervoud) for eenheid, meervoud in (
        ("etmaal", "etmalen"), ("uur", "uur"), ("dagdeel", "dagdelen"), ("dag", "dagen"),
        ("week", "weken"), ("maand", "maanden"), ("jaar", "jaar"), ("stuk", "stuks"),
        ("enkele reis", "enkele reizen"))}


class BedragRegel(Model):
    sleutel: Sleutel
    product: Sleutel | None = None  # key of a product or functie; None for e.g. afwezigheid
    omschrijving: Tekst
    bedrag: Bedrag
    eenheid: Eenheid
    voorbeeld: bool = False
    # In an indexed prijspeil: why this amount is not the indexation of the previous one. The
    # letter and the addendum show the row as deviating, with this reason.
    afwijking: Tekst | None = None


class IndexatieRecord(Model):
    """How an indexed prijspeil was made: the figures, the method and the day it was decided."""

    van: int = Field(ge=2000, le=2100)  # the prijspeil the amounts were indexed from
    methode: Literal["vng", "percentage"]
    ova: Procentpunten | None = None
    ppc: Procentpunten | None = None
    nacalculatie: Procentpunten | None = None
    gewicht_loon: Percentage | None = Field(default=None, le=1)
    index: Procentpunten  # the index applied, in percent (VNG: rounded as the region rounds)
    berekend: Procentpunten | None = None  # VNG: the exact result, when rounding changed it
    datum: Datum
    # Made in one run with the years before it, from prijspeil `reeks_van` on (each year from
    # the one before, with its own figures): its letter covers every year since `reeks_van`.
    reeks_van: int | None = Field(default=None, ge=2000, le=2100)

    @property
    def basis(self) -> int:
        """The prijspeil the letter compares with: the last one the aanbieder was told of."""
        return self.reeks_van if self.reeks_van is not None else self.van


# The note `indexeer` wrote into a new prijspeil before it stopped naming itself: documents (the
# programma van eisen shows the note) never mention our commands, so it is read as the new one.
OUDE_TOELICHTING = re.compile(r"Geïndexeerd uit prijspeil (\d{4}) met contracten indexeer\.")


def toelichting_geindexeerd(van: int) -> str:
    """The note of a prijspeil made by indexation, as the programma van eisen shows it."""
    return f"Geïndexeerd uit prijspeil {van}."


class Prijspeil(Model):
    """One year's amounts, kept as its own file and never overwritten."""

    prijspeil: int = Field(ge=2000, le=2100)
    ingangsdatum: Datum
    toelichting: Tekst | None = None
    indexatie: IndexatieRecord | None = None
    bedragen: list[BedragRegel] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _oude_toelichting(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("toelichting"), str):
            oud = OUDE_TOELICHTING.fullmatch(data["toelichting"].strip())
            if oud is not None:
                data = {**data, "toelichting": toelichting_geindexeerd(int(oud.group(1)))}
        return data

    def bedrag(self, sleutel: str) -> BedragRegel | None:
        return next((b for b in self.bedragen if b.sleutel == sleutel), None)

    def van_product(self, product: str) -> BedragRegel | None:
        return next((b for b in self.bedragen if b.product == product), None)

    def met_bedrag(self) -> set[str | None]:
        """The products with an amount (`van_product` of each is not None): one set for who
        asks of thousands of aanbieders."""
        return {b.product for b in self.bedragen}

    @property
    def terugwerkend(self) -> bool:
        """Indexed, and its letters dated after it takes effect: it applies retroactively."""
        return self.indexatie is not None and self.indexatie.datum > self.ingangsdatum
