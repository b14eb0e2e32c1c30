"""Dutch formats for documents: amounts and dates through Babel, rounding at one named step."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "nl_NL"
CENT = Decimal("0.01")


def rond_af(bedrag: Decimal) -> Decimal:
    """Round half up to whole cents: the one place where money is rounded."""
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def bedrag(waarde: Decimal) -> str:
    """€ 1.234,56 — with an ordinary space, so people can search for it in Word."""
    if not isinstance(waarde, Decimal):
        raise TypeError(f"bedrag verwacht Decimal, kreeg {type(waarde).__name__}")
    if waarde != rond_af(waarde):
        # Rounding is a named step (rond_af); showing would silently round half-even.
        raise ValueError(f"bedrag {waarde} is niet afgerond op centen")
    if waarde == 0:
        waarde = abs(waarde)  # never "€ -0,00"
    return _euro(str(waarde))


@functools.lru_cache(maxsize=4096)
def _euro(waarde: str) -> str:
    # Babel is slow next to the rest of a document, and a region repeats its amounts.
    tekst = format_currency(Decimal(waarde), "EUR", locale=LOCALE, currency_digits=True)
    return tekst.replace("\xa0", " ")


def getal(waarde: int | Decimal) -> str:
    """2.400 or 0,8333: every digit given, never rounded for display."""
    if type(waarde) in (int, Decimal):  # remembered by its digits: 1,0 is not 1,00
        return _getal(str(waarde), type(waarde) is int)
    return format_decimal(waarde, locale=LOCALE, decimal_quantization=False)


@functools.lru_cache(maxsize=4096)  # every aanbieder's documents show the same numbers
def _getal(cijfers: str, geheel: bool) -> str:
    return format_decimal(int(cijfers) if geheel else Decimal(cijfers), locale=LOCALE,
                          decimal_quantization=False)


def procent(waarde: Decimal, decimalen: int | None = None) -> str:
    """5 % / 4,957 % — the number as given, or with a fixed number of decimals (3,50 %)."""
    if type(waarde) is Decimal:  # remembered by its digits: 5,0 is not 5
        return _procent(str(waarde), decimalen)
    return _procent_van(waarde, decimalen)


@functools.lru_cache(maxsize=4096)  # every aanbieder's documents show the same percentages
def _procent(cijfers: str, decimalen: int | None) -> str:
    return _procent_van(Decimal(cijfers), decimalen)


def _procent_van(waarde: Decimal, decimalen: int | None) -> str:
    if decimalen is None:
        return f"{format_decimal(waarde, locale=LOCALE, decimal_quantization=False)} %"
    patroon = "#,##0." + "0" * decimalen if decimalen else "#,##0"
    return f"{format_decimal(waarde, format=patroon, locale=LOCALE)} %"


def datum(waarde: dt.date) -> str:
    """14 mei 2025."""
    if type(waarde) is dt.date:
        return _datum(waarde)
    return format_date(waarde, "d MMMM y", locale=LOCALE)


@functools.lru_cache(maxsize=4096)  # the same few dates in every document
def _datum(waarde: dt.date) -> str:
    return format_date(waarde, "d MMMM y", locale=LOCALE)


VOORBEELD = " (voorbeeld)"
VOORBEELDMELDING = (
    "Let op: dit document bevat voorbeeldwaarden, gemarkeerd met ‘(voorbeeld)’. Dat zijn geen "
    "vastgestelde tarieven, budgetten, termijnen of data; de bron geeft ze niet.")


def voorbeeld(tekst: str, is_voorbeeld: bool) -> str:
    """Mark a shown value visibly when it is an example value."""
    return tekst + VOORBEELD if is_voorbeeld else tekst


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 maand', '6 maanden'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


TELWOORDEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
              "tien", "elf", "twaalf")


def weken(n: int) -> str:
    """'één week', 'vier weken', '13 weken': a term in a letter, in words up to twelve."""
    woord = TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else str(n)
    return f"{woord} {'week' if n == 1 else 'weken'}"


def maanden(n: int) -> str:
    """'één maand', 'drie maanden', '18 maanden': a term in a letter, in words up to twelve."""
    woord = TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else str(n)
    return f"{woord} {'maand' if n == 1 else 'maanden'}"


def decimalen(n: int) -> str:
    """'twee decimalen', 'één decimaal', 'hele procenten' (0): how a percentage is rounded."""
    if n == 0:
        return "hele procenten"
    woord = ("één", "twee", "drie", "vier")[n - 1] if n <= 4 else str(n)
    return f"{woord} {'decimaal' if n == 1 else 'decimalen'}"


def opsomming(delen: list[str]) -> str:
    """'a, b en c'."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"
