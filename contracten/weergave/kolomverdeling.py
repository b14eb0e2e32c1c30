"""How a table's text width is shared over its columns, given what each column needs at least
(see `tabelbreedte`)."""

from __future__ import annotations

import math


def verdeel(huidig: list[int], minima: list[int], beschikbaar: int) -> list[int]:
    """Column widths: `huidig` when every column has its minimum and the table fits; else each
    column at least its minimum, the rest of `beschikbaar` shared in the proportions of
    `huidig`. When even the minima do not fit, they are scaled down to fit."""
    if all(h >= m for h, m in zip(huidig, minima, strict=True)) and sum(huidig) <= beschikbaar:
        return list(huidig)
    if sum(minima) >= beschikbaar:
        return _afgerond([m * beschikbaar / sum(minima) for m in minima], beschikbaar)
    gewicht = [max(h, 1) for h in huidig]
    vast: dict[int, float] = {}
    while True:
        rest = beschikbaar - sum(vast.values())
        vrij = [i for i in range(len(huidig)) if i not in vast]
        totaal = sum(gewicht[i] for i in vrij)
        voorstel = {i: gewicht[i] * rest / totaal for i in vrij}
        te_smal = {i: float(minima[i]) for i, b in voorstel.items() if b < minima[i]}
        if not te_smal:
            return _afgerond([vast.get(i, voorstel.get(i, 0.0)) for i in range(len(huidig))],
                             beschikbaar)
        vast |= te_smal


def _afgerond(breedtes: list[float], totaal: int) -> list[int]:
    uit = [math.floor(b) for b in breedtes]
    uit[max(range(len(uit)), key=lambda i: breedtes[i])] += totaal - sum(uit)
    return uit
