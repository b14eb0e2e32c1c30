"""The rendered body as XML, and each of its children (paragraphs, tables) as it stands in that
XML: the keys under which the twin remembers what it read (see `tekstversie.onderdelen_van`)."""

from __future__ import annotations

from typing import Any

from lxml import etree

# Put between the body's children to split them: a private-use character, not one of the
# footnote marks of fragment.py.
GRENS = "\ue00f"


def geserialiseerd(body: Any) -> tuple[str, list[str] | None]:
    """The body as XML, and each of its children as it stands in that XML (None when a child's
    own text holds the marker used to find them)."""
    kinderen = list(body)
    staarten = [kind.tail for kind in kinderen]
    for kind, staart in zip(kinderen, staarten, strict=True):
        kind.tail = (staart or "") + GRENS
    try:
        tekst = etree.tostring(body, encoding="unicode")
    finally:
        for kind, staart in zip(kinderen, staarten, strict=True):
            kind.tail = staart
    stukken = tekst.split(GRENS)
    if not kinderen or len(stukken) != len(kinderen) + 1:
        return etree.tostring(body, encoding="unicode"), None
    eerste = stukken[0].partition(">")[2]  # without the start tag of w:body
    return "".join(stukken), [eerste, *stukken[1:-1]]
