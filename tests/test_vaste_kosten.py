"""The fixed costs of a run, done faster with the same result: the fingerprint of a folder
(lezen.vingerafdruk) and the record of sizes and times (uitvoer.kenmerken) are exactly the text
the plain way gives, whatever the size of their pieces."""

from __future__ import annotations

import hashlib
import json

import pytest

from contracten.lezen.vingerafdruk import _staat, afdruk
from contracten.uitvoer.kenmerken import VERSIE, _stukken


@pytest.mark.parametrize("per", [1, 2, 3, 1000])
def test_vingerafdruk_is_de_sha256_van_de_lijst_van_staten(tmp_path, per):
    paden = []
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("x" * i, encoding="utf-8")
        paden.append(str(tmp_path / f"{i}.txt"))
    paden.insert(2, str(tmp_path / "weg"))  # a missing one counts as missing
    verwacht = hashlib.sha256(repr([_staat(p) for p in paden]).encode()).hexdigest()
    assert afdruk(paden, per=per)[0] == verwacht
    assert afdruk([], per=per)[0] == hashlib.sha256(b"[]").hexdigest()
    assert afdruk(paden[:per], per=per)[0] == hashlib.sha256(
        repr([_staat(p) for p in paden[:per]]).encode()).hexdigest()


@pytest.mark.parametrize("per", [1, 2, 1000])
@pytest.mark.parametrize("aantal", [0, 1, 2, 5])
def test_kenmerkenrecord_is_de_json_van_het_geheel(per, aantal):
    bewaard = {f"regio/2025/ë {i}\"\\.docx": (i, 2 * i, 3 * i, 4 * i, f"{i:064x}")
               for i in range(aantal)}
    verwacht = json.dumps({"versie": VERSIE, "bestanden": bewaard}, separators=(",", ":"))
    assert b"".join(_stukken(bewaard, per=per)) == verwacht.encode("utf-8")
