"""The fingerprint's trust moment (`vingerafdruk.afdruk`'s `vanaf`) and what `kijk` is given
are, taken a piece at a time, exactly those of the plain definition: per path its newest time
plus the margin (two seconds for a whole second), and each path with its own lstat."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contracten.lezen import vingerafdruk
from contracten.lezen.vingerafdruk import GROF_NS, MARGE_NS, _staat, afdruk

SECONDE = 1_000_000_000


def _vanaf(paden: list[str]) -> int:
    """The definition, path by path."""
    vanaf = 0
    for pad in paden:
        if (staat := _staat(pad)) is not None:
            nieuwste = max(staat[2], staat[3])
            vanaf = max(vanaf, nieuwste + (GROF_NS if nieuwste % SECONDE == 0 else MARGE_NS))
    return vanaf


def _paden(map_: Path, grof: bool, later: bool) -> list[str]:
    """Files and a folder, a missing path; with `grof` a file whose newest time is a whole
    second (its modification time ahead, as a coarse file system keeps it); with `later` one
    newer still, not whole, yet within the whole second's wider margin."""
    (map_ / "sub").mkdir()
    paden = [str(map_), str(map_ / "sub"), str(map_ / "weg")]
    for i in range(6):
        (map_ / f"{i}.txt").write_text("x" * i, encoding="utf-8")
        paden.append(str(map_ / f"{i}.txt"))
    heel = (os.lstat(map_ / "0.txt").st_ctime_ns // SECONDE + 5) * SECONDE
    if grof:
        os.utime(map_ / "2.txt", ns=(heel, heel))
    if later:
        os.utime(map_ / "4.txt", ns=(heel + SECONDE // 2, heel + SECONDE // 2))
    return paden


@pytest.mark.parametrize(("grof", "later"), [(False, False), (True, False), (True, True),
                                             (False, True)])
@pytest.mark.parametrize("per", [1, 2, 4, 1000])
def test_vanaf_is_die_van_elk_pad_apart(tmp_path: Path, grof: bool, later: bool, per: int
                                        ) -> None:
    paden = _paden(tmp_path, grof, later)
    assert afdruk(paden, per=per)[1] == _vanaf(paden)
    assert afdruk(paden[2:3], per=per)[1] == 0  # only a missing path: nothing to wait for
    heel = max(os.lstat(p).st_mtime_ns for p in paden[3:]) // SECONDE * SECONDE
    if grof:  # the whole second decides, also when a later time is found
        assert _vanaf(paden) == heel + GROF_NS
    elif later:
        assert _vanaf(paden) == heel + SECONDE // 2 + MARGE_NS


@pytest.mark.parametrize("per", [1, 3, 1000])
def test_kijk_krijgt_elk_pad_met_zijn_eigen_staat(tmp_path: Path, per: int) -> None:
    paden = _paden(tmp_path, True, True)
    gezien: list[tuple[str, vingerafdruk.Staat | None]] = []
    assert afdruk(paden, per=per, kijk=lambda p, s: gezien.append((p, s))) == afdruk(paden)
    assert gezien == [(pad, _staat(pad)) for pad in paden]
