"""One cache folder for everything contracten keeps between runs (lezen.cachemap)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from contracten.lezen.cachemap import OMGEVING, alleen_van_mij, cachemap, lees_van_mij
from contracten.weergave import vertaald as vertaald_module
from contracten.weergave.sjabloon import OMGEVING as JINJA


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="de XDG-map geldt op Linux")
def test_de_map_van_de_gebruiker_of_de_gekozen(tmp_path, monkeypatch):
    monkeypatch.delenv(OMGEVING, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachemap() == tmp_path / "xdg" / "contracten"
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief")  # not absolute: the standard says ignore it
    assert cachemap() == Path(os.path.expanduser("~/.cache/contracten"))
    monkeypatch.setenv(OMGEVING, str(tmp_path / "eigen"))
    assert cachemap() == tmp_path / "eigen"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="dit systeem kent geen eigenaars")
def test_alleen_wat_niemand_anders_kon_schrijven_telt(tmp_path):
    pad = tmp_path / "bewaard"
    pad.write_bytes(b"x")
    pad.chmod(0o644)
    assert alleen_van_mij(pad)
    pad.chmod(0o666)
    assert not alleen_van_mij(pad)
    pad.chmod(0o664)
    assert not alleen_van_mij(pad)
    assert not alleen_van_mij(tmp_path / "weg")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="dit systeem kent geen eigenaars")
def test_vertaalde_code_die_anderen_konden_schrijven_wordt_niet_geladen(tmp_path, monkeypatch):
    monkeypatch.setenv(OMGEVING, str(tmp_path))
    assert vertaald_module.vertaald(JINJA, "A {{ x }}").render(x=1) == "A 1"
    [bewaard] = (tmp_path / vertaald_module.MAP).glob("*.code")
    laden: list[object] = []
    echt = vertaald_module._lees

    def lees(pad: Path, sleutel: str) -> object:
        laden.append(echt(pad, sleutel))
        return laden[-1]

    monkeypatch.setattr(vertaald_module, "_lees", lees)
    vertaald_module.vertaald(JINJA, "A {{ x }}")
    assert laden[-1] is not None  # its own record: loaded
    bewaard.chmod(0o666)  # anyone could have put code there
    assert vertaald_module.vertaald(JINJA, "A {{ x }}").render(x=2) == "A 2"
    assert laden[-1] is None  # compiled again instead


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="dit systeem kent geen named pipes")
def test_een_named_pipe_in_de_cachemap_laat_niet_wachten(tmp_path):
    """A pipe someone put where a record belongs: refused at once (opening it to read would
    wait for a writer, for ever)."""
    pad = tmp_path / "record"
    os.mkfifo(pad)
    uitkomst: list[object] = []
    lezer = threading.Thread(target=lambda: uitkomst.append(lees_van_mij(pad)), daemon=True)
    lezer.start()
    lezer.join(timeout=10)
    if lezer.is_alive():  # let the thread go before failing
        with open(pad, "wb"):
            pass
        lezer.join(timeout=10)
        pytest.fail("lees_van_mij wachtte op een named pipe")
    assert uitkomst == [None]
    gewoon = tmp_path / "gewoon"
    gewoon.write_bytes(b"x")
    gewoon.chmod(0o644)
    assert lees_van_mij(gewoon) == b"x"
