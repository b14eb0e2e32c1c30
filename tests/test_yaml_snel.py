"""The quick ways of reading YAML give what the slow ways give (issue 31): libyaml's parser
against PyYAML's own (the fallback where libyaml is missing), and the check of all plain ASCII
text of a file at once against the check value by value: the same data, the same messages with
the same lines and fields."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from contracten.lezen import bron
from contracten.lezen.scalars import verdacht
from contracten.lezen.tekens import verboden_teken
from contracten.privacy import bevat_bsn

from .conftest import REGIOS

# Values that each trip a check (a BSN however written, a control character, a tag, an
# anchor, a duplicate key) or come close to one without tripping it.
LASTIG = ['"\\x1b"', "'123456782'", '"1234 56 782"', "１２３４５６７８２", "é 123456782",
          '"a\\u0007b"', "0123456789abcdef" * 4, "!!python/object x", "&a x", "*a",
          "123456782", "1.234.567.82", '"12345678"', '"\\u00e9 1-2-3-4-5-6-7-8-2"',
          "tel 0592 799 999", "[1, &b 2, *b]", "{a: 1, a: 2}", '"|123456782|"', "12345678|2",
          '"\\t tab"', '"\\r"', "'\u200b123456782'", "2024-02-30", "0x10", "yes", "~", "''",
          '"\\ufffe"', "'a''b 123456782'", "|\n      regel 123\n      456782",
          ">\n      123 456\n      782 x", "'123456783'", "12345678.2", "a: [1, 2"]


def _varianten(aantal: int) -> list[str]:
    """Assen's aanbieders.yaml with one to three values replaced by LASTIG ones."""
    regels = (REGIOS / "assen" / "aanbieders.yaml").read_text(encoding="utf-8").splitlines()
    kans = random.Random(31)
    uit = []
    for _ in range(aantal):
        r = list(regels)
        for _ in range(kans.randint(1, 3)):
            i = kans.randrange(len(r))
            if m := re.match(r"^(\s*(?:- )?[a-z_]+: )(.+)$", r[i]):
                r[i] = m.group(1) + kans.choice(LASTIG)
        uit.append("\n".join(r) + "\n")
    return uit


def _gelezen(tekst: str) -> tuple[object, list[tuple[str, int | None, str, str]], object]:
    gelezen, meldingen = bron.yaml_uit_tekst(tekst, "regio/aanbieders.yaml", Path("x"))
    return (gelezen.data if gelezen else None,
            [(m.code, m.regel, m.veld, m.bericht) for m in meldingen],
            gelezen.regels if gelezen else None)


def _alle_regiobestanden() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REGIOS.rglob("*.yaml"))]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML is hier zonder libyaml gebouwd")
def test_libyaml_en_pyyaml_lezen_hetzelfde(monkeypatch):
    """Every shipped region file and variants with every kind of finding: the same data,
    messages and lines through libyaml's parser as through PyYAML's. Only the parser's own
    words for broken YAML differ (its code and line do not)."""
    uitkomsten = []
    for lader in (yaml.CSafeLoader, yaml.SafeLoader):
        monkeypatch.setattr(bron, "_LADER", lader)
        uitkomsten.append([_gelezen(t) for t in [*_alle_regiobestanden(), *_varianten(120)]])
    codes: set[str] = set()
    for (data_c, meldingen_c, regels_c), (data_p, meldingen_p, regels_p) in zip(*uitkomsten,
                                                                                strict=True):
        assert data_c == data_p
        assert regels_c == regels_p
        assert [m[:3] for m in meldingen_c] == [m[:3] for m in meldingen_p]
        assert [m for m in meldingen_c if m[0] != "yaml"] == \
            [m for m in meldingen_p if m[0] != "yaml"]
        codes |= {m[0] for m in meldingen_c}
    assert {"bsn", "stuurteken", "yaml", "yaml_tag", "dubbele_sleutel"} <= codes


@pytest.mark.parametrize("lader", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader])
def test_een_stuurteken_in_het_bestand_zelf_is_geen_interne_fout(monkeypatch, lader):
    """PyYAML's own reader refuses a control character before reading anything: the same
    message and line as libyaml's."""
    monkeypatch.setattr(bron, "_LADER", lader)
    _, meldingen, _ = _gelezen("a: 1\nb: 'x\x07'\n")
    assert meldingen == [("yaml", 2, "", "geen geldige YAML: control characters are not "
                                         "allowed")]


def test_alles_in_een_keer_controleren_vindt_wat_per_waarde_gevonden_wordt(monkeypatch):
    """Read without the joint check (every value checked on its own, as before): the same
    data, messages and lines for every variant."""
    varianten = [*_alle_regiobestanden(), *_varianten(150)]
    snel = [_gelezen(t) for t in varianten]
    monkeypatch.setattr(bron, "Walker", _PerWaarde)
    traag = [_gelezen(t) for t in varianten]
    assert snel == traag
    assert sum(1 for _, m, _ in snel if any(c == "bsn" for c, *_ in m)) > 10


class _PerWaarde(bron.Walker):
    """The walker with every value checked on its own, also when it reads without lines."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.uitgesteld = None


@pytest.mark.parametrize("tekst", [
    "123456782", "x 12 34 56 782 y", "1.234.567.82", "a\x1bb", "\x7f", "tab\tok\r\n",
    "0592 799 999", "12345678", "1234567820", "70000001", "2026-01-01", "123456783",
    "abc-123456782-", "_123456782_", "1.480.250,00", "",
])
def test_verdacht_als_de_controle_per_waarde(tekst):
    per_waarde = bevat_bsn(tekst) or verboden_teken(tekst, "\n\t\r") is not None
    assert verdacht([tekst]) == per_waarde
    # between other texts, digits on either side do not join into a BSN
    assert verdacht(["1234", tekst, "5678"]) == per_waarde
    assert verdacht(["12 34", tekst, "56 78 2"]) == per_waarde


def test_negen_cijfers_vindt_hetzelfde_als_de_privacycontrole():
    """The joint check's pattern for nine digits finds exactly what privacy.NEGEN finds."""
    from contracten import privacy
    from contracten.lezen import scalars

    kans = random.Random(9)
    tekens = "0123456789 .-_/|ax\t\n"
    for _ in range(3000):
        tekst = "".join(kans.choice(tekens) for _ in range(kans.randint(0, 40)))
        assert [m.span() for m in scalars.NEGEN.finditer(tekst)] == \
            [m.span() for m in privacy.NEGEN.finditer(tekst)], tekst
