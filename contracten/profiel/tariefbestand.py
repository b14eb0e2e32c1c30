"""Write a new prijspeil as tarieven/<jaar>.yaml: readable, commented, never overwriting."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml

from contracten.fouten import ContractenFout, os_reden
from contracten.profiel.tarieven import Prijspeil


class _Dumper(yaml.SafeDumper):
    pass


def _decimal(dumper: yaml.SafeDumper, waarde: Decimal) -> yaml.ScalarNode:
    # Written as a plain number; our reader turns it back into the same Decimal. A whole
    # number (an OVA of 3 from a file) as an integer, so it needs no "!!float '3'".
    tekst = str(waarde)
    heel = tekst.lstrip("-").isdigit()
    return dumper.represent_scalar(f"tag:yaml.org,2002:{'int' if heel else 'float'}", tekst)


_Dumper.add_representer(Decimal, _decimal)


def als_yaml(prijspeil: Prijspeil, kop: str) -> str:
    data = prijspeil.model_dump(mode="python", exclude_none=True)
    tekst = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    commentaar = "".join(f"# {regel}\n" for regel in kop.splitlines())
    return commentaar + "\n" + tekst


def _zet_neer(tijdelijk: Path, pad: Path) -> None:
    """Put a finished file in place without overwriting: a hard link where the file system has
    them (atomic, and fails when `pad` exists); elsewhere (FAT, some network shares) an
    exclusive create followed by a copy, with the partial file removed on failure."""
    try:
        os.link(tijdelijk, pad)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here
    with open(pad, "xb") as doel:  # raises FileExistsError: never overwrites
        try:
            doel.write(tijdelijk.read_bytes())
            doel.flush()
            os.fsync(doel.fileno())
        except BaseException:
            doel.close()
            pad.unlink(missing_ok=True)
            raise


def schrijf_nieuw(pad: Path, inhoud: str) -> None:
    """Create `pad` atomically; refuse when it already exists (a prijspeil is never overwritten)."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}-", dir=pad.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.chmod(tijdelijk, 0o644)
        _zet_neer(Path(tijdelijk), pad)
    except FileExistsError as exc:
        raise ContractenFout(f"{pad} bestaat al; een prijspeil wordt nooit overschreven.") from exc
    except OSError as exc:
        raise ContractenFout(f"Kan {pad} niet schrijven: {os_reden(exc)}.") from exc
    finally:
        Path(tijdelijk).unlink(missing_ok=True)
