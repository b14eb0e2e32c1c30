"""Aanbieders (providers) as listed in aanbieders.yaml."""

from __future__ import annotations

from pydantic import Field

from .typen import AgbCode, Bedrag, KvkNummer, Model, Sleutel, Tekst


class Adres(Model):
    straat: Tekst
    postcode: str = Field(pattern=r"^[1-9]\d{3} ?[A-Z]{2}$")
    plaats: Tekst


class Contact(Model):
    naam: Tekst
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    telefoon: str | None = Field(default=None, pattern=r"^[0-9 +()-]{10,16}$")


class Aanbieder(Model):
    id: Sleutel
    naam: Tekst
    kvk: KvkNummer
    agb: AgbCode | None = None
    adres: Adres
    contact: Contact
    producten: list[Sleutel] = Field(min_length=1)  # keys of producten or functies
    jaaromzet: Bedrag  # yearly turnover within the region
    aanneemsom: Bedrag | None = None  # contract value excl. BTW
    voorbeeld: bool = False


class Aanbieders(Model):
    """aanbieders.yaml."""

    aanbieders: list[Aanbieder] = []
