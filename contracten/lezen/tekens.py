"""Characters that may not enter: control characters (but for tab and line break where text runs
over lines), and whatever XML 1.0 — and so a Word document — cannot hold (U+FFFE, U+FFFF,
lone surrogates). Found at the door, so a document never fails on them later."""

from __future__ import annotations

import unicodedata

_ZONDER: dict[str, dict[int, None]] = {}  # per set of allowed characters: a table removing them


def verboden_teken(tekst: str, toegestaan: str = "\n\t") -> str | None:
    """The first character of `tekst` that may not enter, shown as 'U+001B'; None if none."""
    if tekst.isascii() and tekst.translate(_ZONDER.setdefault(
            toegestaan, dict.fromkeys(map(ord, toegestaan)))).isprintable():
        return None  # plain ASCII without control characters: the common case, checked in C
    for teken in tekst:
        code = ord(teken)
        if teken in toegestaan:
            continue
        if (code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF
                or code in (0xFFFE, 0xFFFF) or unicodedata.category(teken) == "Cn"):
            return f"U+{code:04X}"
    return None
