"""The rows of the social-return overview as a workbook and as CSV files (see `socialreturn`):
made afresh each time they are gone through, so that a region of 20,000 aanbieders never has
them all at once. Pure: no files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.profiel.regels import SocialReturn
from contracten.rekenen import socialreturn
from contracten.rekenen.socialreturn import op_voorbeelden
from contracten.weergave.spreadsheet import Kolom, als_xlsx, csv_bestanden


def per_contract(profiel: Profiel, contracten: Iterable[Contract] | None = None
                 ) -> Iterator[tuple[Contract, socialreturn.Verplichting]]:
    """Every contract's obligation (or that of `contracten`), in their order, one at a time."""
    regel = profiel.regio.regels.socialreturn
    assert regel is not None, "alleen voor een regio met social return"
    looptijd = profiel.regio.aanbesteding.looptijd
    return ((c, socialreturn.bereken(regel, c, looptijd))
            for c in (profiel.contracten if contracten is None else contracten))


class Rijen(Sequence[dict[str, Any]]):
    """The rows of the overview's Word document, one per contract (`rij` makes one from the
    contract and its obligation), made afresh each time they are gone through or looked up:
    the overview's worker never holds the rows of 20,000 aanbieders at once. Shown (`repr`)
    and compared as the list of all rows."""

    __slots__ = ("_profiel", "_rij")

    def __init__(self, profiel: Profiel,
                 rij: Callable[[Contract, socialreturn.Verplichting], dict[str, Any]]) -> None:
        self._profiel, self._rij = profiel, rij

    def __len__(self) -> int:
        return len(self._profiel.contracten)

    def rij(self, contract: Contract, verplichting: socialreturn.Verplichting
            ) -> dict[str, Any]:
        """The row of `contract` with its obligation (see `per_contract`)."""
        return self._rij(contract, verplichting)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._rij(c, v) for c, v in per_contract(self._profiel))

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        ((contract, verplichting),) = per_contract(self._profiel, [self._profiel.contracten[i]])
        return self._rij(contract, verplichting)

    def __repr__(self) -> str:
        return repr(list(self))

    def __eq__(self, ander: object) -> bool:
        if not isinstance(ander, list | Rijen):
            return NotImplemented
        return list(self) == list(ander)

    __hash__ = None  # type: ignore[assignment]  # like a list


class Totalen:
    """What the overview says of all contracts together, counted one contract at a time."""

    def __init__(self, regel: SocialReturn) -> None:
        self.regel = regel
        self.heeft_voorbeeld = bool(regel.voorbeeld)
        self.totaal_voorbeeld = False  # a total built on an example value is an example too
        self.aantal_verplicht = 0
        self.som = Decimal(0)

    def tel(self, c: Contract, v: socialreturn.Verplichting) -> None:
        self.heeft_voorbeeld = self.heeft_voorbeeld or c.aanbieder.voorbeeld
        self.aantal_verplicht += v.verplicht
        if v.bedrag is not None:
            self.totaal_voorbeeld = self.totaal_voorbeeld or op_voorbeelden(self.regel,
                                                                            c.aanbieder)
            self.som += v.bedrag


KOLOMMEN = [
    Kolom("id", "Aanbieder-id", "tekst"),
    Kolom("naam", "Aanbieder", "tekst"),
    Kolom("jaaromzet", "Jaaromzet in de regio", "bedrag"),
    Kolom("aanneemsom", "Aanneemsom excl. btw", "bedrag"),
    Kolom("verplicht", "Verplicht", "ja/nee"),
    Kolom("per_jaar", "Per contractjaar", "bedrag"),
    Kolom("laatste_jaar", "Laatste contractjaar", "bedrag"),
    Kolom("bedrag", "Totaal over de looptijd", "bedrag"),
    Kolom("voorbeeld", "Voorbeeldgegevens", "ja/nee"),
]


def overzicht_rijen(profiel: Profiel) -> Iterable[dict[str, Any]]:
    """The overview's rows, made one at a time as they are gone through."""
    return _Rijen(profiel)


@dataclass(frozen=True)
class _Rijen:
    """The overview's rows, made afresh each time they are gone through (the workbook goes
    through them twice): a region of 20,000 aanbieders never has them all at once."""

    profiel: Profiel

    def __iter__(self) -> Iterator[dict[str, Any]]:
        regel = self.profiel.regio.regels.socialreturn
        assert regel is not None, "alleen voor een regio met social return"
        for c, v in per_contract(self.profiel):
            yield werkmaprij(regel, c, v)


def werkmaprij(regel: SocialReturn, c: Contract, v: socialreturn.Verplichting
               ) -> dict[str, Any]:
    """One row of the workbook and the csv files: a contract and its obligation."""
    return {"id": c.aanbieder.id, "perceel": str(c.perceel.nummer),
            "naam": c.aanbieder.naam, "jaaromzet": v.jaaromzet,
            "aanneemsom": v.aanneemsom, "verplicht": v.verplicht,
            "per_jaar": v.jaren[0].bedrag if v.jaren else None,
            "laatste_jaar": v.jaren[-1].bedrag if v.jaren else None, "bedrag": v.bedrag,
            "voorbeeld": op_voorbeelden(regel, c.aanbieder)}


def met_perceel(profiel: Profiel, kolommen: list[Kolom]) -> list[Kolom]:
    """The columns of an overview per contract: with the perceel where the tender has more."""
    if len(profiel.percelen) == 1:
        return kolommen
    return [kolommen[0], Kolom("perceel", "Perceel", "tekst"), *kolommen[1:]]


def overzicht_bestanden(profiel: Profiel, prijspeil: int) -> list[tuple[str, bytes]]:
    """The same overview as .xlsx (with totals and filters) and as two CSVs (for Dutch Excel
    and for scripts: `csv_bestanden`)."""
    rijen = _Rijen(profiel)
    kolommen = met_perceel(profiel, KOLOMMEN)
    titel = f"Social return {profiel.regio.naam}"
    tijdstip = profiel.prijspeilen[prijspeil].ingangsdatum
    return [("xlsx", als_xlsx(titel, kolommen, rijen, totaal_van=["bedrag"], tijdstip=tijdstip)),
            *csv_bestanden(kolommen, rijen)]
