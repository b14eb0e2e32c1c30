"""`bijwerken`: rewrite a region profile of an older format to the current one, keeping its
comments, order and notation; first as a diff to read, then (when asked) written."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from contracten.fouten import InvoerFout
from contracten.lezen.bron import lees_yaml, yaml_uit_tekst
from contracten.lezen.meldingen import uit_validatie
from contracten.profiel.formaat import FORMAAT, Omzetting, regio_naar_huidig
from contracten.profiel.laden import regio_map
from contracten.profiel.model import RegioGegevens
from contracten.profiel.wissel import Profielwissel


@dataclass(frozen=True)
class Bijwerking:
    regio: str
    map: Path
    omzettingen: list[Omzetting]  # empty: the profile is of the current format already
    geschreven: bool

    @property
    def formaat(self) -> int:
        return FORMAAT

    def verschil(self) -> str:
        """The change as a unified diff, per file."""
        return "".join(
            "".join(difflib.unified_diff(o.oud.splitlines(keepends=True),
                                         o.nieuw.splitlines(keepends=True),
                                         f"{self.regio}/{o.bestand} (nu)",
                                         f"{self.regio}/{o.bestand} (formaat {FORMAAT})"))
            for o in self.omzettingen)


def bijwerken(regios: Path | str, regio: str, *, schrijven: bool = False) -> Bijwerking:
    """The rewrite of region `regio` (a folder in `regios`) to the current format; written only
    with `schrijven`, and only when the rewritten files validate as they did before."""
    map_ = regio_map(Path(regios), regio)
    pad = map_ / "regio.yaml"
    omzetting = regio_naar_huidig(pad.read_text(encoding="utf-8"))
    omzettingen = [omzetting] if omzetting is not None else []
    for o in omzettingen:
        _zelfde_betekenis(map_, o, f"{regio}/{o.bestand}")
    if schrijven and omzettingen:
        with Profielwissel(map_) as wissel:  # all files or none, see profiel.wissel
            for o in omzettingen:
                wissel.schrijf(o.bestand, o.nieuw.encode("utf-8"))
            wissel.voltooi()
    return Bijwerking(regio, map_, omzettingen, schrijven and bool(omzettingen))


def _zelfde_betekenis(map_: Path, omzetting: Omzetting, naam: str) -> None:
    """The rewritten regio.yaml says what the old one said (its percelen alike), or the
    rewrite is refused with the problem named."""
    oud, _ = lees_yaml(map_ / omzetting.bestand, naam)
    nieuw, problemen = yaml_uit_tekst(omzetting.nieuw, naam, map_ / omzetting.bestand)
    if nieuw is None:  # never: ruamel wrote it
        raise InvoerFout(problemen, f"{naam} kan niet worden bijgewerkt")
    try:
        voor = RegioGegevens.model_validate(oud.data) if oud is not None else None
    except ValidationError:
        voor = None  # an invalid profile is rewritten all the same; `valideer` names its faults
    try:
        na = RegioGegevens.model_validate(nieuw.data)
    except ValidationError as exc:
        if voor is None:
            return
        raise InvoerFout(uit_validatie(exc, nieuw, model=RegioGegevens, pagina="regio"),
                         f"{naam} kan niet worden bijgewerkt") from exc
    if voor is not None and voor.percelen() != na.percelen():
        raise InvoerFout([], f"{naam} kan niet worden bijgewerkt: de percelen zouden veranderen")
