"""Names that travel: an aanbieder's id and a region folder's name become names of files and
folders (`overeenkomsten/<id>.docx`, `output/<regio>/`), and a profile or its output goes to
Windows and macOS (a share, a zip, OneDrive). A name such a system cannot hold, or two names it
holds as one, is refused with the profile instead of failing later on someone else's machine."""

from __future__ import annotations

import re
import unicodedata

# Windows' device names: no file or folder can be called so, in any case and with any
# extension ("con", "CON.txt", "Aux.x", "nul .docx"); COM¹ and LPT² are devices too.
APPARAATNAMEN = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                           *(f"{poort}{n}" for poort in ("COM", "LPT") for n in "0123456789¹²³")})
VERBODEN_TEKENS = frozenset('<>:"/\\|?*')  # and the control characters (below 32)
_VERBODEN = re.compile("[" + re.escape("".join(sorted(VERBODEN_TEKENS))) + "\x00-\x1f]")


def naamprobleem(naam: str) -> tuple[str, str] | None:
    """What keeps `naam` from being a file or folder name on Windows, as (Dutch message, code);
    None when it travels."""
    stam = naam.partition(".")[0].rstrip(" ")
    if stam.upper() in APPARAATNAMEN:
        return (f"'{naam}' kan op Windows geen bestands- of mapnaam zijn: {stam.upper()} is "
                "daar een apparaatnaam (net als CON, PRN, AUX, NUL, COM0 tot COM9 en LPT0 tot "
                "LPT9, ook met een punt en iets erachter); kies een andere naam",
                "naam_gereserveerd")
    if naam.endswith((".", " ")):
        return (f"'{naam}' eindigt op een {'punt' if naam.endswith('.') else 'spatie'}: Windows "
                "laat die weg, zodat de naam daar een andere wordt; haal hem weg",
                "naam_punt_of_spatie")
    gevonden = _VERBODEN.search(naam)  # the first such character, as Windows meets it
    if gevonden is not None:
        teken = gevonden.group()
        zichtbaar = teken if ord(teken) >= 32 else f"code {ord(teken)}"
        return (f"'{naam}' bevat een teken dat Windows niet in een naam toelaat ({zichtbaar}); "
                "gebruik letters, cijfers en koppeltekens", "naam_teken")
    return None


def vergelijkingsvorm(naam: str) -> str:
    """`naam` as Windows and macOS compare names: without regard to case (both) or Unicode
    normalisation (macOS: 'é' as one character is 'e' plus a combining accent)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", naam).casefold())


def botsingen(naam: str, andere: list[str]) -> list[str]:
    """The names among `andere` that are `naam` on Windows or macOS, not on this system."""
    vorm = vergelijkingsvorm(naam)
    return sorted(a for a in andere if a != naam and vergelijkingsvorm(a) == vorm)


def botsing(naam: str, ander: str) -> str:
    """Why `naam` and `ander` are one name elsewhere (Dutch)."""
    if unicodedata.normalize("NFC", naam) == unicodedata.normalize("NFC", ander):
        return (f"'{naam}' en '{ander}' zijn op macOS dezelfde naam: ze verschillen alleen in "
                "hoe een letter met accent is opgeslagen, als één teken of als letter plus los "
                f"accent ({naam!a} en {ander!a}); geef één van beide een andere naam")
    return (f"'{naam}' en '{ander}' zijn op Windows en macOS dezelfde naam: ze verschillen "
            "alleen in hoofdletters en kleine letters; geef één van beide een andere naam")
