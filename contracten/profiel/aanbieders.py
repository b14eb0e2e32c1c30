"""Aanbieders (providers) as listed in aanbieders.yaml."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from contracten.opmaak import rond_af
from contracten.profiel.typen import (
    AgbCode,
    Bedrag,
    Bestandssleutel,
    KvkNummer,
    Model,
    Sleutel,
    Tekst,
)

BTW_TARIEVEN = (Decimal(0), Decimal(9), Decimal(21))

# An aanbieder and its parts are slotted dataclasses, not models: a region of 5,000 aanbieders
# holds 20,000 of them in every process, and a model's instance dict and field set cost five
# times the slots. Validation and messages are those of the models (see lezen.meldingen).
_per_aanbieder = dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))


@_per_aanbieder
class Adres:
    straat: Tekst
    postcode: Annotated[str, Field(pattern=r"^[1-9]\d{3} ?[A-Z]{2}$")]
    plaats: Tekst


@_per_aanbieder
class Adressering:
    """How a letter to an aanbieder is addressed: "t.a.v. de directie", "Geachte directie,"."""

    tav: Tekst = "de directie"
    aanhef: Tekst = Field(default="Geachte directie,", pattern=r"^Geachte .+,$")


@_per_aanbieder
class Contact:
    naam: Tekst
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    telefoon: str | None = Field(default=None, pattern=r"^[0-9 +()-]{10,16}$")


@_per_aanbieder
class Vertegenwoordiger:
    """Who signs for the aanbieder; when unknown, the contract leaves a line to fill in."""

    naam: Tekst
    functie: Tekst


@_per_aanbieder
class Onderaannemer:
    """A party the hoofdaannemer brings in for some of its functies (artikel 3.9)."""

    # Keys a reader may expect here that contracten works out itself (see lezen.meldingen).
    BEREKEND: ClassVar[dict[str, str]] = {
        "aandeel": "contracten berekent het aandeel van een onderaannemer zelf, uit de "
                   "budgetten van zijn functies in tarieven/<jaar>.yaml"}

    naam: Tekst
    kvk: KvkNummer
    producten: Annotated[list[Sleutel], Field(min_length=1)]  # functies/producten it delivers


@_per_aanbieder
class Aanbieder:
    id: Bestandssleutel  # names its documents: overeenkomsten/<id>.docx
    naam: Tekst
    kvk: KvkNummer
    agb: AgbCode | None = None
    adres: Adres
    contact: Contact
    producten: Annotated[list[Sleutel], Field(min_length=1)]  # keys of producten or functies
    jaaromzet: Bedrag  # yearly turnover within the region
    aanneemsom: Bedrag | None = None  # contract value excl. BTW
    # Or the contract value incl. BTW with its rate; converted to excl. BTW where it is used.
    aanneemsom_incl_btw: Bedrag | None = None
    btw_percentage: Decimal | None = None
    vertegenwoordiger: Vertegenwoordiger | None = None
    onderaannemers: list[Onderaannemer] = Field(default_factory=list)
    bestedingsruimte: Bedrag | None = None  # per calendar year (artikel 1.5 / 2.1)
    brief: Adressering = Adressering()  # t.a.v. and aanhef of the letters to this aanbieder
    # Numbers of the percelen it holds; empty: every perceel whose functies or producten it
    # delivers (a region of one perceel: that one).
    percelen: list[Annotated[int, Field(ge=1, le=99)]] = Field(default_factory=list)
    # Holding several percelen: the contract value excl. BTW per perceel (social return is owed
    # per contract); holding one, `aanneemsom` is that perceel's.
    aanneemsom_per_perceel: dict[Annotated[int, Field(ge=1, le=99)], Bedrag] = Field(
        default_factory=dict)
    voorbeeld: bool = False

    @field_validator("btw_percentage")
    @classmethod
    def _btw_tarief(cls, waarde: Decimal | None) -> Decimal | None:
        if waarde is not None and waarde not in BTW_TARIEVEN:
            raise PydanticCustomError(
                "btw_tarief", "btw-percentage moet 0, 9 of 21 zijn (gevonden: {waarde})",
                {"waarde": str(waarde)})
        return waarde

    @model_validator(mode="after")
    def _een_aanneemsom(self) -> Aanbieder:
        if self.aanneemsom_per_perceel and (self.aanneemsom is not None
                                            or self.aanneemsom_incl_btw is not None):
            raise PydanticCustomError(
                "aanneemsom_dubbel", "geef aanneemsom óf aanneemsom_per_perceel, niet allebei",
                {"veld": "aanneemsom_per_perceel"})
        if self.aanneemsom is not None and self.aanneemsom_incl_btw is not None:
            raise PydanticCustomError(
                "aanneemsom_dubbel", "geef aanneemsom óf aanneemsom_incl_btw, niet allebei",
                {"veld": "aanneemsom_incl_btw"})
        if (self.aanneemsom_incl_btw is None) != (self.btw_percentage is None):
            raise PydanticCustomError(
                "btw_ontbreekt", "aanneemsom_incl_btw en btw_percentage horen bij elkaar: geef "
                "ook {veld} ({vorm})", {"veld": "btw_percentage", "vorm": "0, 9 of 21"}
                if self.btw_percentage is None else {"veld": "aanneemsom_incl_btw",
                                                     "vorm": "het bedrag inclusief btw"})
        return self

    def aanneemsom_excl_btw(self) -> Decimal | None:
        """The contract value excl. BTW, converting an amount given incl. BTW (half up)."""
        if self.aanneemsom_incl_btw is None or self.btw_percentage is None:
            return self.aanneemsom
        return rond_af(self.aanneemsom_incl_btw / (1 + self.btw_percentage / Decimal(100)))


class Aanbieders(Model):
    """aanbieders.yaml."""

    # At least one: an empty (or emptied) file must not make the next run remove every contract.
    aanbieders: list[Aanbieder] = Field(min_length=1)
