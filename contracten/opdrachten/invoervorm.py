"""The shape of a contract's case for `valideer`, read from the contract's input instead of
from its context: a region of 10,000 aanbieders need not have 10,000 contexts built to find
that they take the same branches of every template.

Two contracts have the same input shape when they are in the same perceel (with the same
`enkel`/`meer`), their aanbieders list the same producten and percelen, have the same value in
every field not named below (btw_percentage, voorbeeld, and any field added later), and differ
only in:

- what identifies or addresses them (`VRIJE_TEKST`: id, naam, KvK, AGB, adres, contact,
  vertegenwoordiger, the letters' t.a.v. and aanhef, an onderaannemer's naam and KvK): only
  whether each is given (None, empty or not) counts, as a template tests no more of it;
- their amounts (`BEDRAGEN`: jaaromzet, aanneemsom, …): only their sign and on which side of
  each threshold of the region they are (the social-return drempel: above it social return is
  owed), the only comparisons the documents make with them.

Contracts of the same input shape get contexts of the same shape (see `valideer.vorm`), so a
template is filled for one of them. What is wrong in one aanbieder's own data (a KvK-nummer, an
amount, an unknown product) is found by the profile's models when the region loads.

A kind that lists every aanbieder (the social-return overview, one row per contract) is filled
for the region with at most two aanbieders per input shape (`vertegenwoordigd`): its rows then
take every shape the full region's rows take, each at least once, so its context has the same
shape (a list's shape is the set of its rows' shapes, see `valideer.vorm`) and every branch of
the row part is filled, for a first row of a shape and for a next one. Two, not one: a count of
aanbieders is then none, one or more in both (a template says "de enige aanbieder" or "van de
3 aanbieders")."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract

VRIJE_TEKST = frozenset({"id", "naam", "kvk", "agb", "adres", "contact", "vertegenwoordiger",
                         "brief"})
PER_VORM = 2  # aanbieders kept per input shape for a kind that lists every aanbieder
BEDRAGEN = frozenset({"jaaromzet", "aanneemsom", "aanneemsom_incl_btw", "bestedingsruimte",
                      "aanneemsom_per_perceel"})


def drempels(profiel: Profiel) -> tuple[Decimal, ...]:
    """The amounts of the region an aanbieder's amounts are compared with."""
    regel = profiel.regio.regels.socialreturn
    return (regel.drempel,) if regel is not None else ()


def invoervorm(contract: Contract, grenzen: tuple[Decimal, ...]) -> Hashable:
    """The input shape of one contract (see the module's note)."""
    return (contract.perceel.nummer, contract.enkel, contract.meer,
            _vorm(contract.aanbieder, grenzen, ""))


def vormen_van(profiel: Profiel, vormen: dict[str, Hashable], grenzen: tuple[Decimal, ...]
               ) -> list[Hashable]:
    """The input shape of every contract of `profiel`, in order; `vormen` (by contract key)
    keeps them for the next kind."""
    uit = []
    for contract in profiel.contracten:
        vorm_ = vormen.get(contract.sleutel)
        if vorm_ is None:
            vorm_ = vormen[contract.sleutel] = invoervorm(contract, grenzen)
        uit.append(vorm_)
    return uit


def vertegenwoordigd(profiel: Profiel, vormen: dict[str, Hashable],
                     grenzen: tuple[Decimal, ...]) -> Profiel:
    """The region with only the aanbieders that hold the first or second contract of an input
    shape, in their order: its contracts take every input shape the region's take and no other,
    and every count of them is none, one or more as in the region (see the module's note)."""
    gezien: dict[Hashable, int] = {}
    houden: set[int] = set()
    for contract, vorm_ in zip(profiel.contracten, vormen_van(profiel, vormen, grenzen),
                               strict=True):
        if gezien.get(vorm_, 0) < PER_VORM:
            gezien[vorm_] = gezien.get(vorm_, 0) + 1
            houden.add(id(contract.aanbieder))
    if len(houden) == len(profiel.aanbieders):
        return profiel
    kleiner = profiel.model_copy(
        update={"aanbieders": [a for a in profiel.aanbieders if id(a) in houden]})
    for afgeleid in ("percelen", "contracten", "contractnummers"):  # cached: from the aanbieders
        kleiner.__dict__.pop(afgeleid, None)
    return kleiner


def _velden(waarde: Any) -> list[tuple[str, Any]] | None:
    """The fields of a model or dataclass, in their order; None for any other value."""
    soort = type(waarde)
    if soort not in _NAMEN:
        _NAMEN[soort] = (tuple(soort.model_fields) if isinstance(waarde, BaseModel)
                         else tuple(f.name for f in dataclasses.fields(waarde))
                         if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type)
                         else None)
    namen = _NAMEN[soort]
    return None if namen is None else [(naam, getattr(waarde, naam)) for naam in namen]


# Per type: the names of its fields (a model or dataclass), or None (any other value).
_NAMEN: dict[type, tuple[str, ...] | None] = {}


def _vorm(waarde: Any, grenzen: tuple[Decimal, ...], veld: str) -> Hashable:
    if veld in VRIJE_TEKST:
        return _gegeven(waarde)
    if veld in BEDRAGEN:
        return _bedrag(waarde, grenzen)
    velden = _velden(waarde)
    if velden is not None:
        return (type(waarde).__name__, tuple((n, _vorm(v, grenzen, n)) for n, v in velden))
    if isinstance(waarde, list | tuple):
        return ("lijst", tuple(_vorm(v, grenzen, veld) for v in waarde))
    if isinstance(waarde, dict):
        return ("dict", tuple(sorted(((k, _vorm(v, grenzen, veld)) for k, v in waarde.items()),
                                     key=repr)))
    return waarde if isinstance(waarde, Hashable) else repr(waarde)


def _gegeven(waarde: Any) -> Hashable:
    """Free text: only whether each part is given."""
    if waarde is None or isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, str):
        return ("tekst", bool(waarde))
    velden = _velden(waarde)
    if velden is not None:
        return (type(waarde).__name__, tuple((n, _gegeven(v)) for n, v in velden))
    if isinstance(waarde, list | tuple):
        return ("lijst", tuple(_gegeven(v) for v in waarde))
    return (type(waarde).__name__, bool(waarde))


def _bedrag(waarde: Any, grenzen: tuple[Decimal, ...]) -> Hashable:
    """An amount: its sign and its side of each threshold."""
    if waarde is None:
        return None
    if isinstance(waarde, dict):
        return ("dict", tuple(sorted(((k, _bedrag(v, grenzen)) for k, v in waarde.items()),
                                     key=repr)))
    if isinstance(waarde, int | Decimal) and not isinstance(waarde, bool):
        teken = (waarde > 0) - (waarde < 0)
        return ("bedrag", teken, tuple(waarde > g for g in grenzen))
    return _vorm(waarde, grenzen, "")
