"""A worker process ends without the interpreter's finalization (issue 31): freeing its copy of
the profile and its templates object by object took a tenth of a second and more, while the
main process waited for it. Everything it must leave behind is done by then: its results are
sent, the files it wrote are closed."""

from __future__ import annotations

import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from contracten.pijplijn import werkproces
from contracten.pijplijn.starten import Werkercontext


class _Spoor:
    """Writes its file when freed: at the end of the interpreter, when that finalizes."""

    def __init__(self, pad: str) -> None:
        # what __del__ needs, kept here: late in the finalization modules are emptied
        self.pad, self._open, self._write, self._close = pad, os.open, os.write, os.close
        self._vlaggen = os.O_WRONLY | os.O_CREAT

    def __del__(self) -> None:
        bestand = self._open(self.pad, self._vlaggen)
        self._write(bestand, b"opgeruimd")
        self._close(bestand)


_BEWAARD: list[_Spoor] = []


def _laat_spoor(pad: str) -> int:
    _BEWAARD.append(_Spoor(pad))
    Path(pad + ".taak").write_text("gedaan", encoding="utf-8")  # written and closed in the task
    return len(_BEWAARD)


def _draai(initializer: object, tmp_path: Path) -> tuple[int, int | None]:
    context = Werkercontext()
    kanaal = context.Queue()
    with ProcessPoolExecutor(1, mp_context=context, initializer=initializer,
                             initargs=(kanaal,)) as pool:
        kanaal.put(pickle.dumps(None))
        uitkomst = pool.submit(_laat_spoor, str(tmp_path / "spoor")).result()
        processen = list(pool._processes.values())
    kanaal.close()
    return uitkomst, processen[0].exitcode


def _begin_en_vergeet(kanaal: object) -> None:
    """The worker's start without its quick end: how a worker ended before."""
    werkproces.begin(kanaal)
    import atexit

    atexit.unregister(werkproces._weg)


def test_een_werkproces_eindigt_zonder_alles_een_voor_een_op_te_ruimen(tmp_path):
    assert _draai(werkproces.begin, tmp_path) == (1, 0)  # its result, and a clean exit code
    assert (tmp_path / "spoor.taak").read_text(encoding="utf-8") == "gedaan"
    assert not (tmp_path / "spoor").exists()  # nothing freed one by one at its end


def test_zonder_dat_ruimt_het_werkproces_alles_op(tmp_path):
    """The check above can fail: a worker that finalizes frees what it kept."""
    assert _draai(_begin_en_vergeet, tmp_path) == (1, 0)
    assert (tmp_path / "spoor").read_text(encoding="utf-8") == "opgeruimd"
