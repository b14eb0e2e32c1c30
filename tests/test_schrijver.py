"""A group of documents has its files written on a thread of the process that makes them,
while it makes the next (issue 31; `pijplijn.schrijver`): every file is on disk, with the bytes
its manifest entry hashes, when the group ends; a failed write is raised then; an error of the
group itself is not hidden by one of the writes."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import time
from pathlib import Path

import pytest

from contracten.pijplijn import werk as werkmodule
from contracten.pijplijn import werkproces
from contracten.pijplijn.schrijver import Achtergrond

from .conftest import werk_van_assen


def _werk(tmp_path: Path) -> tuple[werkmodule.Werk, list]:
    werk, taken = werk_van_assen(tmp_path)
    return werk, [t for t in taken if t.soort in ("overeenkomst", "socialreturn-brief")]


class _Uitgesteld(Achtergrond):
    """Holds every file back until the group ends, then writes them: what a slow disk does."""

    gezien: list[Path] = []

    def __init__(self) -> None:
        super().__init__()
        self._wacht: list[tuple[Path, bytes]] = []

    def schrijf(self, plek: Path, data: bytes) -> None:
        self._wacht.append((plek, data))

    def wacht(self, *, stil: bool = False) -> None:
        assert not any(plek.exists() for plek, _ in self._wacht)  # not written on the way
        _Uitgesteld.gezien += [plek for plek, _ in self._wacht]
        for plek, data in self._wacht:
            super().schrijf(plek, data)
        self._wacht = []
        super().wacht(stil=stil)


def test_een_groep_heeft_al_zijn_bestanden_op_schijf_als_hij_eindigt(tmp_path, monkeypatch):
    werk, taken = _werk(tmp_path)
    assert len(taken) >= 4
    monkeypatch.setattr(werkmodule, "Achtergrond", _Uitgesteld)
    monkeypatch.setattr(_Uitgesteld, "gezien", [])
    with werk.groep():
        gemaakt = [werk.maak(taak) for taak in taken]
    bestanden = [b for g in gemaakt for b in g.bestanden]
    assert len(bestanden) >= 2 * len(taken)  # .docx and .md each
    assert sorted(_Uitgesteld.gezien) == sorted(werk.staging / b.pad for b in bestanden)
    for b in bestanden:
        assert hashlib.sha256((werk.staging / b.pad).read_bytes()).hexdigest() == b.sha256
    # outside a group, at once
    monkeypatch.setattr(_Uitgesteld, "gezien", [])
    los = werk.maak(taken[0])
    assert all((werk.staging / b.pad).is_file() for b in los.bestanden)
    assert _Uitgesteld.gezien == []


class _Traag(type(Path())):
    """A path whose writing takes a while: a slow disk."""

    def write_bytes(self, data: bytes) -> int:
        time.sleep(0.2)
        return super().write_bytes(data)


def test_een_mislukte_schrijfactie_komt_aan_het_eind_van_de_groep(tmp_path):
    """Every write is waited for, also those after a failed one: when `wacht` returns, no
    file of the group is still being written."""
    schrijver = Achtergrond()
    schrijver.schrijf(tmp_path / "een.docx", b"een")
    schrijver.schrijf(tmp_path / "ontbreekt" / "twee.docx", b"twee")  # no such folder
    schrijver.schrijf(_Traag(tmp_path / "drie.docx"), b"drie")
    with pytest.raises(FileNotFoundError, match=r"twee\.docx"):
        schrijver.wacht()
    assert (tmp_path / "een.docx").read_bytes() == b"een"
    assert (tmp_path / "drie.docx").read_bytes() == b"drie"  # the others are written
    schrijver.schrijf(tmp_path / "ontbreekt" / "vier.docx", b"vier")
    schrijver.schrijf(_Traag(tmp_path / "vijf.docx"), b"vijf")
    schrijver.wacht(stil=True)  # after another error: waits, raises nothing of its own
    assert (tmp_path / "vijf.docx").read_bytes() == b"vijf"


def test_een_fout_van_de_groep_zelf_gaat_voor(tmp_path):
    werk, _ = _werk(tmp_path)
    with pytest.raises(ValueError, match="de groep zelf"), werk.groep():
        assert werk._schrijver is not None
        werk._schrijver.schrijf(tmp_path / "ontbreekt" / "x.docx", b"x")
        raise ValueError("de groep zelf")
    assert not werk._groep  # and its next document is written at once again


def test_een_werkproces_maakt_zijn_taken_in_een_groep(monkeypatch):
    gebeurd: list[str] = []

    class _Werk:
        @contextlib.contextmanager
        def groep(self):
            gebeurd.append("begin")
            yield
            gebeurd.append("eind")

        def maak(self, taak):
            gebeurd.append(taak)
            return werkproces.ZELFDE

    monkeypatch.setattr(werkproces, "_WERKER", _Werk())
    monkeypatch.setattr(werkproces, "maak", lambda taak: (0, werkproces._WERKER.maak(taak)))
    werkproces.maak_deel(["a", "b"])
    assert gebeurd == ["begin", "a", "b", "eind"]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="zonder SIGALRM (Windows)")
def test_na_een_onderbreking_tijdens_het_wachten_wordt_niets_meer_geschreven(tmp_path):
    """Ctrl-C while a group waits for its files: the group ends with KeyboardInterrupt and its
    thread writes nothing more (the run removes its staging folder right after)."""
    schrijver = Achtergrond()
    for naam in ("een", "twee", "drie"):
        schrijver.schrijf(_Traag(tmp_path / f"{naam}.docx"), b"x")

    def onderbreek(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    vorig = signal.signal(signal.SIGALRM, onderbreek)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)  # while the first is being written
        with pytest.raises(KeyboardInterrupt):
            schrijver.wacht()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorig)
    # what was being written ended, the rest never began, also not later
    assert sorted(p.name for p in tmp_path.iterdir()) == ["een.docx"]
    time.sleep(0.5)  # longer than the other two would take
    assert sorted(p.name for p in tmp_path.iterdir()) == ["een.docx"]
    schrijver.schrijf(tmp_path / "vier.docx", b"vier")  # and it can write again after
    schrijver.wacht()
    assert (tmp_path / "vier.docx").read_bytes() == b"vier"
