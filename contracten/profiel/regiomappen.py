"""Which region folders a regions folder holds. Light on purpose (no models): listing the
regions comes before anything of them is loaded, or instead of it (`contracten regios`, the
web's list of regions)."""

from __future__ import annotations

from pathlib import Path


def vind_regios(regios: Path | str) -> list[str]:
    """The region folders under `regios`: every subfolder with a regio.yaml."""
    regios = Path(regios)
    if not regios.is_dir():
        return []
    return sorted(p.name for p in regios.iterdir() if (p / "regio.yaml").is_file())
