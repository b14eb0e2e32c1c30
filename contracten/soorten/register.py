"""The document kinds: which template, one per region or per aanbieder, and which context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.soorten import indexatiebrief, overeenkomst, programma_van_eisen
from contracten.soorten import socialreturn as socialreturn_documenten

FORMATEN = ("docx", "md", "html", "pdf")
PAKKET_SJABLONEN = Path(str(files("contracten.sjablonen")))


@dataclass(frozen=True)
class Uitvoering:
    """What a run adds to the profile: the version stamp and the date letters carry."""

    versie: str
    datum: dt.date


@dataclass(frozen=True)
class Soort:
    """A document kind: its template, whether there is one per aanbieder, and its context."""

    sjabloon: str
    per_aanbieder: bool
    pad: Callable[[Aanbieder | None], str]  # relative path without extension
    titel: Callable[[Profiel, Aanbieder | None], str]
    context: Callable[[Profiel, int, Aanbieder | None, Uitvoering], dict[str, Any]]
    beschikbaar: Callable[[Profiel, int], bool] = lambda profiel, prijspeil: True
    # More files beside the .docx, e.g. the overview as .xlsx and .csv: (formaat, inhoud).
    extra: Callable[[Profiel, int], list[tuple[str, bytes]]] | None = None
    alle_aanbieders: bool = False  # lists every aanbieder: remade when any of them changes
    met_datum: bool = False  # carries the run's date (a letter)
    # Provenance for legal review: per heading (or "*" for the whole document) the profile
    # fields it is made from.
    herkomst: Callable[[Profiel, Aanbieder | None, int], dict[str, list[str]]] = \
        lambda profiel, aanbieder, prijspeil: {}


SOORTEN: dict[str, Soort] = {
    "programma-van-eisen": Soort(
        sjabloon="programma-van-eisen.docx",
        per_aanbieder=False,
        pad=lambda a: "programma-van-eisen",
        titel=lambda p, a: p.programma.titel,
        context=lambda p, jaar, a, u: programma_van_eisen.context(p, jaar, u.versie),
        herkomst=programma_van_eisen.herkomst,
    ),
    "overeenkomst": Soort(
        sjabloon="overeenkomst.docx",
        per_aanbieder=True,
        pad=lambda a: f"overeenkomsten/{a.id}",  # type: ignore[union-attr]
        titel=lambda p, a: f"Overeenkomst {p.regio.aanbesteding.perceel} — {a.naam}",  # type: ignore[union-attr]
        context=lambda p, jaar, a, u: overeenkomst.context(p, jaar, a, u.versie),  # type: ignore[arg-type]
        herkomst=overeenkomst.herkomst,
    ),
    "indexatiebrief": Soort(
        sjabloon="indexatiebrief.docx",
        per_aanbieder=True,
        pad=lambda a: f"brieven/indexatie/{a.id}",  # type: ignore[union-attr]
        titel=lambda p, a: f"Indexatie tarieven — {a.naam}",  # type: ignore[union-attr]
        context=lambda p, jaar, a, u: indexatiebrief.context(p, jaar, a, u.versie),  # type: ignore[arg-type]
        beschikbaar=indexatiebrief.beschikbaar,
        herkomst=lambda p, a, jaar: {"*": [
            f"{p.sleutel}/tarieven/{jaar}.yaml: indexatie, bedragen",
            f"{p.sleutel}/aanbieders.yaml: aanbieders[{a.id}].producten, contact, adres"]},  # type: ignore[union-attr]
    ),
    "socialreturn-overzicht": Soort(
        sjabloon="socialreturn-overzicht.docx",
        per_aanbieder=False,
        pad=lambda a: "socialreturn-overzicht",
        titel=lambda p, a: f"Social return {p.regio.naam}",
        context=lambda p, jaar, a, u: socialreturn_documenten.overzicht_context(p, jaar, u.versie),
        beschikbaar=socialreturn_documenten.beschikbaar,
        extra=socialreturn_documenten.overzicht_bestanden,
        alle_aanbieders=True,
        herkomst=lambda p, a, jaar: {"*": [
            f"{p.sleutel}/regio.yaml: regels.socialreturn",
            f"{p.sleutel}/aanbieders.yaml: aanbieders[].jaaromzet, aanneemsom"]},
    ),
    "socialreturn-brief": Soort(
        sjabloon="socialreturn-brief.docx",
        per_aanbieder=True,
        pad=lambda a: f"brieven/socialreturn/{a.id}",  # type: ignore[union-attr]
        titel=lambda p, a: f"Social return — {a.naam}",  # type: ignore[union-attr]
        context=lambda p, jaar, a, u: socialreturn_documenten.brief_context(p, jaar, a, u),  # type: ignore[arg-type]
        beschikbaar=socialreturn_documenten.beschikbaar,
        met_datum=True,
        herkomst=lambda p, a, jaar: {"*": [
            f"{p.sleutel}/regio.yaml: regels.socialreturn (ook brief_verplicht, "
            "brief_waar_mogelijk)",
            f"{p.sleutel}/aanbieders.yaml: aanbieders[{a.id}].jaaromzet, aanneemsom, contact"]},  # type: ignore[union-attr]
    ),
}


def sjablonenmap(sjablonen: Path | None) -> Path:
    if sjablonen is not None:
        return sjablonen
    lokaal = Path("sjablonen")
    return lokaal if lokaal.is_dir() else PAKKET_SJABLONEN
