"""The Dutch public holidays of a year, from the `holidays` library.

`holidays.country_holidays("NL", ...)` imports the module of every country the library knows
(some three hundred, `holidays.countries`), a tenth of a second of processor time, to use one.
The Netherlands' own module needs none of them (only the library's base classes), so it is
loaded on its own, from the file beside the countries it would have been imported with, and
its class is called with the same arguments `country_holidays` gives it: the same holidays,
with the same names. Where the library is laid out otherwise (another version), or loading it
alone fails in any way, the usual `country_holidays` is used."""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import holidays

MODULE = "holidays.countries.netherlands"


def nederland(jaar: int) -> holidays.HolidayBase:
    """`holidays.country_holidays("NL", years=jaar, language="nl")`."""
    import holidays

    klasse = _klasse(holidays)
    if klasse is None:
        return holidays.country_holidays("NL", years=jaar, language="nl")
    # As country_holidays calls it (its defaults for the rest).
    kalender: holidays.HolidayBase = klasse(
        years=jaar, subdiv=None, expand=True, observed=True, prov=None, state=None,
        language="nl", categories=None)
    return kalender


def _klasse(holidays: Any) -> Any:
    """The library's class for NL (what `getattr(holidays, "NL")` gives), loaded without the
    other countries; None when that cannot be done here."""
    geladen = sys.modules.get(MODULE)
    if geladen is None:
        pad = os.path.join(os.path.dirname(holidays.__file__), "countries", "netherlands.py")
        try:
            spec = importlib.util.spec_from_file_location(MODULE, pad)
            if spec is None or spec.loader is None or not os.path.isfile(pad):
                return None
            geladen = importlib.util.module_from_spec(spec)
            sys.modules[MODULE] = geladen  # as an import would: the countries package, when
            spec.loader.exec_module(geladen)  # imported later, finds it and uses the same one
        except Exception:
            sys.modules.pop(MODULE, None)
            return None
    klasse = getattr(geladen, "NL", None)
    return klasse if isinstance(klasse, type) and issubclass(klasse, holidays.HolidayBase) \
        else None
