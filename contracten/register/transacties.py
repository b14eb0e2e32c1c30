"""What a transaction on the register tells beyond the register: whether it wrote, for the
last word of an interrupted command (`contracten.vastlegging`), and when one commits, for what
a single transaction needs to know of its own commit (`bij_commit`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, event

from contracten import vastlegging

# Statements that change nothing (see `houd_bij`); anything else counts as a write.
_LEZEND = ("SELECT", "PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "SHOW", "EXPLAIN")
_SCHREEF = "contracten_schreef"  # in a connection's info: its transaction wrote


def houd_bij(engine: Engine) -> None:
    """Tell `contracten.vastlegging` when a transaction that wrote commits: Ctrl-C after that
    must not say that nothing changed. A statement counts as a write unless it begins with
    what only reads (or only opens, locks or ends a transaction)."""

    @event.listens_for(engine, "before_cursor_execute")
    def _uitgevoerd(verbinding: Any, cursor: Any, opdracht: str, *_: Any) -> None:
        if not opdracht.lstrip()[:10].upper().startswith(_LEZEND):
            verbinding.info[_SCHREEF] = True

    @event.listens_for(engine, "commit")
    def _commit(verbinding: Any) -> None:  # just before the database commits
        if verbinding.info.pop(_SCHREEF, False):
            vastlegging.register()

    @event.listens_for(engine, "rollback")
    def _rollback(verbinding: Any) -> None:
        if not verbinding.invalidated:  # (an invalidated one has no info left to clear)
            verbinding.info.pop(_SCHREEF, None)


def bij_commit(verbinding: Connection, melding: Callable[[], object]) -> None:
    """Call `melding` when the transaction of `verbinding` commits (just before the database
    does): what one transaction needs to know of its own commit, in a process where other
    threads commit too."""
    event.listen(verbinding, "commit", lambda _: melding(), once=True)
