"""What the program says when it is interrupted (Ctrl-C, SIGTERM), and how it cleans a message
for the terminal. Without click: the start of an unchanged rerun (`snelstart`) uses it before
click is imported."""

from __future__ import annotations

import signal

import contracten


def schoon(bericht: str) -> str:
    """A message as the terminal may show it: control characters from input (an escape
    sequence in a name) become visible codes instead of acting on the terminal."""
    return "".join(t if t == "\n" or not contracten.verboden_teken(t) else f"<U+{ord(t):04X}>"
                   for t in bericht)


def afgebroken() -> str:
    """The last word after Ctrl-C or SIGTERM: what the command had already committed stays."""
    stand, delen = contracten.vastgelegd(), []
    if stand.uitvoer is not None:
        delen.append(f"de nieuwe uitvoer in {stand.uitvoer} staat er al volledig")
    if stand.profiel is not None:
        delen.append(f"het profiel in {stand.profiel} is al bijgewerkt")
    if stand.register:
        delen.append("wat deze opdracht al in het register vastlegde, blijft staan")
    if stand.bestanden:
        delen.append(f"{contracten.als_opsomming([str(p) for p in stand.bestanden])} "
                     f"{'is' if len(stand.bestanden) == 1 else 'zijn'} al geschreven")
    if not delen:
        return "Afgebroken; er is niets gewijzigd."
    return schoon(f"Afgebroken; {'; '.join(delen)}.")


def status(onderbroken: KeyboardInterrupt) -> int:
    """The exit status after an interruption: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + getattr(onderbroken, "signaal", signal.SIGINT)


class Beeindigd(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop, discard what was staged, say so."""

    signaal = signal.SIGTERM


def bij_sigterm(signum: int, frame: object) -> None:
    raise Beeindigd
