"""Who may take a step: with users in the register, only an active one whose role the region
allows for that step (`rollen` in regio.yaml), and definitief not by whoever gave juridisch
akkoord (four eyes). With no users at all, anyone (one person working alone)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contracten.fouten import Melding
from contracten.profiel.model import Profiel
from contracten.register.gebruikers import Gebruikers
from contracten.register.stappen import STAP_NAMEN
from contracten.register.verbinding import bestaat, open_engine

if TYPE_CHECKING:
    from contracten.opdrachten.goedkeuring import DocumentStatus


def controleer_rol(regio: Profiel, stap: str, door: str | None,
                   documenten: Sequence[DocumentStatus], *,
                   database: str | Path | None = None) -> list[Melding]:
    """Why `door` may not take `stap` on `documenten` in `regio` (empty: they may)."""
    if not bestaat(database):
        return []  # no register yet, so no users
    register = Gebruikers(open_engine(database))
    if register.aantal() == 0:
        return []
    naam = " ".join((door or "").split())
    if not naam:
        return [Melding(regio.sleutel, None, "door", "geef de naam van een gebruiker in het "
                        "register die deze stap zet (--door)", "naam_ontbreekt")]
    gebruiker = register.zoek(naam)
    if gebruiker is None:
        return [Melding(regio.sleutel, None, "door", f"'{naam}' is geen gebruiker in het "
                        "register; een beheerder voegt gebruikers toe met 'contracten "
                        "gebruiker toevoegen'", "gebruiker_onbekend")]
    if not gebruiker.actief:
        return [Melding(regio.sleutel, None, "door", f"gebruiker '{naam}' is uitgeschakeld",
                        "gebruiker_uitgeschakeld")]
    rollen = regio.regio.rollen
    toegestaan = rollen.voor(stap)
    if gebruiker.rol not in toegestaan:
        return [Melding(regio.sleutel, None, "door", f"'{naam}' heeft de rol "
                        f"{gebruiker.rol}; '{STAP_NAMEN[stap]}' mag in deze regio alleen "
                        f"door een {' of '.join(toegestaan)}", "rol_niet_toegestaan")]
    if stap != "definitief" or not rollen.vier_ogen:
        return []
    return [Melding(d.stand.pad, None, "door", f"'{naam}' gaf zelf juridisch akkoord; "
                    "definitief maakt een ander (vier ogen)", "vier_ogen")
            for d in documenten if _akkoord_door(d) == naam]


def _akkoord_door(document: DocumentStatus) -> str | None:
    """Who gave the document's latest juridisch akkoord."""
    return next((s.door for s in reversed(document.stand.geschiedenis)
                 if s.stap == "juridisch_akkoord"), None)
