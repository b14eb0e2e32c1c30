"""What is valid but probably not meant. A profile with it loads, generates and validates as
before; `valideer` says it ("Let op: …") so a person can look. Pure: the parts that loaded in,
problems out, in the shape of the cross-checks of `validatie`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from contracten.lezen.meldingen import veldpad
from contracten.opmaak import datum
from contracten.profiel.onderdelen import Onderdelen
from contracten.profiel.overeenkomst import SocialReturnAfspraken
from contracten.profiel.validatie import Probleem

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
# "vóór 1 april", also written "voor 1 april"
VOOR_DAG = re.compile(rf"\bv(?:óó|oo|óo|oó)r\s+(\d{{1,2}})\s+({'|'.join(MAANDEN)})\b",
                      re.IGNORECASE)


def waarschuwingen(o: Onderdelen) -> list[Probleem]:
    """Every warning about the parts that loaded."""
    keuzes = o.overeenkomst
    if keuzes is None or keuzes.socialreturn is None:
        return []
    return list(_rapportage_vanaf(keuzes.socialreturn))


def _rapportage_vanaf(afspraken: SocialReturnAfspraken) -> Iterator[Probleem]:
    """`rapportage_vanaf` is the last day the report may arrive (inclusive). A contract that says
    "vóór 1 april" means 31 March at the latest: 1 April there is a day later than the contract,
    in the agenda, in the letters and in when a reminder may be made."""
    vanaf = afspraken.rapportage_vanaf
    treffer = VOOR_DAG.search(afspraken.rapportage)
    if vanaf is None or treffer is None:
        return
    maand = MAANDEN.index(treffer.group(2).lower()) + 1
    if (vanaf.day, vanaf.month) != (int(treffer.group(1)), maand):
        return
    ervoor = vanaf - dt.timedelta(days=1)
    loc = ("socialreturn", "rapportage_vanaf")
    yield ("overeenkomst.yaml", loc, veldpad(loc),
           f"{vanaf.isoformat()} is de dag waarvóór de verantwoording binnen moet zijn "
           f"(rapportage: '{treffer.group(0)}'), niet de laatste dag waarop zij mag "
           f"binnenkomen; rapportage_vanaf is die laatste dag, en die telt mee. Bedoelt u "
           f"{ervoor.isoformat()} ({datum(ervoor)})?", "rapportage_vanaf_dag_te_laat")
