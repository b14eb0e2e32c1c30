"""The MkDocs hook (mkdocs.yml: hooks): fills in the generated parts of the pages (see
scripts/sitebron.py) while the site is built, so a reference never drifts from the code, and
lets the command-line reference speak Dutch like `contracten --help` does."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitebron

# mkdocs-click's own headings; click's phrases come from our catalogue (cli/taal).
_KOPPEN = {"<strong>Usage:</strong>": "<strong>Gebruik:</strong>",
           "<strong>Options:</strong>": "<strong>Opties:</strong>"}


def on_config(config: Any, **_: Any) -> Any:
    from contracten.cli import taal

    taal.gebruik_nederlands()  # as the console script does for its own process
    return config


def on_page_markdown(markdown: str, **_: Any) -> str:
    return sitebron.vul_in(markdown)


def on_page_content(html: str, **_: Any) -> str:
    for engels, nederlands in _KOPPEN.items():
        html = html.replace(engels, nederlands)
    return html
