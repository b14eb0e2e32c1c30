"""A tender of two percelen to test with: the Assen example split into 'Beschermd wonen'
(perceel 1) and 'Thuis en dagbesteding' (perceel 2). Several aanbieders deliver products of both
and so hold two contracts, among them zorg-welzijn-de-brug (TWEE) and wonen-plus (perceel 1
only)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from .conftest import wijzig_yaml

TWEE = "zorg-welzijn-de-brug"  # holds perceel 1 and 2
EEN = "wonen-plus"  # holds perceel 1 only
DATUM = dt.date(2026, 11, 23)
PERCELEN = [
    {"nummer": 1, "naam": "Beschermd wonen",
     "producten": ["bw-toezicht", "bw-nabij", "begeleiding-complex",
                   "begeleid-kamer-wonen-incl", "begeleid-kamer-wonen-excl"]},
    {"nummer": 2, "naam": "Thuis en dagbesteding",
     "producten": ["thuiswonen-licht", "thuiswonen-intensief", "dagbesteding",
                   "begeleiding-complex", "vervoer-0-10", "vervoer-11-20", "vervoer-21-30"]},
]


def in_twee_percelen(regios: Path) -> Path:
    """Turn the copy of the example regions at `regios` into a tender of two percelen (Assen);
    returns Assen's folder."""
    def regio(data: dict) -> None:
        data["aanbesteding"].pop("perceel")
        data["aanbesteding"]["percelen"] = PERCELEN

    def aanbieders(data: dict) -> None:
        for a in data["aanbieders"]:
            if a["id"] == TWEE:
                a["percelen"] = [1, 2]
            beide = all(set(a["producten"]) & set(p["producten"]) for p in PERCELEN)
            if beide and a["jaaromzet"] > 200000 and a.get("aanneemsom") is not None:
                # Social return is owed per contract: its aanneemsom per perceel (60/40).
                totaal = Decimal(str(a.pop("aanneemsom")))
                een = (totaal * Decimal("0.6")).quantize(Decimal("0.01"))
                a["aanneemsom_per_perceel"] = {1: float(een), 2: float(totaal - een)}

    wijzig_yaml(regios / "assen/regio.yaml", regio)
    wijzig_yaml(regios / "assen/aanbieders.yaml", aanbieders)
    return regios / "assen"
