"""What the commands share: option decorators, a year type, JSON output, the progress bar."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import contracten

if TYPE_CHECKING:
    from decimal import Decimal

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def toon_waarschuwingen(waarschuwingen: list[str]) -> None:
    """Each warning of a result on stderr, as "Let op: …"."""
    for waarschuwing in waarschuwingen:
        click.echo(f"Let op: {waarschuwing}", err=True)


def toon_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class Jaar(click.ParamType):  # type: ignore[type-arg]
    """A year on the command line, with a Dutch message when it isn't one."""

    name = "jaar"

    def convert(self, waarde: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(waarde, int):
            return waarde
        if not (isinstance(waarde, str) and waarde.isdigit() and len(waarde) == 4
                and 2000 <= int(waarde) <= 2100):
            self.fail(f"'{waarde}' is geen jaartal van 2000 tot en met 2100", param, ctx)
        return int(waarde)


class Datum(click.ParamType):  # type: ignore[type-arg]
    """A date JJJJ-MM-DD, as a `datetime.date`, in the years every input date keeps to."""

    name = "datum"

    def convert(self, waarde: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(waarde, dt.date):
            return waarde
        try:
            datum = dt.date.fromisoformat(str(waarde))
        except ValueError:
            self.fail(f"'{waarde}' is geen datum JJJJ-MM-DD", param, ctx)
        try:  # the range check of every date read, with its message
            return contracten.lees_datum(datum.isoformat())
        except ValueError as fout:
            self.fail(str(fout), param, ctx)


class Soortkeuze(click.Choice):  # type: ignore[type-arg]
    """The document kinds of one or more commands (`documentsoorten`), looked up only when an
    option is used or its help shown: the kinds import the whole library (pydantic models and
    all), and `contracten --help` or `contracten regios` need none of it."""

    def __init__(self, *opdrachten: str) -> None:
        self._opdrachten = opdrachten
        self._namen: tuple[str, ...] | None = None
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        if self._namen is None:
            self._namen = tuple(sorted({naam for opdracht in self._opdrachten
                                        for naam in contracten.documentsoorten(opdracht)},
                                       key=self._volgorde))
        return self._namen

    @choices.setter
    def choices(self, _: Sequence[str]) -> None:
        pass  # click's own __init__ sets it; the names come from the kinds

    def _volgorde(self, naam: str) -> tuple[int, str]:
        """One command: its kinds in their own order; several: alphabetical."""
        if len(self._opdrachten) > 1:
            return 0, naam
        return contracten.documentsoorten(self._opdrachten[0]).index(naam), naam


class Soortoptie(click.Option):
    """An option whose help names the document kinds (`{soorten}` in its help), filled in only
    when the help is shown: see `Soortkeuze`."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None or not isinstance(self.type, click.Choice):
            return record
        return record[0], record[1].replace("{soorten}", ", ".join(map(str, self.type.choices)))


def procent(waarde: str | None, optie: str) -> Decimal | None:
    if waarde is None:
        return None
    from decimal import Decimal  # here: only indexeer reads a percentage

    try:
        getal = Decimal(waarde.replace(",", "."))
    except ArithmeticError:
        getal = None
    if getal is None or not getal.is_finite() or abs(getal) > 1000:
        raise click.BadParameter(f"'{waarde}' is geen bruikbaar percentage (bijv. 3.5)",
                                 param_hint=optie)
    return getal


@contextmanager
def voortgangsbalk(stil: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal, of the documents the run reports it makes (klaar of
    totaal); nothing with --json or when output goes elsewhere. Each run that begins (klaar 0)
    gets a bar of its own, which ends with it (`genereer --volg` makes runs one after another)."""
    if stil or not sys.stderr.isatty():
        yield None
        return
    balk: Any = None
    gedaan = 0

    def bij(gemaakt: int, totaal: int) -> None:
        nonlocal balk, gedaan
        if balk is None or gemaakt == 0:
            if balk is not None:
                balk.__exit__(None, None, None)
            balk = click.progressbar(length=totaal, label="Documenten maken", file=sys.stderr,
                                     show_pos=True)
            balk.__enter__()
            gedaan = 0
        balk.update(gemaakt - gedaan)
        gedaan = gemaakt
        if gemaakt >= totaal:
            balk.__exit__(None, None, None)
            balk = None

    try:
        yield bij
    finally:
        if balk is not None:
            balk.__exit__(None, None, None)


def json_optie(functie: Any) -> Any:
    return click.option("--json", "als_json", is_flag=True,
                        help="Toon het resultaat als JSON op stdout.")(functie)


def datum_optie(functie: Any) -> Any:
    return click.option("--datum", type=Datum(), metavar="JJJJ-MM-DD",
                        help="Datum op de brieven (standaard vandaag).")(functie)


def prijspeil_optie(functie: Any) -> Any:
    return click.option("--prijspeil", type=Jaar(), metavar="JAAR",
                        help="Prijspeil (standaard: het nieuwste van de regio).")(functie)


def uitvoer_optie(functie: Any) -> Any:
    return click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("output"), show_default=True,
                        help="Map voor de documenten.")(functie)


def formaat_optie(functie: Any) -> Any:
    return click.option("--formaat", "formaten", multiple=True,
                        type=click.Choice(["docx", "md", "html", "pdf"]),
                        help="Extra formaat naast .docx en .md (html, pdf); herhaalbaar.")(functie)


def sjablonen_optie(functie: Any) -> Any:
    return click.option(
        "--sjablonen", type=click.Path(file_okay=False, exists=True, path_type=Path),
        envvar="CONTRACTEN_SJABLONEN",
        help="Map met Word-sjablonen (standaard ./sjablonen, anders die van het pakket).")(functie)
