"""Lint the Word templates against a region: every variable a template uses must exist in its
document kind's context, it must render, and no tag may survive (e.g. one split by Word)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from .fouten import InvoerFout, Melding
from .profiel import Profiel
from .render import OMGEVING, SjabloonFout, render, resterende_tags
from .soorten import SOORTEN, sjablonenmap

TIJDSTIP = dt.datetime(2000, 1, 1)


def controleer_sjablonen(profiel: Profiel, sjablonen: Path) -> list[Melding]:
    meldingen: list[Melding] = []
    jaar = profiel.laatste_prijspeil()
    aanbieder = profiel.aanbieders[0] if profiel.aanbieders else None
    for naam, soort in SOORTEN.items():
        pad = sjablonen / soort.sjabloon
        weergave = f"sjablonen/{soort.sjabloon}"
        if not pad.is_file():
            meldingen.append(
                Melding(weergave, None, "", "sjabloon ontbreekt", "sjabloon_ontbreekt"))
            continue
        if soort.per_aanbieder and aanbieder is None:
            continue
        context = soort.context(profiel, jaar, aanbieder, "controle")
        bekend = {*context, "artikel"}
        try:
            gebruikt = DocxTemplate(pad).get_undeclared_template_variables(OMGEVING)
        except TemplateError as exc:
            meldingen.append(Melding(weergave, None, "", f"fout in een sjabloontag: {exc}",
                                     "sjabloon_syntax"))
            continue
        except Exception as exc:  # not a Word file at all
            meldingen.append(Melding(weergave, None, "", f"geen leesbaar Word-bestand ({exc})",
                                     "sjabloon_onleesbaar"))
            continue
        onbekend = sorted(gebruikt - bekend)
        if onbekend:
            meldingen.append(Melding(
                weergave, None, ", ".join(onbekend),
                f"bestaat niet in documentsoort '{naam}'; beschikbaar: "
                f"{', '.join(sorted(bekend))}", "sjabloon_variabele"))
            continue
        try:
            docx = render(pad, context, titel="controle", tijdstip=TIJDSTIP, naam=weergave)
        except SjabloonFout as fout:
            meldingen.append(Melding(weergave, None, "", str(fout).split(": ", 1)[-1],
                                     "sjabloon_render"))
            continue
        if resterende_tags(docx):
            meldingen.append(Melding(
                weergave, None, "", "een sjabloontag is niet verwerkt; staat een tag verspreid "
                "over opmaak (bijv. half vet)? Typ de tag opnieuw in één keer.", "sjabloon_tag"))
    return meldingen


def controleer(profiel: Profiel, sjablonen: Path | None) -> None:
    """Raise InvoerFout when a template does not fit this region's document contexts."""
    meldingen = controleer_sjablonen(profiel, sjablonenmap(sjablonen))
    if meldingen:
        raise InvoerFout(meldingen, f"Sjablonen passen niet bij regio '{profiel.sleutel}'")
