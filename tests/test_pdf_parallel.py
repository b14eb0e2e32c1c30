"""PDF conversion side by side (issue 31): one LibreOffice per process, each with its own
profile and started once, every document converted; a failure names the file and leaves no pdf
at all; on a time-out no LibreOffice is left running."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import contracten
from contracten.weergave import pdf
from contracten.weergave.pdf import naar_pdf, verdeel

ROOT = Path(__file__).resolve().parent.parent
SJABLONEN = ROOT / "sjablonen"
LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
met_libreoffice = pytest.mark.skipif(
    LIBREOFFICE is None,
    reason="LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het")


def test_verdeel_geeft_elk_document_een_keer_en_ongeveer_even_veel_bytes_per_proces():
    groottes = [900, 100, 100, 100, 500, 400, 100, 100]
    delen = verdeel(groottes, 2)
    assert sorted(i for deel in delen for i in deel) == list(range(len(groottes)))
    gewichten = [sum(groottes[i] for i in deel) for deel in delen]
    assert gewichten == [1200, 1100]
    assert all(deel == sorted(deel) for deel in delen)  # in their own order
    assert verdeel(groottes, 2) == delen  # the same sizes, the same shares
    assert verdeel([5, 5], 8) == [[0], [1]]  # never more processes than documents
    assert verdeel([5, 5, 5], 1) == [[0, 1, 2]]


def _opgenomen(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command of every process the conversion starts (still started for real)."""
    gestart: list[list[str]] = []
    echt = subprocess.Popen

    def popen(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        gestart.append(list(args))
        return echt(args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "Popen", popen)
    return gestart


@met_libreoffice
def test_twee_processen_elk_met_een_eigen_profiel_maken_alle_pdfs(tmp_path, monkeypatch):
    bronnen = []
    for naam in ("indexatiebrief", "socialreturn-overzicht", "opzeggingsbrief",
                 "socialreturn-brief", "tariefaddendum"):
        bron = tmp_path / "in" / f"{naam}.docx"
        bron.parent.mkdir(exist_ok=True)
        shutil.copyfile(SJABLONEN / f"{naam}.docx", bron)
        bronnen.append(bron)
    gestart = _opgenomen(monkeypatch)
    doelen = [tmp_path / "uit" / f"{b.stem}.pdf" for b in bronnen]
    naar_pdf(list(zip(bronnen, doelen, strict=True)), processen=2)
    assert len(gestart) == 2  # one start per process for the whole run
    profielen = [next(a for a in args if a.startswith("-env:UserInstallation="))
                 for args in gestart]
    assert len(set(profielen)) == 2, profielen
    omgezet = sorted(int(args[-1].rsplit(",", 1)[1].rstrip(")")) for args in gestart)
    assert sum(omgezet) == len(bronnen) and omgezet[0] >= 1  # every document, in two shares
    for doel in doelen:
        assert doel.read_bytes().startswith(b"%PDF-")
        assert len(PdfReader(doel).pages) >= 1


def _kapot(pad: Path) -> Path:
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        z.writestr("word/document.xml", "<niet-af")
    return pad


@met_libreoffice
def test_een_mislukte_omzetting_noemt_het_bestand_en_er_komt_geen_enkele_pdf(tmp_path):
    """The broken document in one process, good ones in both: nothing is written."""
    paren = []
    for i in range(3):
        goed = tmp_path / f"goed{i}.docx"
        shutil.copyfile(SJABLONEN / "socialreturn-overzicht.docx", goed)
        paren.append((goed, tmp_path / "uit" / f"goed{i}.pdf"))
    paren.insert(1, (_kapot(tmp_path / "kapot.docx"), tmp_path / "uit" / "kapot.pdf"))
    with pytest.raises(contracten.ContractenFout,
                       match=r"LibreOffice kon niet naar pdf omzetten: kapot\.docx \("):
        naar_pdf(paren, processen=2)
    assert not list(tmp_path.rglob("*.pdf"))


def _leeft(pid: int) -> bool:
    """Whether a process still runs (one that ended but nobody waited for does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def test_een_libreoffice_die_niet_klaar_wordt_blijft_niet_achter(tmp_path, monkeypatch):
    """A LibreOffice that hangs: a Dutch message, and every process started is gone, also
    the one it started itself (as `soffice` starts `soffice.bin`)."""
    nep = tmp_path / "soffice"
    nep.write_text('#!/bin/sh\nsleep 60 &\necho $$ $! >> "$(dirname "$0")/pids"\nwait\n')
    nep.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pdf, "TIJD_PER_RUN", 1.0)
    monkeypatch.setattr(pdf, "TIJD_PER_DOCUMENT", 0.0)
    bronnen = []
    for i in range(2):
        bron = tmp_path / f"brief{i}.docx"
        shutil.copyfile(SJABLONEN / "indexatiebrief.docx", bron)
        bronnen.append((bron, tmp_path / f"brief{i}.pdf"))
    with pytest.raises(contracten.ContractenFout, match="niet op tijd klaar"):
        naar_pdf(bronnen, processen=2)
    pids = [int(r) for r in (tmp_path / "pids").read_text().split()]
    assert len(pids) == 4
    for pid in pids:
        assert not _leeft(pid), pid
    assert not list(tmp_path.glob("*.pdf"))
