"""Where the command line reads the clock: today's date for a command not given one, and the
moment of a step in the register. The library takes both as arguments. Without click: the
start of an unchanged rerun (`snelstart`) needs the date too."""

from __future__ import annotations

import datetime as dt

import contracten


def vandaag(datum: dt.date | None) -> dt.date:
    """The date a command was given, or today in Amsterdam (also on a server that keeps UTC):
    the command line is where the clock is read."""
    return datum or contracten.dag_van(nu())


def nu() -> dt.datetime:
    """When a step in the register happens: the clock, in UTC, to the second. With `vandaag`,
    the only places the command line reads the clock; the library takes both as arguments."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
