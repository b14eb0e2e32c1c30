"""The content of a tender: structured items (inhoud.yaml) and the document that places them
(programma.yaml). Items are data that templates place and code can query; Markdown is only for the
running text between them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contracten.profiel.iwmo import Eenheid, Frequentie, Productcategorie
from contracten.profiel.typen import Markdown, Model, Sleutel, Tekst


class Definitie(Model):
    term: Tekst
    omschrijving: Markdown


class Eis(Model):
    """A requirement with its code (U1..U6 in Assen) and the evidence a provider submits."""

    code: Tekst
    eis: Tekst
    verwijzing: str | None = None  # as the source prints it, e.g. "pag. 12"
    paragraaf: str | None = None  # the section that states it, e.g. "1.8"
    bewijsmiddelen: list[Tekst] = Field(min_length=1)


class Functie(Model):
    """A task-based unit of support (taakgericht)."""

    sleutel: Sleutel
    nummer: int = Field(ge=1)
    naam: Tekst
    beschrijving: Markdown
    productcategorie: Productcategorie | None = None
    # Fields the source does not give (the iWmo code is the region's choice): every document
    # that shows one marks it "(voorbeeld)".
    voorbeeld: list[Literal["productcategorie"]] = []


class FunctieVerwijzing(Model):
    functie: Sleutel
    label: Tekst | None = None  # how the source names it, e.g. "Time-out" for part of a functie


class ProductFunctie(Model):
    """One row of the 'was product -> wordt functie' table."""

    was: list[Tekst] = Field(min_length=1)
    wordt: list[FunctieVerwijzing] = Field(min_length=1)


class Transformatieopgave(Model):
    nummer: int = Field(ge=1)
    titel: Tekst
    tekst: Markdown


class Uitvoeringseis(Model):
    groep: Tekst  # the section it belongs to, e.g. "3.1"
    nummer: int = Field(ge=1)
    tekst: Markdown
    punten: list[Tekst] = []


class Omvang(Model):
    """One volume figure, e.g. 'bijna 2.400 unieke inwoners met ambulante begeleiding in 2021'."""

    sleutel: Sleutel
    omschrijving: Tekst
    aantal: int = Field(ge=0)
    benadering: Literal["bijna", "circa", "ruim", "exact"] = "exact"
    eenheid: Literal["inwoners", "procent"] = "inwoners"
    periode: Tekst  # e.g. "2021 (jaarbasis)" or "december 2021"


KaartRijSoort = Literal[
    "beschrijving", "doelgroep", "doel", "randvoorwaarden", "huisvesting",
    "eisen_accommodatie", "toezicht", "personeelseisen", "eigen_bijdrage",
]

KAART_LABELS: dict[str, str] = {
    "beschrijving": "Beschrijving",
    "doelgroep": "Doelgroep",
    "doel": "Doel van de in te zetten hulp",
    "randvoorwaarden": "Randvoorwaarden",
    "huisvesting": "Huisvesting",
    "eisen_accommodatie": "Eisen accommodatie Aanbieder",
    "toezicht": "Toezicht en bereikbaarheid",
    "personeelseisen": "Personeelseisen",
    "eigen_bijdrage": "Eigen bijdrage",
}


class KaartRij(Model):
    soort: KaartRijSoort
    label: Tekst | None = None  # only where the source words the row differently
    tekst: Markdown

    @property
    def kop(self) -> str:
        return self.label or KAART_LABELS[self.soort]


class Kaart(Model):
    """A product card: the two-column table that describes a voorziening or module."""

    sleutel: Sleutel
    titel: Tekst
    rijen: list[KaartRij] = Field(min_length=1)

    def rij(self, soort: str) -> KaartRij | None:
        return next((r for r in self.rijen if r.soort == soort), None)


class Intensiteit(Model):
    """How much of a product is usual, e.g. 4-6 uur per week (Assen §2.5)."""

    minimum: int = Field(ge=0)
    maximum: int = Field(ge=0)
    eenheid: Literal["uur", "dagdeel"]
    per: Literal["dag", "week", "maand"]


class Afstand(Model):
    """A distance band of a vervoer product, single trip, in km (both ends included)."""

    van_km: int = Field(ge=0)
    tot_km: int = Field(ge=1)


class Iwmo(Model):
    """iWmo 3.2 codes, so the municipality's systems can use the tariff tables."""

    productcategorie: Productcategorie
    productcode: str | None = Field(default=None, pattern=r"^[0-9A-Z]{5}$")
    eenheid: Eenheid
    frequentie: Frequentie
    # The codes are the region's choice, not the source's: documents mark them "(voorbeeld)".
    voorbeeld: bool = False


class Product(Model):
    """A priced unit of support (outputgericht / inspanningsgericht)."""

    sleutel: Sleutel
    naam: Tekst
    soort: Literal["voorziening", "module", "vervoer"]
    kaart: Sleutel | None = None
    iwmo: Iwmo
    intensiteit: Intensiteit | None = None
    afstand: Afstand | None = None


class Onderwerp(Model):
    """A labelled requirement in a two-column table, e.g. Assen §2.6 accommodatie-eisen."""

    onderwerp: Tekst
    tekst: Markdown


class Inhoud(Model):
    """inhoud.yaml: every structured item of the tender. Lists a region does not use stay empty."""

    definities: list[Definitie] = []
    eisen: list[Eis] = []
    functies: list[Functie] = []
    productfuncties: list[ProductFunctie] = []
    transformatieopgaven: list[Transformatieopgave] = []
    uitvoeringseisen: list[Uitvoeringseis] = []
    omvang: list[Omvang] = []
    kaarten: list[Kaart] = []
    producten: list[Product] = []
    accommodatie_eisen: list[Onderwerp] = []


BlokSoort = Literal[
    "definities", "eisen", "functies", "productfuncties", "transformatieopgaven",
    "uitvoeringseisen", "omvang", "kaarten", "accommodatie_eisen", "vervoer", "tarieven",
]


class Tekstdeel(Model):
    tekst: Markdown


class Blokdeel(Model):
    """Places a list of structured items here; `selectie` narrows it (kaart keys, eis-groep)."""

    blok: BlokSoort
    selectie: list[Tekst] = []


class Sectie(Model):
    nummer: str | None = Field(default=None, pattern=r"^\d+(\.\d+)*\.?$")
    titel: Tekst
    niveau: int = Field(default=1, ge=1, le=5)
    inhoud: list[Tekstdeel | Blokdeel] = []
    voetnoten: list[Tekst] = []


class Programma(Model):
    """programma.yaml: the programma van eisen in the source's order and structure."""

    titel: Tekst
    ondertitel: list[Tekst] = []  # lines of the title page under the title
    secties: list[Sectie] = Field(min_length=1)
