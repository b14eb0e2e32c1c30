"""The LibreOffice profile of a pdf run (issue 31): the first run keeps a used profile in the
cache folder, and every later LibreOffice starts with its own copy of it, never with the kept one
itself (so two LibreOffices, of one run or of two, never share one). The profile names the
version of LibreOffice that used it, or LibreOffice runs its graphics render tests at every
start. A kept profile that is damaged, or made for another LibreOffice, is thrown away and made
again; so is one a run that went wrong started from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

import contracten
from contracten.lezen import cachemap
from contracten.weergave import pdf, pdfprofiel
from contracten.weergave.pdf import naar_pdf

from .test_pdf_parallel import SJABLONEN, _opgenomen, met_libreoffice


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cachemap.OMGEVING, str(tmp_path / "cache"))
    return tmp_path / "cache" / "libreoffice-profiel"


def _nep_libreoffice(map_: Path, versie: str = "7.4", gedrag: str = "exit 0") -> str:
    """An installation as LibreOffice's: program/soffice, and its registry beside it."""
    programma = map_ / "lo" / "program"
    programma.mkdir(parents=True)
    soffice = programma / "soffice"
    soffice.write_text(f"#!/bin/sh\n{gedrag}\n")
    soffice.chmod(0o755)
    register = map_ / "lo" / "share" / "registry"
    register.mkdir(parents=True)
    (register / "main.xcd").write_text(
        '<oor:data xmlns:oor="http://openoffice.org/2001/registry"><prop oor:name='
        f'"ooSetupVersion">\n  <value>{versie}</value>\n</prop></oor:data>\n')
    return str(soffice)


def _laatste_versie(profiel: Path) -> str | None:
    items = ElementTree.parse(profiel / "user" / "registrymodifications.xcu").getroot()
    for item in items:
        prop = item.find("prop")
        if prop is not None and prop.get("{http://openoffice.org/2001/registry}name") \
                == "ooSetupLastVersion":
            return prop.findtext("value")
    return None


def test_een_vers_profiel_noemt_de_versie_van_libreoffice(tmp_path, cache):
    soffice = _nep_libreoffice(tmp_path, "7.6")
    assert pdfprofiel.versie(soffice) == "7.6"
    assert pdfprofiel.maak(tmp_path / "p", soffice) is True  # nothing kept: fresh
    assert _laatste_versie(tmp_path / "p") == "7.6"
    assert "Sub Omzetten" in (tmp_path / "p/user/basic/Standard/Pdf.xba").read_text()
    # elsewhere than LibreOffice keeps it: no version (the macro writes it, see below)
    assert pdfprofiel.versie(str(tmp_path / "soffice")) is None


def test_elk_proces_krijgt_een_eigen_kopie_van_het_bewaarde_profiel(tmp_path, cache):
    soffice = _nep_libreoffice(tmp_path)
    assert pdfprofiel.maak(tmp_path / "a", soffice) is True
    (tmp_path / "a/user/gebruikt.txt").write_text("a")  # what LibreOffice adds to it
    pdfprofiel.bewaar(tmp_path / "a", soffice)
    assert (cache / "user/gebruikt.txt").read_text() == "a"
    assert pdfprofiel.maak(tmp_path / "b", soffice) is False
    assert pdfprofiel.maak(tmp_path / "c", soffice) is False
    (tmp_path / "b/user/gebruikt.txt").write_text("b")  # one LibreOffice changes its own
    assert (tmp_path / "c/user/gebruikt.txt").read_text() == "a"
    assert (cache / "user/gebruikt.txt").read_text() == "a"
    pdfprofiel.bewaar(tmp_path / "b", soffice)  # one is kept already: it stays
    assert (cache / "user/gebruikt.txt").read_text() == "a"
    # a kept profile with an older macro: each copy gets this version's
    (cache / "user/basic/Standard/Pdf.xba").write_text("oud")
    pdfprofiel.maak(tmp_path / "d", soffice)
    assert "Sub Omzetten" in (tmp_path / "d/user/basic/Standard/Pdf.xba").read_text()


