"""The command group every command hangs from, and how the library's errors reach the user:
a Dutch message on stderr and an exit code (0 done, 1 invalid input, 2 wrong use of the command
line, 130/143 interrupted). The same whether run as `contracten` or in-process (CliRunner)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import click

import contracten
from contracten import ContractenFout, InvoerFout, bevat_bsn
from contracten.cli import einde
from contracten.cli.onderbreking import afgebroken, schoon, status
from contracten.cli.opties import CONTEXT

# Options whose value is a connection address, never written to a document, the register or a
# message: a password or a generated database name may hold nine digits that pass the elfproef.
GEEN_GEGEVENS = frozenset({"--database"})
# Environment variables that give an option a value which reaches the register (`--door`).
MET_GEGEVENS = ("CONTRACTEN_DOOR",)


def bsn_plaats(args: list[str]) -> str | None:
    """Where on the command line a BSN stands, named without repeating it ("de waarde na
    --door"), or None. The privacy gate: every value a user types may reach a document."""
    vorige = ""
    for waarde in args:
        optie, gelijk, rest = waarde.partition("=") if waarde.startswith("--") else ("", "", "")
        if gelijk:
            if optie not in GEEN_GEGEVENS and bevat_bsn(rest):
                return f"de waarde van {optie}"
        elif vorige not in GEEN_GEGEVENS and bevat_bsn(waarde):
            return f"de waarde na {vorige}" if vorige.startswith("-") else "een argument"
        vorige = waarde
    return None


# The module (in contracten.cli) that registers each command, in the order in which importing
# them all registers the commands (agenda imports goedkeuring first): the order of
# `main.commands`, which mkdocs-click follows. tests/test_opstarten.py checks it against them.
MODULES = {"status": "goedkeuring", "akkoord": "goedkeuring", "getekend": "goedkeuring",
           "agenda": "agenda", "exporteer": "agenda", "importeer": "agenda",
           "artikelen": "artikelen", "regios": "beheer", "bijwerken": "beheer",
           "valideer": "beheer", "definitief": "beheer", "vergelijk": "beheer",
           "genereer": "documenten", "indexeer": "documenten", "opzegging": "documenten",
           "gebruiker": "gebruikers", "socialreturn": "socialreturn", "web": "web",
           "werker": "werker"}


# The commands that may end without Python's finalization (`cli.einde`): those a user waits for
# that leave nothing open but the register, which closes itself at the exit. Not `web` and
# `werker` (servers), nor the others until each is checked as a process of its own: in-process
# tests never take the quick end.
SNEL_EINDE = frozenset({"genereer", "indexeer", "opzegging", "socialreturn", "valideer",
                        "status", "akkoord", "getekend", "definitief", "agenda"})


class Opdrachten(MutableMapping[str, click.Command]):
    """The commands of `main`, each imported when first asked for: looking up one command
    (running it, its --help) imports only its own module; anything that sees them all
    (iterating, counting: --help, a misspelt command's suggestions, the documentation) imports
    every module first, and then holds them in the order an import of all of them gives."""

    def __init__(self) -> None:
        self._opdrachten: dict[str, click.Command] = {}
        self._alle = False

    def _laad(self, naam: str) -> None:
        if naam not in self._opdrachten and naam in MODULES:
            importlib.import_module(f"contracten.cli.{MODULES[naam]}")

    def _laad_alle(self) -> None:
        if self._alle:
            return
        for module in dict.fromkeys(MODULES.values()):
            importlib.import_module(f"contracten.cli.{module}")
        self._alle = True
        volgorde = {naam: i for i, naam in enumerate(MODULES)}
        self._opdrachten = dict(sorted(self._opdrachten.items(),
                                       key=lambda paar: volgorde.get(paar[0], len(volgorde))))

    def __getitem__(self, naam: str) -> click.Command:
        self._laad(naam)
        return self._opdrachten[naam]

    def __setitem__(self, naam: str, opdracht: click.Command) -> None:
        self._opdrachten[naam] = opdracht

    def __delitem__(self, naam: str) -> None:
        self._laad(naam)
        del self._opdrachten[naam]

    def __iter__(self) -> Iterator[str]:
        self._laad_alle()
        return iter(self._opdrachten)

    def __len__(self) -> int:
        self._laad_alle()
        return len(self._opdrachten)


OPDRACHTREGEL = "contracten.opdrachtregel"  # ctx.meta: the command line as typed


def opdrachtregel() -> list[str] | None:
    """The command line of the command that runs, as typed (without the program's name)."""
    regel: list[str] | None = click.get_current_context().meta.get(OPDRACHTREGEL)
    return regel


class Groep(click.Group):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = Opdrachten()

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        naam, opdracht, rest = super().resolve_command(ctx, args)
        if naam in SNEL_EINDE:
            einde.sta_toe()
        return naam, opdracht, rest

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        plaats = bsn_plaats(args)
        plaats = f"{plaats} op de opdrachtregel" if plaats else next(
            (f"de omgevingsvariabele {naam}" for naam in MET_GEGEVENS
             if bevat_bsn(os.environ.get(naam, ""))), None)
        if plaats:
            click.echo(f"Fout: {plaats} bevat een BSN (9 cijfers die de elfproef halen); "
                       "gebruik een pseudoniem. [bsn]", err=True)
            ctx.exit(1)
        ctx.meta[OPDRACHTREGEL] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        contracten.begin_opdracht()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise  # click's own handling (a closed pipe, as with `| head`, ends quietly)
        except InvoerFout as fout:
            click.echo(schoon(str(fout)), err=True)
            ctx.exit(1)
        except ContractenFout as fout:
            click.echo(schoon(f"Fout: {fout}"), err=True)
            ctx.exit(1)
        except KeyboardInterrupt as onderbroken:
            # Ctrl-C (SIGINT) or SIGTERM: whatever was staged has been discarded, but what the
            # command had committed already stays (its output, its profile, a step in the register).
            click.echo(afgebroken(), err=True)
            ctx.exit(status(onderbroken))
        except OSError as exc:  # a full disk, a read-only place, ... that nothing nearer named
            click.echo(schoon(f"Fout: {ContractenFout.uit_os(exc)}"), err=True)
            ctx.exit(1)
        except Exception as exc:  # a bug: say so plainly; the details only on request
            if os.environ.get("CONTRACTEN_DEBUG"):
                raise
            click.echo(f"Interne fout in contracten ({type(exc).__name__}: {exc}). Meld dit "
                       "met de opdracht die u gaf; met CONTRACTEN_DEBUG=1 ziet u de details.",
                       err=True)
            ctx.exit(1)


@click.group(cls=Groep, context_settings=CONTEXT, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
@click.option("--regios", "regios", type=click.Path(file_okay=False, path_type=Path),
              metavar="MAP", default=Path("regios"), envvar="CONTRACTEN_REGIOS",
              show_default=True, help="Map met regioprofielen (ook via CONTRACTEN_REGIOS).")
@click.version_option(package_name="contracten", message="%(prog)s %(version)s",
                      help="Toon de versie en stop.")
@click.pass_context
def main(ctx: click.Context, regios: Path) -> None:
    """Maak de documenten van Wmo-contracten uit regioprofielen."""
    ctx.obj = regios
