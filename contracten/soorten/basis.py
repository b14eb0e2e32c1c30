"""The base class of a document kind, and what every document context holds (docs: 'alle').

A document kind is one subclass of `RegioSoort` (one document for the region) or `ContractSoort`
(one per contract: a perceel with one opdrachtnemer) and one Word template in `sjablonen/`: it
says which template it fills, where it goes and which context it builds from the profile.
Subclasses register themselves by `naam`; the register finds every module of this package, so
adding a kind touches no other module.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from contracten.fouten import Melding
from contracten.opmaak import VOORBEELDMELDING, opsomming
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.uitvoer.indeling import document

Per = Literal["regio", "contract"]


@dataclass(frozen=True)
class Uitvoering:
    """What a run adds to the profile: the version stamp, the date letters carry, and for kinds
    made by one command (an opzegging) the computed subject they are about."""

    versie: str
    datum: dt.date
    onderwerp: Any = None


class Soort(ABC):
    """A document kind: subclass `RegioSoort` (one document for the region) or `ContractSoort`
    (one per contract: a perceel with one opdrachtnemer) with the class attributes set."""

    naam: ClassVar[str]
    sjabloon: ClassVar[str]  # file name in sjablonen/
    per: ClassVar[Per]
    opdracht: ClassVar[str] = "genereer"  # the command that makes it
    alle_aanbieders: ClassVar[bool] = False  # lists every aanbieder: see `kenmerk_alle`
    met_datum: ClassVar[bool] = False  # carries the run's date (a letter)
    volgorde: ClassVar[int] = 100  # where it stands in lists and help texts
    # With --formaat pdf: one pdf of all documents of this kind, in the order of the contracts,
    # for printing (letters); its path in the output folder.
    bundel: ClassVar[str | None] = None
    # Its herkomst (see `herkomst_van`) is the same for every contract of a run: it depends only
    # on the profile and the prijspeil, so a run works it out once per kind.
    herkomst_per_run: ClassVar[bool] = False

    _register: ClassVar[dict[str, Soort]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "naam" in cls.__dict__:
            if cls.naam in Soort._register:
                raise TypeError(f"documentsoort '{cls.naam}' bestaat al")
            Soort._register[cls.naam] = cls()

    @property
    def per_contract(self) -> bool:
        return self.per == "contract"

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        """Whether this region (at this prijspeil) has such documents at all."""
        return True

    def controleer(self, profiel: Profiel, prijspeil: int) -> list[Melding]:
        """Problems of the profile that would make this kind's documents wrong, found before
        anything is made (e.g. a reference to an article the overeenkomst lacks)."""
        return []

    def kenmerk_alle(self, profiel: Profiel, prijspeil: int) -> str | None:
        """For a kind that lists every aanbieder: a text that changes whenever what it shows
        of them changes (its rows), so that a change it does not show (an address, a contact)
        keeps it. None: any change to aanbieders.yaml makes it again."""
        return None

    def samenvattingen(self, profiel: Profiel) -> list[str]:
        """Articles of the Contractstandaard this kind still shows as our summary rather than
        the official text: such a document is not to be signed (`definitief` refuses it)."""
        return []

    # What the pipeline calls, with the contract of a contract-level kind (None for a
    # region-level kind): each subclass passes on what its own methods take.

    @abstractmethod
    def pad_van(self, contract: Contract | None) -> str:
        """Where the document goes, relative to the output folder, without extension."""

    @abstractmethod
    def titel_van(self, profiel: Profiel, contract: Contract | None) -> str:
        """The document's title (its Word properties, the HTML twin)."""

    @abstractmethod
    def context_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                    uitvoering: Uitvoering) -> dict[str, Any]:
        """Everything the template may use; pure: no files, no clock."""

    @abstractmethod
    def extra_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                  uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        """More files beside the .docx, e.g. an overview as .xlsx and .csv: (formaat, inhoud)."""

    @abstractmethod
    def herkomst_van(self, profiel: Profiel, contract: Contract | None,
                     prijspeil: int) -> dict[str, list[str]]:
        """For legal review: per heading (or "*" for the whole document) its profile fields."""

    @abstractmethod
    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        """The cases `valideer` fills the template with: one per contract (or one)."""


