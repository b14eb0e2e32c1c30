"""Lint the Word templates against a region: every variable a template uses must exist in its
document kind's context, every tag must be whole (not split by Word), and the template must render
for every aanbieder, so each branch (obliged to social return or not, …) is tried."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from contracten.fouten import InvoerFout, Melding
from contracten.profiel.laden import laad_regio
from contracten.profiel.model import Profiel
from contracten.profiel.tarieven import IndexatieRecord
from contracten.rekenen.indexatie import indexeer
from contracten.soorten.opzegging import proefcontexten
from contracten.soorten.register import SOORTEN, Soort, Uitvoering, sjablonenmap
from contracten.weergave.sjabloon import OMGEVING, TELLERS, SjabloonFout, render

TIJDSTIP = dt.datetime(2000, 1, 1)
HEEL = re.compile(r"\{\{[^<]*?\}\}|\{%[^<]*?%\}")
STUK = re.compile(r"\{\{|\{%|%\}|\}\}")


def controleer_sjablonen(profiel: Profiel, sjablonen: Path) -> list[Melding]:
    meldingen: list[Melding] = []
    for naam, soort in SOORTEN.items():
        proef_en_jaar = proefprofiel(profiel, soort)
        pad = sjablonen / soort.sjabloon
        weergave = f"sjablonen/{soort.sjabloon}"
        if not pad.is_file():
            meldingen.append(
                Melding(weergave, None, "", "sjabloon ontbreekt", "sjabloon_ontbreekt"))
            continue
        try:
            tpl = DocxTemplate(pad)
            gebruikt = tpl.get_undeclared_template_variables(OMGEVING)
            gebroken = _gebroken_tags(tpl, pad)
        except TemplateError as exc:
            meldingen.append(Melding(weergave, None, "", f"fout in een sjabloontag: {exc}",
                                     "sjabloon_syntax"))
            continue
        except Exception as exc:  # not a Word file at all
            meldingen.append(Melding(weergave, None, "", f"geen leesbaar Word-bestand ({exc})",
                                     "sjabloon_onleesbaar"))
            continue
        if gebroken:
            meldingen.append(Melding(
                weergave, None, "", f"sjabloontag niet heel (bij: {gebroken[0][:60]}); staat een "
                "tag verspreid over opmaak (bijv. half vet)? Typ de tag opnieuw in één keer.",
                "sjabloon_tag"))
            continue
        if proef_en_jaar is None:
            continue  # this region has no such documents (e.g. no social return)
        proef, jaar = proef_en_jaar
        aanbieders = proef.aanbieders if soort.per_aanbieder else [None]
        uitvoering = Uitvoering("controle", TIJDSTIP.date())
        contexten = [soort.context(proef, jaar, a, uitvoering) for a in aanbieders]
        bekend = {*TELLERS, *(contexten[0] if contexten else {})}
        onbekend = sorted(gebruikt - bekend)
        if onbekend:
            meldingen.append(Melding(
                weergave, None, ", ".join(onbekend),
                f"bestaat niet in documentsoort '{naam}'; beschikbaar: "
                f"{', '.join(sorted(bekend))}", "sjabloon_variabele"))
            continue
        for context in contexten:
            try:
                render(pad, context, titel="controle", tijdstip=TIJDSTIP, naam=weergave)
            except SjabloonFout as fout:
                meldingen.append(Melding(weergave, None, "", str(fout).split(": ", 1)[-1],
                                         "sjabloon_render"))
                break
    for sjabloon, context in proefcontexten(profiel, "controle", TIJDSTIP.date()):
        weergave = f"sjablonen/{sjabloon}"
        try:
            render(sjablonen / sjabloon, context, titel="controle", tijdstip=TIJDSTIP,
                   naam=weergave)
        except SjabloonFout as fout:
            meldingen.append(Melding(weergave, None, "", str(fout).split(": ", 1)[-1],
                                     "sjabloon_render"))
    return meldingen


def proefprofiel(profiel: Profiel, soort: Soort) -> tuple[Profiel, int] | None:
    """The profile and prijspeil to try a template on, or None when the region has no such
    documents. A kind that needs an indexed prijspeil (the indexatiebrief) is tried on a
    notional next year, indexed by 0 %."""
    jaar = profiel.laatste_prijspeil()
    if soort.beschikbaar(profiel, jaar):
        return profiel, jaar
    record = IndexatieRecord(van=jaar, methode="percentage", index=Decimal(0),
                             datum=TIJDSTIP.date())
    nieuw = indexeer(profiel, jaar + 1, record).prijspeil
    proef = profiel.model_copy(update={"prijspeilen": {**profiel.prijspeilen, jaar + 1: nieuw}})
    return (proef, jaar + 1) if soort.beschikbaar(proef, jaar + 1) else None


def _gebroken_tags(tpl: DocxTemplate, pad: Path) -> list[str]:
    """Tag pieces left after docxtpl's own clean-up: a tag that Word split beyond repair."""
    document = Document(pad)
    delen = [tpl.patch_xml(tpl.xml_to_string(document.element.body))]
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            delen.append(tpl.patch_xml(rel.target_part.blob.decode("utf-8")))
    gevonden = []
    for xml in delen:
        rest = HEEL.sub("", xml)
        for m in STUK.finditer(rest):
            gevonden.append(re.sub(r"<[^>]+>", "", rest[max(0, m.start() - 40):m.end() + 40]))
    return gevonden


def valideer_regio(regios: Path, naam: str, sjablonen: Path | None = None) -> Profiel:
    """Load a region and check the templates against it. Raises InvoerFout with all problems."""
    profiel = laad_regio(regios, naam)
    meldingen = controleer_sjablonen(profiel, sjablonenmap(sjablonen))
    if meldingen:
        raise InvoerFout(meldingen, f"Sjablonen passen niet bij regio '{profiel.sleutel}'")
    return profiel
