"""Shared field types of the profile: money, percentages, identifiers (Dutch messages)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from contracten import tijd
from contracten.privacy import bevat_bsn
from contracten.profiel.namen import naamprobleem


class Model(BaseModel):
    """Base of every profile model: unknown keys are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _geen_float(waarde: Any) -> Any:
    # A float has already lost the exact cents; refuse it instead of guessing.
    if isinstance(waarde, float):
        raise PydanticCustomError(
            "bedrag_float", "bedrag mag geen float zijn; gebruik Decimal of tekst")
    if isinstance(waarde, str) and "," in waarde:
        raise PydanticCustomError(
            "bedrag_komma", "schrijf een bedrag met een punt als decimaalteken, bijv. 1234.56")
    if isinstance(waarde, str) and not _GEWOON.fullmatch(waarde.strip()) and _eindig(waarde):
        # 1e6, 1_000: Decimal would take them, but YAML keeps them as text on purpose (see
        # lezen.gebeurtenissen), and a document or csv would show them as written.
        raise PydanticCustomError(
            "getal_notatie", "schrijf het getal gewoon uit, met een punt als decimaalteken "
            "(bijv. 1000000.00, niet 1e6)")
    return waarde


_GEWOON = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")


def _eindig(tekst: str) -> bool:
    """Whether Decimal reads `tekst` as a finite number (else validation says what is wrong)."""
    try:
        return Decimal(tekst.strip()).is_finite()
    except ArithmeticError:
        return False


def _twee_decimalen(waarde: Decimal) -> Decimal:
    if not waarde.is_finite():
        raise PydanticCustomError("bedrag_ongeldig", "een bedrag moet een eindig getal zijn")
    exponent = waarde.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise PydanticCustomError(
            "bedrag_centen", "een bedrag heeft hoogstens 2 decimalen (centen)")
    return waarde


Bedrag = Annotated[
    Decimal,
    BeforeValidator(_geen_float),
    Field(ge=0, le=Decimal("1000000000")),
    AfterValidator(_twee_decimalen),
]
"""An amount in euros, >= 0, at most 2 decimals."""

def _binnen_bereik(datum: dt.date) -> dt.date:
    if not tijd.binnen_bereik(datum):
        raise PydanticCustomError("datum_buiten_bereik", "verwacht een datum in {bereik}",
                                  {"bereik": tijd.BEREIK})
    return datum


Datum = Annotated[dt.date, AfterValidator(_binnen_bereik)]
"""A date JJJJ-MM-DD in the years tijd.BEREIK (9999-12-31 would overflow the day after)."""

Percentage = Annotated[Decimal, BeforeValidator(_geen_float), Field(ge=0, le=100)]

Procentpunten = Annotated[Decimal, BeforeValidator(_geen_float), Field(ge=-100, le=100)]
"""A change in percentage points, such as an index figure; may be negative."""

Sleutel = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""A key that is safe in a file name: lower case, digits and hyphens."""


def _draagbaar(waarde: str) -> str:
    probleem = naamprobleem(waarde)
    if probleem is not None:
        bericht, code = probleem
        raise PydanticCustomError(code, "{bericht}", {"bericht": bericht})
    return waarde


Bestandssleutel = Annotated[Sleutel, AfterValidator(_draagbaar)]
"""A key that names files (an aanbieder's documents): also not a name Windows cannot hold."""

KvkNummer = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
                      Field(pattern=r"^\d{8}$")]
AgbCode = KvkNummer

def _geen_stuurtekens(toegestaan: str) -> Callable[[str], str]:
    # The control characters (below 32, and 0x7F up to 0xA0) but those allowed: the first found.
    verboden = re.compile("[" + "".join(re.escape(chr(c)) for c in (*range(32), *range(0x7F, 0xA0))
                                        if chr(c) not in toegestaan) + "]")

    def controle(waarde: str) -> str:
        if bevat_bsn(waarde):  # no client identifier may reach a document, not even by mistake
            raise PydanticCustomError(
                "bsn", "bevat een BSN (9 cijfers die de elfproef halen); gebruik een pseudoniem")
        if (teken := verboden.search(waarde)) is not None:
            raise PydanticCustomError(
                "stuurteken", "bevat een onzichtbaar stuurteken (code {code}); verwijder het",
                {"code": ord(teken.group())})
        return waarde
    return controle


Markdown = Annotated[str, Field(min_length=1, max_length=100_000),
                     AfterValidator(_geen_stuurtekens("\n\t"))]
"""Running text in Markdown: paragraphs, lists, bold, italics, links."""

Tekst = Annotated[str, Field(min_length=1, max_length=1000),
                  AfterValidator(_geen_stuurtekens(""))]
"""One line of plain text: no line breaks or other control characters."""
