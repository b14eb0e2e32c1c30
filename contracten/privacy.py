"""No BSN ever reaches a document: recognise one by the elfproef."""

from __future__ import annotations

import re

NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def is_bsn(waarde: str) -> bool:
    """9 digits passing the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11)."""
    tekst = waarde.strip()
    if not re.fullmatch(r"\d{9}", tekst):
        return False
    cijfers = [int(c) for c in tekst]
    som = sum(g * c for g, c in zip(range(9, 1, -1), cijfers[:8], strict=True)) - cijfers[8]
    return som % 11 == 0 and tekst != "000000000"


def bevat_bsn(tekst: str) -> bool:
    """Also when written with spaces or dots (111 222 333, 111.222.333)."""
    for variant in (tekst, re.sub(r"(?<=\d)[ .](?=\d)", "", tekst)):
        if any(is_bsn(m.group(0)) for m in NEGEN_CIJFERS.finditer(variant)):
            return True
    return False


def versiecode(hexhash: str, lengte: int = 10) -> str:
    """A short version stamp from a hash, in letters only: a hex stamp can hold nine digits in a
    row that pass the elfproef, and no document may show what looks like a BSN."""
    getal = int(hexhash, 16)
    letters = []
    for _ in range(lengte):
        getal, rest = divmod(getal, 26)
        letters.append(chr(ord("a") + rest))
    return "".join(letters)
