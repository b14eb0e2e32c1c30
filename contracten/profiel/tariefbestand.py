"""A new prijspeil as the text of tarieven/<jaar>.yaml: readable, commented. (Written, never
overwriting, through `profiel.wissel`.)"""

from __future__ import annotations

from decimal import Decimal

import yaml

from contracten.profiel.tarieven import Prijspeil


class _Dumper(yaml.SafeDumper):
    pass


def _decimal(dumper: yaml.SafeDumper, waarde: Decimal) -> yaml.ScalarNode:
    # Written as a plain number; our reader turns it back into the same Decimal. A whole
    # number (an OVA of 3 from a file) as an integer, so it needs no "!!float '3'".
    tekst = str(waarde)
    heel = tekst.lstrip("-").isdigit()
    return dumper.represent_scalar(f"tag:yaml.org,2002:{'int' if heel else 'float'}", tekst)


_Dumper.add_representer(Decimal, _decimal)


def als_yaml(prijspeil: Prijspeil, kop: str) -> str:
    data = prijspeil.model_dump(mode="python", exclude_none=True)
    tekst = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    commentaar = "".join(f"# {regel}\n" for regel in kop.splitlines())
    return commentaar + "\n" + tekst
