"""What a run of the pipeline did (`Resultaat`). Light on purpose: an unchanged rerun decided
without loading the profile (see `opdrachten.snelpad`) returns one without loading the
pipeline, the manifest's model or pydantic."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contracten.fouten import ContractenFout

if TYPE_CHECKING:
    from contracten.lezen.vingerafdruk import Gezien
    from contracten.uitvoer.manifest import Manifest

MANIFEST = "manifest.json"  # uitvoer.manifest.BESTAND, without loading its models


@dataclass(frozen=True)
class Resultaat:
    """What a run did. Paths are relative to `map`."""

    map: Path
    manifest: Manifest
    geschreven: list[str] = field(default_factory=list)  # made by this run
    ongewijzigd: list[str] = field(default_factory=list)  # kept from the previous run
    verwijderd: list[str] = field(default_factory=list)  # no longer made, so removed
    naast_definitief: list[str] = field(default_factory=list)  # finalised; new version beside
    waarschuwingen: list[str] = field(default_factory=list)
    # The states of the files it kept as it looked at them before it began, when it made few
    # documents: recording the run (`opdrachten.snelpad`) need not look at them again.
    gezien: Gezien | None = field(default=None, repr=False, compare=False)

    def manifest_als_json(self) -> dict[str, Any]:
        """The manifest as `--json` shows it (`Manifest.als_json`, the shape of manifest.json)."""
        return self.manifest.als_json()


class OngewijzigdResultaat(Resultaat):
    """A run that found its folder up to date without loading the profile (see
    `opdrachten.snelpad`): nothing written, nothing removed, no warning. Its manifest is the
    one in `map`, read only when asked for."""

    def __init__(self, map_: Path, ongewijzigd: list[str]) -> None:
        object.__setattr__(self, "map", map_)
        object.__setattr__(self, "ongewijzigd", ongewijzigd)
        for naam in ("geschreven", "verwijderd", "naast_definitief", "waarschuwingen"):
            object.__setattr__(self, naam, [])

    def __getattr__(self, naam: str) -> Any:
        if naam != "manifest":
            raise AttributeError(naam)
        from contracten.uitvoer import manifest

        gelezen = manifest.lees(self.map)
        if gelezen is None:
            raise ContractenFout(f"{self.map / MANIFEST} is verdwenen tijdens de run.")
        object.__setattr__(self, "manifest", gelezen)
        return gelezen

    def manifest_als_json(self) -> dict[str, Any]:
        """manifest.json as it is: written by `uitvoer.manifest.schrijf` in exactly the shape of
        `Manifest.als_json`, so it need not pass through the model (and pydantic) to be shown."""
        if "manifest" in self.__dict__:
            return super().manifest_als_json()
        try:
            gelezen: dict[str, Any] = json.loads((self.map / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return super().manifest_als_json()  # as the model reads it, with its message
        return gelezen
