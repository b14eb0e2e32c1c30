"""One rooted error hierarchy; every message is Dutch and written for the person at the keyboard."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Melding:
    """One problem in an input file: where it is, which field, what was expected, a stable code."""

    bestand: str
    regel: int | None
    veld: str
    bericht: str
    code: str
    uitleg: str = ""  # the address of the field's explanation in the documentation site

    def __str__(self) -> str:
        plaats = self.bestand if self.regel is None else f"{self.bestand}:{self.regel}"
        veld = f" {self.veld}:" if self.veld else ""
        zie = f"\n  zie {self.uitleg}" if self.uitleg else ""
        return f"{plaats}:{veld} {self.bericht} [{self.code}]{zie}"


class ContractenFout(Exception):
    """Root of all errors the toolkit reports to its user (exit status 1). Each class has a
    stable `code` that scripts can rely on; an InvoerFout's Meldingen carry their own."""

    code: str = "fout"

    @staticmethod
    def uit_os(exc: OSError, pad: object = None) -> ContractenFout:
        """An operating-system error (a full disk, a read-only place, no access, a folder
        gone) as a Dutch message naming the path (`pad`, else the error's own) and what to
        do: for a front end's last line of defence, where nothing nearer caught it."""
        return Bestandsfout(exc, pad)


class InvoerFout(ContractenFout):
    """Invalid input: one or more Meldingen, all collected in one pass."""

    code = "invoer"

    def __init__(self, meldingen: list[Melding], kop: str = "Ongeldige invoer") -> None:
        # By file, then line (a message about the whole file first), field and text.
        self.meldingen = sorted(meldingen, key=lambda m: (m.bestand, m.regel is not None,
                                                          m.regel or 0, m.veld, m.bericht, m.code))
        self.kop = kop
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:  # picklable, so it can cross a process boundary
        return (type(self), (self.meldingen, self.kop))

    def __str__(self) -> str:
        aantal = len(self.meldingen)
        woord = "fout" if aantal == 1 else "fouten"
        regels = "\n".join(f"  {regel}" for m in self.meldingen for regel in str(m).splitlines())
        return f"{self.kop} ({aantal} {woord}):\n{regels}"


class RegioOnbekend(ContractenFout):
    """A region name with no profile folder."""

    code = "regio_onbekend"

    def __init__(self, naam: str, map_: str, bekend: list[str]) -> None:
        self.argumenten = (naam, map_, bekend)
        lijst = ", ".join(bekend) or "geen"
        super().__init__(f"Regio '{naam}' bestaat niet in {map_} (wel: {lijst}).")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.argumenten)


_OS_REDENEN = {
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen",
    errno.EEXIST: "bestaat al",
}


def os_reden(exc: OSError) -> str:
    """An operating-system error in Dutch, for messages to the user."""
    return _OS_REDENEN.get(exc.errno or -1, exc.strerror or "onbekende fout")


_OS_ADVIEZEN = {
    errno.ENOSPC: "maak ruimte vrij op die schijf en probeer het opnieuw",
    errno.EROFS: "kies een plek waar geschreven kan worden",
    errno.EACCES: "geef uw gebruiker daar rechten of kies een andere plek",
    errno.EPERM: "het bestand is beschermd (alleen-lezen of onveranderbaar gemaakt); hef dat "
                 "op of kies een andere plek",
    errno.ENOENT: "controleer het pad (is een map intussen verplaatst of verwijderd?)",
}


class Bestandsfout(ContractenFout):
    """A file or folder the operating system refused: where, why and what to do."""

    code = "bestand"

    def __init__(self, exc: OSError, pad: object = None) -> None:
        self.argumenten = (exc, pad)
        plek = pad if pad is not None else exc.filename
        advies = _OS_ADVIEZEN.get(exc.errno or -1, "probeer het opnieuw; blijft het, meld het "
                                  "aan de beheerder van deze computer")
        waar = (f"{plek}" if plek not in (None, "")
                else "Een bestand of map kon niet worden gelezen of geschreven")
        super().__init__(f"{waar}: {os_reden(exc)}; {advies}.")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.argumenten)
