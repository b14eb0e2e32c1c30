"""Load the article library: the summaries shipped with the package (or a project's own copy in
./artikelen/), with the official text laid over them once it has been imported."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from contracten.artikelen.model import Artikel, Bibliotheek, Index
from contracten.artikelen.officieel import OUD, Officieel, opgeslagen, versienummer, volgorde
from contracten.artikelen.overleggen import leg_over
from contracten.fouten import InvoerFout, Melding
from contracten.lezen.bewaard import Bewaard
from contracten.lezen.bron import lees_yaml
from contracten.lezen.meldingen import uit_validatie

PAKKET = Path(str(files("contracten.artikeldata")))


def projectmap(artikelen: Path | None) -> Path:
    """The project's library folder: where imported official text goes (default ./artikelen)."""
    return artikelen if artikelen is not None else Path("artikelen")


def laad_bibliotheek(artikelen: Path | None = None, versie: str | None = None, *,
                     bron: str = "overeenkomst.yaml", nieuwste: bool = False) -> Bibliotheek:
    """The library to build contracts from. Summaries come from the project folder when it has
    its own (index.yaml), else from the package; an imported official text replaces them.

    `versie` is the version the region contracts under (overeenkomst.yaml `csw_versie`, named
    in messages as `bron`). Without it, only an import of the version the summaries follow is
    used; any other imported version makes the region choose (never a silent change of text),
    unless `nieuwste` asks for the newest (for listing the library)."""
    project = projectmap(artikelen)
    index, artikelen_, bestanden = samenvattingen(project)
    versies = officiele_versies(project)
    gekozen = _kies(versies, versie, index, bron, nieuwste)
    alle = [o.versie for o, _ in versies.values()]
    if gekozen is None:
        return Bibliotheek(index=index, artikelen=artikelen_, bestanden=bestanden, versies=alle)
    officieel, pad = gekozen
    bestanden[f"artikelen/{pad.name}"] = pad
    overlegd = leg_over(artikelen_, officieel, index)
    waarschuwingen = [f"{pad} is geïmporteerd door een eerdere versie van dit programma: de "
                      "passages per uitvoeringsvariant en procedure zijn daarin niet als variant "
                      "herkend; importeer de officiële tekst opnieuw"] if pad.name == OUD else []
    return Bibliotheek(index=index, artikelen=overlegd.artikelen, bestanden=bestanden,
                       versie=officieel.versie, versies=alle,
                       niet_in_versie=overlegd.niet_in_versie, waarschuwingen=waarschuwingen)


def samenvattingen(project: Path) -> tuple[Index, dict[str, Artikel], dict[str, Path]]:
    """The index and the library's own texts (the project's copy, else the package's), and
    the files they were read from. Raises InvoerFout naming every invalid file."""
    basis = project if (project / "index.yaml").is_file() else PAKKET
    meldingen: list[Melding] = []
    index = _lees(basis / "index.yaml", Index, meldingen)
    artikelen: dict[str, Artikel] = {}
    bestanden = {"artikelen/index.yaml": basis / "index.yaml"}
    if index is not None:
        for nummer in [n for o in index.volgorde for n in o.nummers()]:
            pad = basis / f"{nummer}.yaml"
            bestanden[f"artikelen/{pad.name}"] = pad
            artikel = _lees(pad, Artikel, meldingen)
            if artikel is not None:
                artikelen[nummer] = artikel
    if meldingen or index is None:
        raise InvoerFout(meldingen, "De artikelbibliotheek is ongeldig")
    return index, artikelen, bestanden


def officiele_versies(project: Path) -> dict[str, tuple[Officieel, Path]]:
    """Every imported official text in the project's library folder, by version number
    ("1.2"), oldest first. Raises InvoerFout when one is unreadable."""
    meldingen: list[Melding] = []
    uit: dict[str, tuple[Officieel, Path]] = {}
    for pad in opgeslagen(project):
        officieel = _lees(pad, Officieel, meldingen)
        if officieel is not None:
            uit.setdefault(officieel.nummer, (officieel, pad))
    if meldingen:
        raise InvoerFout(meldingen, "De geïmporteerde officiële tekst is ongeldig")
    return dict(sorted(uit.items(), key=lambda kv: volgorde(kv[0])))


def _kies(versies: dict[str, tuple[Officieel, Path]], versie: str | None, index: Index,
          bron: str, nieuwste: bool) -> tuple[Officieel, Path] | None:
    if versie is not None:
        nummer = versienummer(versie)
        if nummer in versies:
            return versies[nummer]
        if versienummer(index.versie) == nummer:
            return None  # drafting under this version with the library's summaries
        bekend = ", ".join(versies) or "geen"
        raise InvoerFout([Melding(bron, None, "csw_versie", f"versie {nummer} van de "
                                  f"Contractstandaard is niet geïmporteerd (geïmporteerd: {bekend}"
                                  f"; de samenvattingen volgen {index.versie}); importeer die "
                                  "versie met 'contracten artikelen importeer BESTAND'",
                                  "csw_versie_onbekend")], "De gekozen versie ontbreekt")
    if not versies:
        return None
    if nieuwste:
        return list(versies.values())[-1]
    eigen = versienummer(index.versie)
    if len(versies) > 1 or eigen not in versies:
        # Without a choice only the import of the version the library follows is used: an
        # import of another version never changes a region's contracts unseen.
        raise InvoerFout([Melding(bron, None, "csw_versie", "er is een andere versie van de "
                                  f"Contractstandaard geïmporteerd ({', '.join(versies)}) dan de "
                                  f"samenvattingen volgen ({eigen}); kies met csw_versie onder "
                                  "welke versie de regio contracteert, zodat geen overeenkomst "
                                  "ongemerkt van tekst verandert", "csw_versie_kiezen")],
                         "Kies een versie")
    return list(versies.values())[-1]


# Library files as last read, per path and model. Every region loads the same library;
# `contracten regios` or the web loading several regions reads it once. Only frozen models (the
# summaries and the index) are kept: they are shared.
_GELEZEN: Bewaard[Any] = Bewaard(1024)


def _lees(pad: Path, model: type[BaseModel], meldingen: list[Melding]) -> Any:
    if model.model_config.get("frozen"):
        return _GELEZEN.lees(pad, lambda: _lees_vers(pad, model, meldingen), soort=model)
    return _lees_vers(pad, model, meldingen)


def _lees_vers(pad: Path, model: type[BaseModel], meldingen: list[Melding]) -> Any:
    bron, problemen = lees_yaml(pad, f"artikelen/{pad.name}")
    meldingen += problemen
    if bron is None:
        return None
    try:
        return model.model_validate(bron.data)
    except ValidationError as exc:
        meldingen += uit_validatie(exc, bron, model=model)  # no profile file: no site link
        return None