@pytest.mark.parametrize("schade", ["stempel", "register", "bibliotheek", "libreoffice"])
def test_een_kapot_bewaard_profiel_wordt_weggegooid_en_opnieuw_gemaakt(tmp_path, cache,
                                                                        schade):
    soffice = _nep_libreoffice(tmp_path)
    pdfprofiel.maak(tmp_path / "a", soffice)
    pdfprofiel.bewaar(tmp_path / "a", soffice)
    if schade == "stempel":
        (cache / "contracten-profiel.txt").write_text("van een andere versie van contracten")
    elif schade == "register":
        (cache / "user/registrymodifications.xcu").write_text("<oor:items><item")
    elif schade == "bibliotheek":
        (cache / "user/basic/script.xlc").unlink()
    else:  # LibreOffice was updated
        soffice = _nep_libreoffice(tmp_path / "nieuw", "7.5")
    assert pdfprofiel.maak(tmp_path / "b", soffice) is True  # fresh, not the damaged one
    assert not cache.exists()
    assert "Sub Omzetten" in (tmp_path / "b/user/basic/Standard/Pdf.xba").read_text()
    pdfprofiel.bewaar(tmp_path / "b", soffice)  # made again by the run that follows
    assert pdfprofiel.maak(tmp_path / "c", soffice) is False


def test_een_run_vanaf_het_bewaarde_profiel_die_misgaat_gooit_het_weg(tmp_path, cache,
                                                                      monkeypatch):
    """A LibreOffice that hangs with a copy of the kept profile: the same Dutch message as
    ever, and the next run does not start from that profile again."""
    nep = tmp_path / "bin" / "soffice"
    nep.parent.mkdir()
    nep.write_text("#!/bin/sh\nexec sleep 60\n")
    nep.chmod(0o755)
    monkeypatch.setenv("PATH", f"{nep.parent}{os.pathsep}{os.environ['PATH']}")
    pdfprofiel.maak(tmp_path / "a", str(nep))
    pdfprofiel.bewaar(tmp_path / "a", str(nep))
    assert cache.exists()
    monkeypatch.setattr(pdf, "TIJD_PER_RUN", 1.0)
    monkeypatch.setattr(pdf, "TIJD_PER_DOCUMENT", 0.0)
    bron = tmp_path / "brief.docx"
    shutil.copyfile(SJABLONEN / "indexatiebrief.docx", bron)
    with pytest.raises(contracten.ContractenFout, match="niet op tijd klaar"):
        naar_pdf([(bron, tmp_path / "brief.pdf")], processen=1)
    assert not cache.exists()
    assert not (tmp_path / "brief.pdf").exists()


def _brieven(map_: Path, aantal: int) -> list[tuple[Path, Path]]:
    map_.mkdir(parents=True)
    paren = []
    for i in range(aantal):
        bron = map_ / f"brief{i}.docx"
        shutil.copyfile(SJABLONEN / "indexatiebrief.docx", bron)
        paren.append((bron, map_ / f"brief{i}.pdf"))
    return paren


@met_libreoffice
@pytest.mark.parametrize("versie_bekend", [True, False])
def test_de_tweede_run_start_elke_libreoffice_met_een_eigen_kopie(tmp_path, cache, monkeypatch,
                                                                  versie_bekend):
    """The first run keeps a profile that names LibreOffice's version (from the installation,
    or else written by the macro), used without running the render tests; the second run's two
    LibreOffices each start from their own copy of it, and make every pdf."""
    if not versie_bekend:
        monkeypatch.setattr(pdfprofiel, "versie", lambda soffice: None)
    naar_pdf(_brieven(tmp_path / "een", 2), processen=2)
    assert _laatste_versie(cache) not in (None, "")
    if versie_bekend:  # LibreOffice knew it from the start: no render tests
        assert not (cache / "user" / "GraphicsRenderTests.log").exists()
    gestart = _opgenomen(monkeypatch)
    paren = _brieven(tmp_path / "twee", 3)
    naar_pdf(paren, processen=2)
    profielen = [next(a for a in args if a.startswith("-env:UserInstallation="))
                 .partition("=")[2] for args in gestart]
    assert len(profielen) == 2 and len(set(profielen)) == 2
    assert all(cache.as_uri() not in p for p in profielen)
    assert all(doel.read_bytes().startswith(b"%PDF-") for _, doel in paren)
