"""The .docx files in sjablonen/ are the source of every sentence a reader sees (issue 13, item 6).

The context builders in contracten/soorten/ hand over data; the templates word it. Nothing
generates the templates any more: a person edits them in Word or LibreOffice, and `valideer`
catches what such an edit can break.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from contracten.cli import main

ROOT = Path(__file__).resolve().parent.parent
SOORTEN = ROOT / "contracten" / "soorten"
SJABLONEN = ROOT / "sjablonen"
REGIOS = ROOT / "regios"

# --- (a) no document prose in the context builders ------------------------------------------
#
# The rule, precisely. In every module of contracten/soorten/, look at each string literal; an
# f-string counts as one string, each {…} in it as one word, and adjacent literals are one
# string (Python joins them). Such a string is document prose when, with its whitespace
# collapsed,
#   - it has at least MIN_WOORDEN words (a word: a run of non-space characters holding a
#     letter or a {…} placeholder), and
#   - it ends a sentence: its last character is '.', '!' or '?' (closing brackets and quotes
#     after it are ignored), or it holds a sentence break: '. ', '! ' or '? ' followed by a
#     capital letter.
# Not prose, whatever they say:
#   - docstrings (the first statement of a module, class or function);
#   - what a `raise` or `assert` statement says: error messages go to the user on the command
#     line, not into a document.
# Everything else a reader sees (sentences, table headers, the wording of a yes/no) is written
# in the template with Jinja; Python may still format values ("€ 1.234,56", "14 mei 2025",
# "6 maanden", the "(voorbeeld)" marker).

MIN_WOORDEN = 6
_ZINSEINDE = re.compile(r"[.!?][)\]’'\"”]*$")
_ZINSGRENS = re.compile(r"[.!?] +[A-ZÀ-Ý]")


def _tekst(knoop: ast.expr) -> str | None:
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return knoop.value
    if isinstance(knoop, ast.JoinedStr):
        return "".join(deel.value if isinstance(deel, ast.Constant) else " {…} "
                       for deel in knoop.values)
    return None


def is_proza(tekst: str) -> bool:
    tekst = " ".join(tekst.split())
    woorden = [w for w in tekst.split(" ") if re.search(r"[^\W\d_]|\{…\}", w)]
    if len(woorden) < MIN_WOORDEN:
        return False
    return bool(_ZINSEINDE.search(tekst) or _ZINSGRENS.search(tekst))


def _uitgezonderd(boom: ast.Module) -> set[int]:
    """ids of the string nodes that are docstrings or error messages."""
    uit: set[int] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            eerste = knoop.body[0] if knoop.body else None
            if isinstance(eerste, ast.Expr) and _tekst(eerste.value) is not None:
                uit.add(id(eerste.value))
        if isinstance(knoop, ast.Raise | ast.Assert):
            uit |= {id(kind) for kind in ast.walk(knoop)}
    return uit


def proza_in(bron: str) -> list[tuple[int, str]]:
    """(line, text) of every string in `bron` that the rule above calls document prose."""
    boom = ast.parse(bron)
    uitgezonderd = _uitgezonderd(boom)
    gevonden = []
    binnen_fstring: set[int] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.JoinedStr):
            binnen_fstring |= {id(deel) for deel in knoop.values}
    for knoop in ast.walk(boom):
        if not isinstance(knoop, ast.expr) or id(knoop) in uitgezonderd | binnen_fstring:
            continue
        tekst = _tekst(knoop)
        if tekst is not None and is_proza(tekst):
            gevonden.append((knoop.lineno, " ".join(tekst.split())))
    return gevonden


def test_de_prozaregel_vangt_zinnen_en_laat_meldingen_en_docstrings_staan():
    bron = '''
"""A module docstring that is a full sentence of more than six words."""
def f(x):
    """A function docstring that is a full sentence of more than six words."""
    if not x:
        raise ValueError("het bedrag is niet afgerond op hele centen, dus weigeren we het.")
    assert x, "dit is een melding voor de ontwikkelaar en geen documenttekst."
    a = ("Begin van de opzegtermijn. Vanaf deze dag neemt de "
         "aanbieder geen nieuwe inwoners in zorg.")
    b = f"Einde van de overeenkomst (na {x}). Tot deze dag levert de aanbieder."
    c = "Er zijn geen cliënten opgegeven; dit schema bevat de data van de overeenkomst."
    d = ["Cliënt", "Product", "Einde beschikking", "nee (waar mogelijk)", "geen einddatum"]
    e = f"{x}/regio.yaml: regels.socialreturn (ook brief_verplicht, brief_waar_mogelijk)"
    return a, b, c, d, e
'''
    assert [regel for regel, _ in proza_in(bron)] == [8, 10, 11]


@pytest.mark.parametrize("module", sorted(p.name for p in SOORTEN.glob("*.py")))
def test_geen_documentproza_in_de_contextbouwers(module: str):
    gevonden = proza_in((SOORTEN / module).read_text(encoding="utf-8"))
    assert not gevonden, (
        f"contracten/soorten/{module} bevat documenttekst; zet die in het sjabloon en geef "
        f"alleen gegevens door: {gevonden}")


# --- (b) nothing generates the templates ----------------------------------------------------

def test_de_sjablonen_worden_niet_meer_gegenereerd():
    assert not (ROOT / "scripts" / "maak_sjablonen.py").exists()
    zelf = Path(__file__).resolve()
    verwijzingen = [p for map_ in ("contracten", "tests") for p in (ROOT / map_).rglob("*.py")
                    if p.resolve() != zelf and "maak_sjablonen" in p.read_text(encoding="utf-8")]
    assert verwijzingen == []
    for naam in ("overeenkomst", "programma-van-eisen", "indexatiebrief", "socialreturn-brief",
                 "socialreturn-overzicht", "transitieschema", "opzeggingsbrief"):
        assert (SJABLONEN / f"{naam}.docx").is_file()


# --- (c) and (d): what `valideer` says about a template a person edited ----------------------

def _kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "sjablonen"
    shutil.copytree(SJABLONEN, doel)
    return doel


def _valideer(sjablonen: Path) -> tuple[int, str]:
    uit = CliRunner().invoke(main, ["--regios", str(REGIOS), "valideer", "assen",
                                    "--sjablonen", str(sjablonen)])
    return uit.exit_code, uit.output


def _voeg_alinea_toe(sjabloon: Path, *runs: tuple[str, bool]) -> None:
    """What a person does in Word: type a paragraph at the end, maybe part of it in bold."""
    document = Document(str(sjabloon))
    alinea = document.add_paragraph()
    for tekst, vet in runs:
        alinea.add_run(tekst).bold = vet
    document.save(str(sjabloon))


def test_de_sjablonen_zoals_ze_zijn_kloppen(tmp_path: Path):
    code, uitvoer = _valideer(_kopie(tmp_path))
    assert code == 0, uitvoer


def test_een_onbekende_variabele_wordt_gemeld_met_sjabloon_en_naam(tmp_path: Path):
    sjablonen = _kopie(tmp_path)
    _voeg_alinea_toe(sjablonen / "overeenkomst.docx", ("Zie ook {{ bestaat_niet }}.", False))
    code, uitvoer = _valideer(sjablonen)
    assert code == 1
    melding = next(r for r in uitvoer.splitlines() if "bestaat_niet" in r)
    assert "overeenkomst.docx" in melding


def test_een_tag_die_over_opmaak_gebroken_is_wordt_gemeld(tmp_path: Path):
    """Half of the tag bold, and its closing brace lost while retyping that half: the pieces
    cannot be joined, and the message names the template and the broken tag's text."""
    sjablonen = _kopie(tmp_path)
    _voeg_alinea_toe(sjablonen / "socialreturn-brief.docx",
                     ("Naam: {{ aanbieder.", False), ("naam }", True))
    code, uitvoer = _valideer(sjablonen)
    assert code == 1
    melding = next(r for r in uitvoer.splitlines() if "niet heel" in r)
    assert "socialreturn-brief.docx" in melding
    assert "{{ aanbieder.naam }" in melding


def test_een_half_vette_maar_volledige_tag_werkt(tmp_path: Path):
    """Word splits a tag whose second half is bold into two runs; the engine joins them again
    (the value takes the formatting of the tag's start), so the document says what it should."""
    sjablonen = _kopie(tmp_path)
    _voeg_alinea_toe(sjablonen / "overeenkomst.docx",
                     ("Contactpersoon: {{ aanbieder.", False), ("contact.naam }}", True))
    code, uitvoer = _valideer(sjablonen)
    assert code == 0, uitvoer
    uitvoermap = tmp_path / "uit"
    uit = CliRunner().invoke(main, [
        "--regios", str(REGIOS), "genereer", "assen", "--aanbieder", "wonen-plus",
        "--document", "overeenkomst", "--formaat", "md", "--sjablonen", str(sjablonen),
        "--uitvoer", str(uitvoermap), "--datum", "2026-01-05"])
    assert uit.exit_code == 0, uit.output
    tekst = next(uitvoermap.rglob("wonen-plus.md")).read_text(encoding="utf-8")
    assert "Contactpersoon: Anouk de Vries" in tekst
