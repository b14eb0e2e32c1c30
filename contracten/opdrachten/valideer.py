"""`valideer`: check a region's templates with the engine that renders them. Every variable a
template uses must exist in its kind's context, every tag must be whole (not split by Word), and
the template must fill without error for every case, where cases whose contexts have the same
shape (which `if` and `for` they can take) are tried once. Of contracts whose input has the same
shape (`invoervorm`: aanbieders that differ only in names, numbers, addresses and amounts on the
same side of the region's thresholds) only the first has its contexts built at all; a kind that
lists every aanbieder is filled for the region with one aanbieder per input shape."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.gcpauze import bevroren, zonder_gc

# Most of the library comes with this module (the profile's models, the document kinds, the
# engine): imported with the cyclic collector paused, as a profile is read (lezen/gcpauze.py).
with zonder_gc():
    from pydantic import BaseModel

    from contracten.opdrachten.invoervorm import drempels, invoervorm, vertegenwoordigd
    from contracten.profiel.model import Profiel
    from contracten.profiel.percelen import Contract
    from contracten.profiel.tarieven import IndexatieRecord
    from contracten.rekenen.indexatie import indexeer
    from contracten.rekenen.verwijzingen import bungelend, verwijzingen
    from contracten.soorten.basis import Soort, Uitvoering
    from contracten.soorten.overeenkomst import structuur
    from contracten.soorten.register import sjablonenmap, soorten
    from contracten.weergave.fragment import Fragment
    from contracten.weergave.motor import Motor
    from contracten.weergave.sjabloon import TELLERS, SjabloonFout

PROEFDAG = dt.date(2000, 1, 1)
W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
TIJDSTIP = dt.datetime.combine(PROEFDAG, dt.time())


@dataclass(frozen=True)
class Validatie:
    """The outcome of `valideer`: the region and every problem found (none: valid)."""

    profiel: Profiel
    meldingen: list[Melding] = field(default_factory=list)
    gevallen: int = 0  # how many fills were tried

    @property
    def geldig(self) -> bool:
        return not self.meldingen

    @property
    def waarschuwingen(self) -> list[Melding]:
        """What is valid but probably not meant, in the profile: it stays valid."""
        return self.profiel.waarschuwingen


def valideer(regio: Profiel, *, sjablonen: Path | None = None) -> Validatie:
    """Check every template against `regio` (the profile itself was checked when it loaded)."""
    with bevroren():  # the profile and the modules: not gone through by every full gc round
        return _valideer(regio, sjablonen)


def _valideer(regio: Profiel, sjablonen: Path | None) -> Validatie:
    map_ = sjablonenmap(sjablonen)
    meldingen: list[Melding] = []
    gevallen = 0
    grenzen = drempels(regio)
    vormen: dict[str, Hashable] = {}  # per contract (its key): its input shape
    for naam, soort in soorten().items():
        weergave = f"sjablonen/{soort.sjabloon}"
        pad = map_ / soort.sjabloon
        if not pad.is_file():
            meldingen.append(Melding(weergave, None, "", "sjabloon ontbreekt",
                                     "sjabloon_ontbreekt"))
            continue
        try:
            motor = Motor(pad, weergave)
        except SjabloonFout as fout:
            meldingen.append(Melding(weergave, None, "", fout.bericht, fout.code))
            continue
        proef = proefprofiel(regio, soort)
        if proef is None:
            continue  # this region has no such documents (e.g. no social return)
        profiel, jaar = proef
        meldingen += soort.controleer(profiel, jaar)
        if soort.alle_aanbieders:  # its rows: one aanbieder per input shape
            profiel = vertegenwoordigd(profiel, vormen, grenzen)
        try:
            contexten = _per_vorm(
                (soort.context_van(profiel, jaar, contract, uitvoering),
                 soort.titel_van(profiel, contract))
                for contract, uitvoering in _een_per_invoervorm(
                    soort.proeven(profiel, jaar, "controle", PROEFDAG), vormen, grenzen))
        except InvoerFout as fout:  # the profile cannot fill this kind (a blank without value)
            meldingen += fout.meldingen
            continue
        bekend = {*TELLERS, *(contexten[0][0] if contexten else {})}
        onbekend = sorted(motor.variabelen() - bekend)
        if onbekend:
            meldingen.append(Melding(
                weergave, None, ", ".join(onbekend),
                f"bestaat niet in documentsoort '{naam}'; beschikbaar: "
                f"{', '.join(sorted(bekend))}", "sjabloon_variabele"))
            continue
        leden = structuur(profiel)
        for context, titel in contexten:
            gevallen += 1
            try:
                gerenderd = motor.render(context, titel=titel, tijdstip=TIJDSTIP)
            except SjabloonFout as fout:
                meldingen.append(Melding(weergave, None, "", fout.bericht, fout.code))
                break
            if leden is not None:  # the template's own words may cite the overeenkomst too
                tekst = " ".join("".join(p.itertext()) for p in gerenderd.body.iter(W_P))
                meldingen += [Melding(weergave, None, "", f"verwijst naar {v.tekst} van de "
                                      "overeenkomst, dat deze regio niet heeft",
                                      "verwijzing_bestaat_niet")
                              for v in bungelend(verwijzingen(
                                  tekst, in_overeenkomst=naam == "overeenkomst"), leden)]
    return Validatie(regio, sorted(meldingen), gevallen)


def proefprofiel(profiel: Profiel, soort: Soort) -> tuple[Profiel, int] | None:
    """The profile and prijspeil to try a template on, or None when the region has no such
    documents. A kind that needs an indexed prijspeil (the indexatiebrief) is tried on a
    notional next year, indexed by 0 %."""
    jaar = profiel.laatste_prijspeil()
    if soort.beschikbaar(profiel, jaar):
        return profiel, jaar
    record = IndexatieRecord(van=jaar, methode="percentage", index=Decimal(0), datum=PROEFDAG)
    nieuw = indexeer(profiel, jaar + 1, record).prijspeil
    proef = profiel.model_copy(update={"prijspeilen": {**profiel.prijspeilen, jaar + 1: nieuw}})
    return (proef, jaar + 1) if soort.beschikbaar(proef, jaar + 1) else None


def _een_per_invoervorm(proeven: list[tuple[Contract | None, Uitvoering]],
                        vormen: dict[str, Hashable], grenzen: tuple[Decimal, ...]
                        ) -> list[tuple[Contract | None, Uitvoering]]:
    """The cases to build contexts for: of the cases with the same uitvoering whose contracts
    have the same input shape, the first."""
    gezien: set[tuple[Hashable, int]] = set()
    uit = []
    for contract, uitvoering in proeven:
        if contract is not None:
            vorm_ = vormen.get(contract.sleutel)
            if vorm_ is None:
                vorm_ = vormen[contract.sleutel] = invoervorm(contract, grenzen)
            sleutel = (vorm_, id(uitvoering))
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
        uit.append((contract, uitvoering))
    return uit


def _per_vorm(gevallen: Any) -> list[tuple[dict[str, Any], str]]:
    """One case per context shape: the first of each."""
    gezien: set[Hashable] = set()
    uit = []
    geheugen: dict[int, tuple[Any, Hashable]] = {}
    for context, titel in gevallen:
        sleutel = vorm(context, geheugen)
        if sleutel not in gezien:
            gezien.add(sleutel)
            uit.append((context, titel))
    return uit


def vorm(waarde: Any, geheugen: dict[int, tuple[Any, Hashable]], diepte: int = 0) -> Hashable:
    """The shape of a value as a template sees it: which `if` it passes (empty or not, true or
    false, zero or not) and, for a collection, the shapes of what it holds. Two contexts of the
    same shape take the same branches."""
    if waarde is None or isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int | float | Decimal):
        return ("getal", waarde == 0)
    if isinstance(waarde, str):
        return ("tekst", bool(waarde))
    if isinstance(waarde, Fragment) or diepte > 8:
        return (type(waarde).__name__,)
    sleutel = id(waarde)
    if isinstance(waarde, BaseModel) and sleutel in geheugen:
        return geheugen[sleutel][1]
    if isinstance(waarde, dict):
        uit: Hashable = ("dict", tuple(sorted((str(k), vorm(v, geheugen, diepte + 1))
                                              for k, v in waarde.items())))
    elif isinstance(waarde, list | tuple | set | frozenset):
        uit = ("lijst", bool(waarde), frozenset(vorm(v, geheugen, diepte + 1) for v in waarde))
    elif isinstance(waarde, BaseModel):
        uit = (type(waarde).__name__, vorm(dict(waarde), geheugen, diepte + 1))
        geheugen[sleutel] = (waarde, uit)  # holding the model keeps its id from being reused
    elif dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        uit = (type(waarde).__name__, vorm({f.name: getattr(waarde, f.name)
                                            for f in dataclasses.fields(waarde)},
                                           geheugen, diepte + 1))
    else:
        uit = (type(waarde).__name__, bool(waarde))
    return uit
