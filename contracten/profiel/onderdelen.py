"""The parts of a region profile that loaded, as the cross-checks of `validatie` see them."""

from __future__ import annotations

from dataclasses import dataclass

from contracten.artikelen.model import Bibliotheek
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.inhoud import Inhoud, Programma
from contracten.profiel.model import RegioGegevens
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import Perceel, met_producten
from contracten.profiel.tarieven import Prijspeil


@dataclass(frozen=True)
class Onderdelen:
    """The parts of a region that loaded; None where a file was missing or invalid."""

    regio: RegioGegevens | None
    inhoud: Inhoud | None
    programma: Programma | None
    aanbieders: list[Aanbieder] | None
    prijspeilen: dict[int, Prijspeil] | None
    overeenkomst: OvereenkomstKeuzes | None = None
    bibliotheek: Bibliotheek | None = None

    def vormen(self) -> set[str]:
        """The tender's bekostigingsvormen; every one while regio.yaml is unknown."""
        # Unknown (a perceel without one is reported): every kind, so no follow-up errors.
        if self.regio is None or any(p.bekostigingsvorm is None for p in self.regio.percelen()):
            return {"taakgericht", "outputgericht"}
        return self.regio.vormen()

    def eenheden(self) -> set[str]:
        """Keys of what the region buys: functies for taakgerichte percelen, producten for
        the others; both kinds while the bekostigingsvorm is unknown."""
        assert self.inhoud is not None
        uit: set[str] = set()
        if "taakgericht" in self.vormen():
            uit |= {f.sleutel for f in self.inhoud.functies}
        if self.vormen() - {"taakgericht"}:
            uit |= {p.sleutel for p in self.inhoud.producten}
        return uit

    def eenheid_woord(self) -> str:
        """'bekende functie' / 'bekend product' (het product: no -e), for "is geen …"."""
        vormen = self.vormen()
        if vormen == {"taakgericht"}:
            return "bekende functie"
        return "bekend product" if "taakgericht" not in vormen \
            else "bekende functie of bekend product"

    def percelen(self) -> list[Perceel]:
        assert self.regio is not None and self.inhoud is not None
        return met_producten(self.regio.percelen(), [f.sleutel for f in self.inhoud.functies],
                             [p.sleutel for p in self.inhoud.producten])
