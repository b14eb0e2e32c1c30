"""A taakgericht region buys one task from one contractpartner: that party (a combinatie, or a
hoofdaannemer with onderaannemers) receives every functie of the perceel and its whole budget."""

from __future__ import annotations

from collections.abc import Iterator

from contracten.lezen.bron import Pad
from contracten.lezen.meldingen import veldpad
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.inhoud import Inhoud
from contracten.profiel.model import RegioGegevens

Probleem = tuple[str, Pad, str, str, str]


def _p(bestand: str, loc: Pad, bericht: str, code: str) -> Probleem:
    return (bestand, loc, veldpad(loc), bericht, code)


def een_contractpartner(regio: RegioGegevens, inhoud: Inhoud, aanbieders: list[Aanbieder]
                        ) -> Iterator[Probleem]:
    """Taakgericht: one contractpartner receives the whole task of the perceel (every functie)
    and its budget; it may bring in onderaannemers for functies it holds."""
    f = "aanbieders.yaml"
    if regio.bekostigingsvorm != "taakgericht":
        return
    if len(aanbieders) != 1:
        yield _p(f, ("aanbieders",), f"een taakgerichte regio heeft één contractpartner voor het "
                 f"hele perceel (een combinatie of een hoofdaannemer met onderaannemers), niet "
                 f"{len(aanbieders)}", "taakgericht_een_partner")
        return
    partner = aanbieders[0]
    ontbreekt = [fn.sleutel for fn in inhoud.functies if fn.sleutel not in partner.producten]
    if ontbreekt:
        yield _p(f, ("aanbieders", 0, "producten"), "de contractpartner krijgt de hele taak; "
                 f"ontbreekt: {', '.join(ontbreekt)}", "taakgericht_hele_taak")
    for j, onder in enumerate(partner.onderaannemers):
        vreemd = [p for p in onder.producten if p not in partner.producten]
        if vreemd:
            yield _p(f, ("aanbieders", 0, "onderaannemers", j, "producten"),
                     f"geen functie van de contractpartner: {', '.join(vreemd)}",
                     "verwijzing_onbekend")
    gezien: dict[str, str] = {}
    for j, onder in enumerate(partner.onderaannemers):
        for p in onder.producten:
            if p in gezien:
                yield _p(f, ("aanbieders", 0, "onderaannemers", j, "producten"),
                         f"'{p}' heeft al een onderaannemer ({gezien[p]}); een functie heeft "
                         "er hoogstens één", "dubbel")
            gezien.setdefault(p, onder.naam)
