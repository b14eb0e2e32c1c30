"""The user's cache folder of contracten: what a run keeps for the next one (a region's summary,
compiled templates). Never needed: lost or not writable, everything is made again."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cachemap() -> Path:
    """The user's cache folder of contracten: $XDG_CACHE_HOME/contracten (default
    ~/.cache/contracten), ~/Library/Caches/contracten on macOS, %LOCALAPPDATA%\\contracten\\Cache
    on Windows."""
    if sys.platform == "win32":
        basis = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~/AppData/Local")
        return Path(basis) / "contracten" / "Cache"
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Caches/contracten"))
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return Path(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")) / "contracten"
