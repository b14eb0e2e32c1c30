"""A tender of two percelen made from the example region Assen, for tests that need one before
an example region of several percelen is at hand: perceel 1 "Verblijf" (the residential
products), perceel 2 "Ambulant en dagbesteding" (the rest). Three aanbieders deliver in both,
so hold two contracts; those obliged to social return get an aanneemsom per perceel."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from .conftest import wijzig_yaml

VERBLIJF = ["bw-toezicht", "bw-nabij", "begeleid-kamer-wonen-incl", "begeleid-kamer-wonen-excl"]
IN_BEIDE = ["zorg-welzijn-de-brug", "stichting-drentse-horizon", "stichting-kamerkompas"]


def twee_percelen(regio: Path) -> None:
    """Turn the copy of Assen in `regio` into a tender of two percelen (format 2)."""
    def regio_yaml(data: dict[str, Any]) -> None:
        aanbesteding = data["aanbesteding"]
        del aanbesteding["perceel"]
        aanbesteding["percelen"] = [
            {"nummer": 1, "naam": "Verblijf", "producten": VERBLIJF},
            {"nummer": 2, "naam": "Ambulant en dagbesteding",
             "producten": ["thuiswonen-licht", "thuiswonen-intensief", "dagbesteding",
                           "begeleiding-complex", "vervoer-0-10", "vervoer-11-20",
                           "vervoer-21-30"]}]
        data["formaat"] = 2

    def aanbieders_yaml(data: dict[str, Any]) -> None:
        for a in data["aanbieders"]:
            if a["id"] in IN_BEIDE and a.get("aanneemsom") is not None:
                totaal = Decimal(str(a.pop("aanneemsom")))
                verblijf = (totaal * Decimal("0.6")).quantize(Decimal("0.01"))
                a["aanneemsom_per_perceel"] = {1: float(verblijf), 2: float(totaal - verblijf)}

    wijzig_yaml(regio / "regio.yaml", regio_yaml)
    wijzig_yaml(regio / "aanbieders.yaml", aanbieders_yaml)
