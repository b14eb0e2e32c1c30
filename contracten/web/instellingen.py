"""What one running web application works on, and the clock it reads (an argument, so tests
fix it)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def nu() -> dt.datetime:
    """The web's clock: UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Instellingen:
    """Where the profiles (`regios`) and the generated documents (`uitvoer`) are, which register
    (`database`), and who may act: with users in the register, each signs in with their own
    password; without, `door` on this computer only, or everyone signing in with the shared
    `geheim`."""

    regios: Path
    uitvoer: Path
    database: str | Path | None = None
    door: str | None = None  # who approves, on localhost without sign-in (--door)
    geheim: str | None = None  # the operator's shared secret; set: everyone signs in
    sessiesleutel: str = ""  # signs the session cookie
    klok: Callable[[], dt.datetime] = field(default=nu)
    # the names the server answers to (the Host header); others get 400
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    tls: bool = False  # served over https: the session cookie is Secure
    sessieduur: dt.timedelta = dt.timedelta(hours=8)
    teller: Callable[[], float] = field(default=time.monotonic)  # for the sign-in back-off
    # certificates (PEM or DER) of roots to trust in an uploaded signed PDF, beside the system's
    vertrouw: tuple[Path, ...] = ()
