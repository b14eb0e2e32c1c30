"""brieven.yaml: the house style of a region's letters to aanbieders: who sends them, who signs
them, and how their kenmerk starts. Optional: without it, letters take what regio.yaml and
overeenkomst.yaml say about the municipality."""

from __future__ import annotations

from pydantic import Field

from contracten.profiel.aanbieders import Adres
from contracten.profiel.typen import Model, Tekst


class Afzender(Model):
    organisatie: Tekst  # "Gemeente Assen"
    afdeling: Tekst | None = None
    postadres: Adres | None = None
    bezoekadres: Adres | None = None
    telefoon: str | None = Field(default=None, pattern=r"^[0-9 +()-]{10,16}$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    website: str | None = Field(default=None, pattern=r"^[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
    # A PNG or JPEG in the region folder, shown above the letterhead; `logo_breedte_mm` wide.
    logo: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]+\.(png|jpe?g)$")
    logo_breedte_mm: int = Field(default=40, ge=10, le=120)


class Ondertekening(Model):
    """Who signs the letters, and on whose behalf ("namens het college van burgemeester en
    wethouders van Assen")."""

    naam: Tekst
    functie: Tekst
    namens: Tekst | None = None


class Brieven(Model):
    afzender: Afzender
    ondertekening: Ondertekening
    # The kenmerk of a letter: <voorvoegsel>/<jaar>/<soort>/<volgnummer>, e.g. ASN/2026/IDX/0007.
    kenmerk_voorvoegsel: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,7}$")
    # The term a letter gives for an answer or a signed addendum, in weeks after its date
    # ("binnen vier weken na dagtekening"), where no option of the command sets one.
    reactietermijn_weken: int = Field(default=4, ge=1, le=26)
    voorbeeld: bool = False  # example values, not the region's own: the letters say so
