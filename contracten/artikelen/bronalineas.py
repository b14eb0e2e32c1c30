"""The paragraphs of a published document, as the importer of the official text reads them:
text, whether the whole paragraph is italic (the standard's guidance lines are), the list
marker Word numbering or a literal marker gives it ("a)", "ii)", "–"), whether it is a
heading, and the rows of a table. The readers: `wordlezer` (.docx), `markdownlezer` (.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

STREEPJES = "–-—‒"
# A literal marker at the start of a paragraph: "a)", "a.", "ii)", "1.", "(b)", "–", "•", "-".
MARKER = re.compile(r"^(?:\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})[.)]|[–•\-—‒▪◦])\s+(?=\S)")


@dataclass
class Alinea:
    """One paragraph (or one line of a paragraph with line breaks) of the source."""

    tekst: str
    plaats: str  # "alinea 57" (Word) or "regel 120" (Markdown), for messages
    cursief: bool = False
    kop: bool = False
    marker: str | None = None  # the list marker, without its trailing space
    tabel: list[list[str]] | None = None  # a table: rows of cell texts (tekst is empty)
    inhoudsopgave: bool = False  # an entry of the table of contents

    def volledig(self) -> str:
        """The text with its list marker in front, as a reader sees it."""
        return f"{self.marker} {self.tekst}" if self.marker else self.tekst
