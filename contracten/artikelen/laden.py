"""Load the article library: the summaries shipped with the package (or a project's own copy in
./artikelen/), with the official text laid over them once it has been imported."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from contracten.artikelen.model import Artikel, Bibliotheek, Index, Lid
from contracten.fouten import InvoerFout, Melding
from contracten.lezen.bron import lees_yaml
from contracten.lezen.meldingen import uit_validatie

PAKKET = Path(str(files("contracten.artikeldata")))
OFFICIEEL = "officieel.yaml"


def projectmap(artikelen: Path | None) -> Path:
    """The project's library folder: where imported official text goes (default ./artikelen)."""
    return artikelen if artikelen is not None else Path("artikelen")


def laad_bibliotheek(artikelen: Path | None = None) -> Bibliotheek:
    """The library to build contracts from. Summaries come from the project folder when it has
    its own (index.yaml), else from the package; an imported official text replaces them."""
    project = projectmap(artikelen)
    basis = project if (project / "index.yaml").is_file() else PAKKET
    meldingen: list[Melding] = []
    index = _lees(basis / "index.yaml", Index, meldingen)
    artikelen_: dict[str, Artikel] = {}
    bestanden = {"artikelen/index.yaml": basis / "index.yaml"}
    if index is not None:
        for nummer in [n for o in index.volgorde for n in o.nummers()]:
            pad = basis / f"{nummer}.yaml"
            bestanden[f"artikelen/{pad.name}"] = pad
            artikel = _lees(pad, Artikel, meldingen)
            if artikel is not None:
                artikelen_[nummer] = artikel
    if meldingen or index is None:
        raise InvoerFout(meldingen, "De artikelbibliotheek is ongeldig")
    officieel = project / OFFICIEEL
    if officieel.is_file():
        bestanden[f"artikelen/{OFFICIEEL}"] = officieel
        artikelen_ = leg_over(artikelen_, _lees(officieel, Officieel, meldingen))
        if meldingen:
            raise InvoerFout(meldingen, "De geïmporteerde officiële tekst is ongeldig")
    return Bibliotheek(index=index, artikelen=artikelen_, bestanden=bestanden)


class OfficieelArtikel(BaseModel):
    nummer: str
    titel: str
    leden: list[str]


class Officieel(BaseModel):
    """What `artikelen importeer` stores: the standard's text as published, article by article."""

    versie: str
    bestand: str
    sha256: str
    artikelen: list[OfficieelArtikel]


def leg_over(artikelen: dict[str, Artikel], officieel: Officieel | None) -> dict[str, Artikel]:
    """Replace the summaries by the official text where it applies (see `toepasbaar`)."""
    if officieel is None:
        return artikelen
    uit = dict(artikelen)
    for o in officieel.artikelen:
        eigen = artikelen.get(o.nummer)
        if eigen is not None and toepasbaar(eigen):
            uit[o.nummer] = eigen.model_copy(update={
                "titel": o.titel, "bron": "officieel", "versie": officieel.versie,
                "sha256": officieel.sha256, "leden": [Lid(tekst=t) for t in o.leden]})
    return uit


def toepasbaar(artikel: Artikel) -> bool:
    """Whether the official text replaces the summary: always for the generic part (Deel 3),
    which the standard prescribes word for word, including its passages per uitvoeringsvariant;
    elsewhere only for an article whose leden hold no choice left to the region. An article of
    Deel 1 or 2 with a choice (the termination option of 1.3, the procedure) keeps its summary:
    which of the official alternatives applies is the region's decision, and the importer cannot
    tell the alternatives apart reliably."""
    return artikel.status == "verbatim" or all(lid.keuze is None for lid in artikel.leden)


def _lees(pad: Path, model: type[BaseModel], meldingen: list[Melding]) -> Any:
    bron, problemen = lees_yaml(pad, f"artikelen/{pad.name}")
    meldingen += problemen
    if bron is None:
        return None
    try:
        return model.model_validate(bron.data)
    except ValidationError as exc:
        meldingen += uit_validatie(exc, bron)
        return None


def als_yaml(officieel: Officieel) -> str:
    kop = ("# De officiële tekst van de Contractstandaard Wmo, geïmporteerd met 'contracten "
           "artikelen importeer'.\n# Niet met de hand wijzigen: importeer opnieuw.\n")
    return kop + yaml.safe_dump(officieel.model_dump(), allow_unicode=True, sort_keys=False,
                                width=100)

