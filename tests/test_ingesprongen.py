"""manifest.json laid out by hand (uitvoer/ingesprongen.py) with the bytes of the standard
library's indented JSON, on any value and on the manifests of the shipped regions."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from contracten.uitvoer.ingesprongen import ingesprongen
from contracten.uitvoer.manifest import lees, schrijf

SCALAIR = (st.none() | st.booleans() | st.integers() | st.text()
           | st.floats(allow_nan=True, allow_infinity=True))
JSON = st.recursive(SCALAIR, lambda binnen: st.lists(binnen, max_size=4)
                    | st.dictionaries(st.text(max_size=8), binnen, max_size=4)
                    | st.tuples(binnen), max_leaves=30)


def _standaard(waarde: object, inspringing: str = "") -> str:
    return json.dumps(waarde, ensure_ascii=False, indent=2).replace("\n", "\n" + inspringing)


@settings(max_examples=400, deadline=None)
@given(JSON, st.sampled_from(["", "    ", "\t"]))
def test_dezelfde_tekens_als_json_dumps(waarde, inspringing):
    assert ingesprongen(waarde, inspringing) == _standaard(waarde, inspringing)


def test_bijzondere_waarden():
    for waarde in [{"a": 1.5, "b": [float("nan")]}, {1: "x"}, {"a\"\n\u2028é\x00": ["\ud800"]},
                   [True, False, None, 0, -1, 10**40], {"": {}, "l": [[], {}]}, ("x", ["y"])]:
        assert ingesprongen(waarde, "  ") == _standaard(waarde, "  ")
    zelf: list[object] = []
    zelf.append(zelf)
    try:
        json.dumps(zelf, indent=2)
    except ValueError as verwacht:
        try:
            ingesprongen(zelf)
        except ValueError as fout:
            assert str(fout) == str(verwacht)
        else:
            raise AssertionError("een kringverwijzing moet een fout geven")


def _handmatig(pad: Path) -> bytes:
    """A manifest as the standard library indents it (what `schrijf` wrote before)."""
    data = json.loads(pad.read_text(encoding="utf-8"))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_manifesten_van_de_voorbeeldregio_byte_voor_byte(assen_eenmaal_gegenereerd, tmp_path):
    manifesten = sorted(assen_eenmaal_gegenereerd.rglob("manifest.json"))
    assert manifesten
    for pad in manifesten:
        assert pad.read_bytes() == _handmatig(pad), pad
        manifest = lees(pad.parent)
        assert manifest is not None
        schrijf(manifest, tmp_path / "manifest.json")
        assert (tmp_path / "manifest.json").read_bytes() == pad.read_bytes(), pad


def test_manifest_met_percelen_byte_voor_byte(percelen_eenmaal_gegenereerd, tmp_path):
    _, uitvoer = percelen_eenmaal_gegenereerd
    for pad in sorted(uitvoer.rglob("manifest.json")):
        assert pad.read_bytes() == _handmatig(pad), pad
        manifest = lees(pad.parent)
        assert manifest is not None
        schrijf(manifest, tmp_path / "manifest.json")
        assert (tmp_path / "manifest.json").read_bytes() == pad.read_bytes(), pad
