"""What the operating system refuses — a full disk, a read-only place, a folder gone — ends in
a Dutch message naming the path and what to do, exit status 1: never a traceback, never
"Interne fout". On real disks (a small tmpfs, remounted read-only); the last line of defence
of the command line also for an error no real disk here can make."""

from __future__ import annotations

import errno
import hashlib
import time
from pathlib import Path

import pytest

import contracten

from .conftest import ASSEN_DATUM, REGIOS, voer_uit
from .schijven import alleen_lezen, tmpfs, vul


def _inhoud(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def _geen_interne_fout(stderr: str) -> None:
    assert "Interne fout" not in stderr and "Traceback" not in stderr, stderr


def test_een_volle_schijf_bij_genereren_noemt_de_map_en_laat_de_vorige_uitvoer_staan(
        tmp_path, assen_eenmaal_gegenereerd):
    import shutil

    with tmpfs(tmp_path / "schijf", "40m") as schijf:
        shutil.copytree(assen_eenmaal_gegenereerd, schijf / "uit")
        voor = _inhoud(schijf / "uit")
        vul(schijf, over=64 * 1024)
        # --formaat html: every document is made again, more than the disk holds
        uit = voer_uit("genereer", "assen", "--uitvoer", str(schijf / "uit"), "--datum",
                       ASSEN_DATUM.isoformat(), "--formaat", "html",
                       env={"CONTRACTEN_REGIOS": str(REGIOS)})
        assert uit.code == 1
        _geen_interne_fout(uit.stderr)
        assert f"{schijf / 'uit' / 'assen' / '2025'}: de schijf is vol" in uit.stderr
        assert _inhoud(schijf / "uit") == voor
        # nothing beside the year folder but the tool's own hidden files (its lock, kept
        # beside what it locks, and the record of the files' sizes and times)
        assert [p.name for p in (schijf / "uit" / "assen").iterdir()
                if not p.name.startswith(".contracten-")] == ["2025"]


def test_een_alleen_lezen_uitvoermap_noemt_de_map(tmp_path, assen_eenmaal_gegenereerd):
    import shutil

    with tmpfs(tmp_path / "schijf") as schijf:
        shutil.copytree(assen_eenmaal_gegenereerd, schijf / "uit")
        alleen_lezen(schijf)
        for opdracht in (["genereer", "assen", "--formaat", "html", "--datum", "2026-11-23"],
                         ["opzegging", "assen", "--aanbieder", "wonen-plus", "--datum",
                          "2026-08-31", "--briefdatum", "2026-09-01"],
                         ["socialreturn", "assen", "--datum", "2026-11-23"]):
            uit = voer_uit(*opdracht, "--uitvoer", str(schijf / "uit"),
                           env={"CONTRACTEN_REGIOS": str(REGIOS)})
            assert uit.code == 1, (opdracht, uit.stdout)
            _geen_interne_fout(uit.stderr)
            assert "alleen-lezen" in uit.stderr and str(schijf / "uit") in uit.stderr


def test_een_alleen_lezen_regiomap_bij_indexeren_noemt_de_plek(tmp_path):
    import shutil

    with tmpfs(tmp_path / "schijf") as schijf:
        shutil.copytree(REGIOS, schijf / "regios")
        alleen_lezen(schijf)
        uit = voer_uit("indexeer", "assen", "--naar", "2026", "--percentage", "3.5",
                       "--datum", "2026-11-24", "--uitvoer", str(tmp_path / "uit"),
                       env={"CONTRACTEN_REGIOS": str(schijf / "regios")})
        assert uit.code == 1
        _geen_interne_fout(uit.stderr)
        assert "alleen-lezen" in uit.stderr and str(schijf / "regios" / "assen") in uit.stderr


@pytest.mark.parametrize(("fout", "verwacht"), [
    (OSError(errno.ENOSPC, "No space left on device"),
     "Fout: Een bestand of map kon niet worden gelezen of geschreven: de schijf is vol; maak "
     "ruimte vrij op die schijf en probeer het opnieuw."),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/uit/assen/2025/a.docx"),
     "Fout: /srv/uit/assen/2025/a.docx: geen toegang; geef uw gebruiker daar rechten of kies "
     "een andere plek."),
    (PermissionError(errno.EPERM, "Operation not permitted", "/srv/uit/a.docx"),
     "Fout: /srv/uit/a.docx: geen toestemming; het bestand is beschermd"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/usb/uit"),
     "Fout: /mnt/usb/uit: alleen-lezen; kies een plek waar geschreven kan worden."),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "/srv/uit/assen"),
     "Fout: /srv/uit/assen: bestaat niet; controleer het pad"),
    (OSError(errno.EIO, "Input/output error", "/srv/uit/a.docx"),
     "Fout: /srv/uit/a.docx: Input/output error; probeer het opnieuw"),
])
def test_een_besturingssysteemfout_die_niemand_eerder_noemde(monkeypatch, tmp_path, fout,
                                                              verwacht):
    """Whatever OSError reaches the command line (here raised by the run itself) is a Dutch
    message with its path, exit 1."""
    def genereer(*args: object, **kwargs: object) -> None:
        raise fout

    monkeypatch.setattr(contracten, "genereer", genereer)
    uit = voer_uit("genereer", "assen", "--uitvoer", str(tmp_path), "--datum", "2026-11-23",
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert uit.stderr.startswith(verwacht), uit.stderr
    assert uit.stderr.count("\n") == 1  # one line


def test_een_verwijderde_bovenliggende_map_noemt_het_pad(tmp_path):
    """The parent of the output folder is a file: the folder cannot be made (ENOTDIR)."""
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    uit = voer_uit("genereer", "assen", "--uitvoer", str(tmp_path / "bestand" / "uit"),
                   "--datum", "2026-11-23", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert str(tmp_path / "bestand") in uit.stderr


def test_een_volle_schijf_bij_opnieuw_maken_op_het_web_is_een_melding(monkeypatch, tmp_path):
    """The web's background run: the same message as the command line, not 'Interne fout'."""
    from contracten.opdrachten import taken as module

    def vol(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "uit"))

    monkeypatch.setattr(module, "genereer", vol)
    taken = contracten.Taken(tmp_path / "r.sqlite")
    taak = taken.start(REGIOS, "assen", uitvoer=tmp_path / "uit", datum=ASSEN_DATUM)
    for _ in range(600):
        taak = taken.taak(taak.id) or taak
        if not taak.bezig:
            break
        time.sleep(0.05)
    assert taak.status == "mislukt"
    assert taak.fout is not None and "Interne fout" not in taak.fout
    assert str(tmp_path / "uit") in taak.fout and "vol" in taak.fout
