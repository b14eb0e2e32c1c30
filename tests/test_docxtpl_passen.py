"""The engine runs docxtpl's render step by step (contracten.weergave.docxtplpassen). These tests
fail loudly, naming what changed, when an installed docxtpl no longer fits: lift the bound in
pyproject.toml only when they pass with the new version."""

from __future__ import annotations

import io
import re
import tomllib

import docxtpl
import pytest
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree

from contracten.weergave import docxtplpassen
from contracten.weergave.docxtplpassen import DocxtplOngeschikt, Passen
from contracten.weergave.motor import Motor

from .conftest import ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

# A tag Word split over runs (half bold), a paragraph tag, a value with a line break and a tab,
# and a column loop that makes a row wider than the table's grid.
DEEL = (
    f'<w:body xmlns:w="{W}" xmlns:wp="{WP}">'
    "<w:p><w:r><w:t>Naam: {{ na</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>am }}</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>{%p if toon %}</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>{{ regels }}</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>"
    "<w:tbl><w:tblGrid><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr>"
    "<w:tc><w:p><w:r><w:t>{%tc for k in kolommen %}</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>{{ k }}</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>{%tc endfor %}</w:t></w:r></w:p></w:tc>"
    "</w:tr></w:tbl></w:body>"
)
INHOUD = {"naam": "Zorg & Co", "toon": True, "regels": "een\ntwee\tdrie",
          "kolommen": ["a", "b", "c"]}


def _docx() -> bytes:
    uit = io.BytesIO()
    Document().save(uit)
    return uit.getvalue()


def test_het_geinstalleerde_docxtpl_heeft_de_passen():
    docxtplpassen.controleer()  # raises DocxtplOngeschikt, naming what is missing


def test_onze_stappen_geven_wat_docxtpl_zelf_rendert():
    """The engine's prepare → fill → finish equals docxtpl's own render of the same part."""
    omgeving = Environment(autoescape=True)
    passen = Passen(_docx())
    ons = passen.nabewerkt(omgeving.from_string(passen.voorbereid(DEEL)).render(INHOUD))
    tpl = DocxTemplate(io.BytesIO(_docx()))
    tpl.init_docx()
    hun = tpl.render_xml_part(tpl.patch_xml(DEEL), None, INHOUD, omgeving)
    assert ons == hun, f"docxtpl {docxtpl.__version__} rendert anders dan de motor verwacht"
    assert "Naam: Zorg &amp; Co" in ons  # the split tag was joined, the value escaped
    assert "<w:br/>" in ons and "<w:tab/>" in ons  # the listing pass made Word's breaks


def test_letterlijke_tags_in_het_sjabloon_maar_niet_in_een_waarde():
    """docxtpl's `{_{ … }_}` in a template's text gives a literal `{{ … }}` (as docxtpl's own
    render), but the same characters in a filled-in value stay as the user wrote them:
    docxtpl itself rewrites them there too, which changed an aanbieder's name in a contract."""
    deel = (f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>{{_{{ letterlijk }}_}} {{_% x %_}} '
            "{{ naam }}</w:t></w:r></w:p></w:body>")
    naam = "Zorg {_{ x }_} {_% y %_} B.V."
    passen = Passen(_docx())
    omgeving = Environment(autoescape=True)
    ons = passen.nabewerkt(omgeving.from_string(passen.voorbereid(deel)).render(naam=naam))
    assert ">{{ letterlijk }} {% x %} Zorg {_{ x }_} {_% y %_} B.V.</w:t>" in ons
    tpl = DocxTemplate(io.BytesIO(_docx()))
    tpl.init_docx()
    hun = tpl.render_xml_part(tpl.patch_xml(deel), None, {"naam": naam}, omgeving)
    assert "{{ letterlijk }} {% x %} Zorg {{ x }} {% y %} B.V." in hun  # docxtpl's own way


def test_tabellen_passen_en_tekeningen_krijgen_elk_een_eigen_nummer():
    passen = Passen(_docx())
    omgeving = Environment(autoescape=True)
    gevuld = passen.nabewerkt(omgeving.from_string(passen.voorbereid(DEEL)).render(INHOUD))
    body = passen.tabellen_passend(gevuld)
    assert len(body.findall(f".//{{{W}}}gridCol")) == 3  # one column per cell of the row
    tekeningen = etree.fromstring(
        f'<w:body xmlns:w="{W}" xmlns:wp="{WP}"><wp:docPr id="1"/><wp:docPr id="1"/></w:body>')
    passen.tekeningen_genummerd(tekeningen)
    assert [e.get("id") for e in tekeningen.iter(f"{{{WP}}}docPr")] == ["1001", "1002"]


def test_een_docxtpl_zonder_een_pas_wordt_in_het_nederlands_geweigerd(monkeypatch, tmp_path):
    monkeypatch.delattr(DocxTemplate, "fix_tables")
    with pytest.raises(DocxtplOngeschikt) as fout:
        Passen(_docx())
    bericht = str(fout.value)
    assert "fix_tables ontbreekt" in bericht
    assert f"pip install 'docxtpl{docxtplpassen.ONDERSTEUND}'" in bericht
    # Through the engine too: not mistaken for an unreadable template.
    with pytest.raises(DocxtplOngeschikt):
        Motor(ROOT / "sjablonen" / "overeenkomst.docx", "overeenkomst.docx")


def test_de_grenzen_in_pyproject_zijn_die_van_de_passen():
    """One bound, stated twice: in pyproject.toml and in the module that relies on it; the
    installed version lies within it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    regel = next(d for d in project["dependencies"] if d.startswith("docxtpl"))
    assert regel == f"docxtpl[subdoc]{docxtplpassen.ONDERSTEUND}"
    onder, boven = re.fullmatch(r">=([\d.]+),<([\d.]+)", docxtplpassen.ONDERSTEUND).groups()

    def als_getal(v: str) -> tuple[int, ...]:
        return tuple(int(d) for d in v.split(".")[:3])

    assert als_getal(onder) <= als_getal(docxtpl.__version__) < als_getal(boven)
