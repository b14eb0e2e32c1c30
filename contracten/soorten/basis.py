"""The base class of a document kind, and what every document context holds (README: 'alle').

A document kind is one subclass of `Soort` and one Word template in `sjablonen/`: it says which
template it fills, whether there is one document per region or per aanbieder, where it goes and
which context it builds from the profile. Subclasses register themselves by `naam`; the register
finds every module of this package, so adding a kind touches no other module.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from contracten.fouten import Melding
from contracten.opmaak import VOORBEELDMELDING
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.uitvoer.indeling import document

Per = Literal["regio", "aanbieder"]


@dataclass(frozen=True)
class Uitvoering:
    """What a run adds to the profile: the version stamp, the date letters carry, and for kinds
    made by one command (an opzegging) the computed subject they are about."""

    versie: str
    datum: dt.date
    onderwerp: Any = None


class Soort(ABC):
    """A document kind. Subclass it with the class attributes set; override what differs."""

    naam: ClassVar[str]
    sjabloon: ClassVar[str]  # file name in sjablonen/
    per: ClassVar[Per] = "regio"
    opdracht: ClassVar[str] = "genereer"  # the command that makes it
    alle_aanbieders: ClassVar[bool] = False  # lists every aanbieder: remade when any changes
    met_datum: ClassVar[bool] = False  # carries the run's date (a letter)
    volgorde: ClassVar[int] = 100  # where it stands in lists and help texts
    # With --formaat pdf: one pdf of all documents of this kind, in the order of aanbieders.yaml,
    # for printing (letters); its path in the output folder.
    bundel: ClassVar[str | None] = None

    _register: ClassVar[dict[str, Soort]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "naam" in cls.__dict__:
            if cls.naam in Soort._register:
                raise TypeError(f"documentsoort '{cls.naam}' bestaat al")
            Soort._register[cls.naam] = cls()

    @property
    def per_aanbieder(self) -> bool:
        return self.per == "aanbieder"

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        """Whether this region (at this prijspeil) has such documents at all."""
        return True

    def pad(self, contract: str | None) -> str:
        """Where the document of `contract` (its key; None for one per region) goes, relative
        to the output folder, without extension: see `uitvoer.indeling`."""
        return document(self.naam, contract)

    @abstractmethod
    def titel(self, profiel: Profiel, aanbieder: Aanbieder | None) -> str:
        """The document's title (its Word properties, the HTML twin)."""

    @abstractmethod
    def context(self, profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None,
                uitvoering: Uitvoering) -> dict[str, Any]:
        """Everything the template may use; pure: no files, no clock."""

    def extra(self, profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None,
              uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        """More files beside the .docx, e.g. an overview as .xlsx and .csv: (formaat, inhoud)."""
        return []

    def herkomst(self, profiel: Profiel, aanbieder: Aanbieder | None,
                 prijspeil: int) -> dict[str, list[str]]:
        """For legal review: per heading (or "*" for the whole document) its profile fields."""
        return {}

    def controleer(self, profiel: Profiel, prijspeil: int) -> list[Melding]:
        """Problems of the profile that would make this kind's documents wrong, found before
        anything is made (e.g. a reference to an article the overeenkomst lacks)."""
        return []

    def samenvattingen(self, profiel: Profiel) -> list[str]:
        """Articles of the Contractstandaard this kind still shows as our summary rather than
        the official text: such a document is not to be signed (`definitief` refuses it)."""
        return []

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Aanbieder | None, Uitvoering]]:
        """The cases `valideer` fills the template with: one per aanbieder (or one)."""
        uitvoering = Uitvoering(versie, dag)
        if self.per_aanbieder:
            return [(a, uitvoering) for a in profiel.aanbieders]
        return [(None, uitvoering)]


def basis(profiel: Profiel, prijspeil: int, versie: str, heeft_voorbeeld: bool) -> dict[str, Any]:
    return {
        "regio": profiel.regio,
        "aanbesteding": profiel.regio.aanbesteding,
        "programma": profiel.programma,
        "prijspeil": prijspeil,
        "versie": versie,
        "voorbeeldmelding": VOORBEELDMELDING if heeft_voorbeeld else "",
    }
