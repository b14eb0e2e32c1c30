"""No BSN ever reaches a document: one gate that every text passes on its way in.

A BSN is recognised however it is written: with separators (spaces of any kind, dots, hyphens,
slashes, underscores), with zero-width characters in between, in full-width digits, or with its
leading zero dropped (as Excel leaves a number like 012345672 behind: 8 digits; only in client
lists, where a KvK-nummer does not belong). The elfproef itself is python-stdnum's."""

from __future__ import annotations

import re
import unicodedata

# Characters that may stand between the digits of a number as a person or a spreadsheet wrote it.
SCHEIDING = r"[\s._/\-\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\ufeff]"
NEGEN = re.compile(rf"(?<!\d)\d(?:{SCHEIDING}*\d){{8}}(?!\d)")
ACHT_CIJFERS = re.compile(r"\d(?:\D*\d){7}")  # fewer digits than this can hold no BSN


def _genormaliseerd(tekst: str) -> str:
    """Full-width and other Unicode digits as ASCII digits (NFKC), nothing else changed."""
    return unicodedata.normalize("NFKC", tekst)


def is_bsn(waarde: str, *, excel: bool = False) -> bool:
    """9 digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11), also written
    with separators. With `excel` (a cell of a client list) also a value of just 8 digits: a
    BSN whose leading zero a spreadsheet dropped. Elsewhere 8 digits are a KvK- or AGB-nummer;
    8 digits with separators, like a date 2026-08-31, never count."""
    tekst = _genormaliseerd(waarde).strip()
    if excel and re.fullmatch(r"\d{8}", tekst):
        tekst = "0" + tekst
    cijfers = re.sub(SCHEIDING, "", tekst)
    if re.fullmatch(r"\d{9}", cijfers) is None or cijfers == "000000000":
        return False
    # Imported here: stdnum brings ssl and sockets along, and a command line whose arguments
    # hold no 9 digits (nearly every one, a date among them) does not need it.
    from stdnum.nl import bsn
    return bool(bsn.is_valid(cijfers))


def bevat_bsn(tekst: str, *, excel: bool = False) -> bool:
    """Whether a text holds something that is a BSN (see the module's note on how it may be
    written; `excel` as for is_bsn). Never reports which: the number is not to be repeated."""
    tekst = _genormaliseerd(tekst)
    if not ACHT_CIJFERS.search(tekst):
        return False  # most texts: too few digits for any BSN, even with its 0 dropped
    return is_bsn(tekst, excel=excel) or any(is_bsn(m.group(0)) for m in NEGEN.finditer(tekst))


def versiecode(hexhash: str, lengte: int = 10) -> str:
    """A short version stamp from a hash, in letters only: a hex stamp can hold nine digits in a
    row that pass the elfproef, and no document may show what looks like a BSN."""
    getal = int(hexhash, 16)
    letters = []
    for _ in range(lengte):
        getal, rest = divmod(getal, 26)
        letters.append(chr(ord("a") + rest))
    return "".join(letters)