class RegioSoort(Soort):
    """One document for the whole region (the tender): a programma van eisen, an overview."""

    per = "regio"

    def pad(self) -> str:
        return document(self.naam, None)

    @abstractmethod
    def titel(self, profiel: Profiel) -> str: ...

    @abstractmethod
    def context(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
                ) -> dict[str, Any]: ...

    def extra(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
              ) -> list[tuple[str, bytes]]:
        return []

    def herkomst(self, profiel: Profiel, prijspeil: int) -> dict[str, list[str]]:
        return {}

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        return [(None, Uitvoering(versie, dag))]

    def pad_van(self, contract: Contract | None) -> str:
        return self.pad()

    def titel_van(self, profiel: Profiel, contract: Contract | None) -> str:
        return self.titel(profiel)

    def context_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                    uitvoering: Uitvoering) -> dict[str, Any]:
        return self.context(profiel, prijspeil, uitvoering)

    def extra_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                  uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        return self.extra(profiel, prijspeil, uitvoering)

    def herkomst_van(self, profiel: Profiel, contract: Contract | None,
                     prijspeil: int) -> dict[str, list[str]]:
        return self.herkomst(profiel, prijspeil)


class ContractSoort(Soort):
    """One document per contract (a perceel with one opdrachtnemer): an overeenkomst, a
    letter."""

    per = "contract"
    map: ClassVar[str | None] = None  # its folder in the output; default: the kind's name

    def pad(self, contract: Contract) -> str:
        return document(self.map or self.naam, contract.sleutel)

    @abstractmethod
    def titel(self, profiel: Profiel, contract: Contract) -> str: ...

    @abstractmethod
    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]: ...

    def extra(self, profiel: Profiel, prijspeil: int, contract: Contract,
              uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        return []

    def herkomst(self, profiel: Profiel, contract: Contract,
                 prijspeil: int) -> dict[str, list[str]]:
        return {}

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        uitvoering = Uitvoering(versie, dag)
        return [(c, uitvoering) for c in profiel.contracten]

    def _eigen(self, contract: Contract | None) -> Contract:
        if contract is None:
            raise TypeError(f"documentsoort '{self.naam}' is er per contract")
        return contract

    def pad_van(self, contract: Contract | None) -> str:
        return self.pad(self._eigen(contract))

    def titel_van(self, profiel: Profiel, contract: Contract | None) -> str:
        return self.titel(profiel, self._eigen(contract))

    def context_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                    uitvoering: Uitvoering) -> dict[str, Any]:
        return self.context(profiel, prijspeil, self._eigen(contract), uitvoering)

    def extra_van(self, profiel: Profiel, prijspeil: int, contract: Contract | None,
                  uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        return self.extra(profiel, prijspeil, self._eigen(contract), uitvoering)

    def herkomst_van(self, profiel: Profiel, contract: Contract | None,
                     prijspeil: int) -> dict[str, list[str]]:
        return self.herkomst(profiel, self._eigen(contract), prijspeil)


def basis(profiel: Profiel, prijspeil: int, versie: str, heeft_voorbeeld: bool,
          contract: Contract | None = None) -> dict[str, Any]:
    """What every template may use ('alle' in docs/sjablonen); with a contract also `aanbieder`
    and `perceel`."""
    eigen = {"aanbieder": contract.aanbieder, "perceel": contract.perceel} if contract else {}
    return {
        **eigen,
        "regio": profiel.regio,
        "aanbesteding": profiel.regio.aanbesteding,
        "percelen": profiel.percelen,
        # The tender's subject in running text: its perceel, or its percelen one after another.
        "perceelnamen": opsomming([p.naam for p in profiel.percelen]),
        "programma": profiel.programma,
        "prijspeil": prijspeil,
        "versie": versie,
        "voorbeeldmelding": VOORBEELDMELDING if heeft_voorbeeld else "",
    }
