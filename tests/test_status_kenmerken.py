"""`status` at a real region's size: a file is hashed again only when its size, times or inode
changed (the record of `contracten.uitvoer.kenmerken`), a manifest that did not change is not
parsed again, and the register writes only the contracts that changed. Correctness only: what
is read and written, never how long it takes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import event

import contracten
from contracten.fouten import ContractenFout
from contracten.register.register import Register
from contracten.register.verbinding import open_engine
from contracten.uitvoer import kenmerken, kenmerkrecord, manifest

from .conftest import REGIOS

T = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def assen():
    return contracten.laad_regio(REGIOS, "assen")


def _status(assen, uit: Path, tmp_path: Path) -> dict[str, str]:
    stand = contracten.status(assen, tijdstip=T, uitvoer=uit,
                              database=tmp_path / "register.sqlite")
    return {d.stand.pad: d.op_schijf for d in stand.documenten}


def _gelezen(monkeypatch) -> list[str]:
    """Every file `kenmerken` opens from now on."""
    gelezen: list[str] = []
    echt = open

    def tel(pad, *args, **kwargs):
        gelezen.append(str(pad))
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(kenmerken, "open", tel, raising=False)
    return gelezen


def _zelfde_grootte_andere_inhoud(bestand: Path) -> None:
    inhoud = bytearray(bestand.read_bytes())
    inhoud[len(inhoud) // 2] ^= 0xFF
    bestand.write_bytes(bytes(inhoud))


def test_een_ongewijzigde_boom_wordt_niet_opnieuw_gelezen(assen, assen_gegenereerd, tmp_path,
                                                          monkeypatch):
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    assert eerst and set(eerst.values()) == {"gelijk"}
    assert (assen_gegenereerd / "assen" / kenmerken.BESTAND).is_file()
    gelezen = _gelezen(monkeypatch)
    manifesten: list[Path] = []
    echt_lees = manifest.lees
    monkeypatch.setattr(manifest, "lees", lambda m: manifesten.append(m) or echt_lees(m))
    assert _status(assen, assen_gegenereerd, tmp_path) == eerst
    assert gelezen == []  # no document opened, let alone hashed
    assert manifesten == []  # and the manifest not parsed again


def test_zelfde_grootte_nieuwe_mtime_wordt_opnieuw_gehasht_en_is_gewijzigd(
        assen, assen_gegenereerd, tmp_path, monkeypatch):
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    pad = next(p for p in sorted(eerst) if "/overeenkomsten/" in p)
    bestand = assen_gegenereerd / pad
    grootte = bestand.stat().st_size
    _zelfde_grootte_andere_inhoud(bestand)
    os.utime(bestand, ns=(bestand.stat().st_atime_ns, bestand.stat().st_mtime_ns + 10**9))
    assert bestand.stat().st_size == grootte
    gelezen = _gelezen(monkeypatch)
    nu = _status(assen, assen_gegenereerd, tmp_path)
    assert nu[pad] == "gewijzigd"
    assert {p for p, s in nu.items() if s != "gelijk"} == {pad}
    assert [Path(g) for g in gelezen if g.endswith(".docx")] == [bestand]  # only that one


def test_een_teruggezette_mtime_verbergt_geen_wijziging(assen, assen_gegenereerd, tmp_path):
    """Same size and the old modification time put back (`touch -d`): the change time still
    differs, so the file is read again."""
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    pad = next(p for p in sorted(eerst) if "/overeenkomsten/" in p)
    bestand = assen_gegenereerd / pad
    staat = bestand.stat()
    _zelfde_grootte_andere_inhoud(bestand)
    os.utime(bestand, ns=(staat.st_atime_ns, staat.st_mtime_ns))
    assert bestand.stat().st_mtime_ns == staat.st_mtime_ns
    assert _status(assen, assen_gegenereerd, tmp_path)[pad] == "gewijzigd"


def test_een_verdwenen_bestand_ontbreekt(assen, assen_gegenereerd, tmp_path):
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    pad = next(p for p in sorted(eerst) if "/overeenkomsten/" in p)
    (assen_gegenereerd / pad).unlink()
    assert _status(assen, assen_gegenereerd, tmp_path)[pad] == "ontbreekt"
    record = assen_gegenereerd / "assen" / kenmerken.BESTAND
    assert pad in json.loads(record.read_text())["bestanden"]  # the record itself stays …
    bij = json.loads(record.with_name(kenmerken.AANVULLING).read_text())
    assert bij["bestanden"][pad] is None  # … its supplement says the file is gone
    assert pad not in kenmerkrecord.lees(record).bestanden


@pytest.mark.parametrize("inhoud", [b"", b"{niet json", b'{"versie": 1, "bestanden": 3}',
                                    b'{"versie": 99, "bestanden": {}}'])
def test_een_beschadigd_kenmerkenbestand_betekent_alles_hashen(assen, assen_gegenereerd,
                                                               tmp_path, monkeypatch, inhoud):
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    (assen_gegenereerd / "assen" / kenmerken.BESTAND).write_bytes(inhoud)
    gelezen = _gelezen(monkeypatch)
    assert _status(assen, assen_gegenereerd, tmp_path) == eerst
    assert len([g for g in gelezen if g.endswith(".docx")]) == len(eerst)


def test_een_record_ouder_dan_de_bestanden_wordt_niet_vertrouwd(assen, assen_gegenereerd,
                                                                tmp_path, monkeypatch):
    """As in git ('racily clean'): a file changed in the same tick as the record was written,
    or after, is read again."""
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    record = assen_gegenereerd / "assen" / kenmerken.BESTAND
    os.utime(record, ns=(0, 0))
    gelezen = _gelezen(monkeypatch)
    assert _status(assen, assen_gegenereerd, tmp_path) == eerst
    assert len([g for g in gelezen if g.endswith(".docx")]) == len(eerst)


def test_een_niet_schrijfbaar_record_houdt_status_werkend(assen, assen_gegenereerd, tmp_path,
                                                         monkeypatch):
    """A read-only output folder (tests run as root, so the write itself is refused here):
    status answers as ever, hashing every file."""
    def geweigerd(pad, inhoud):
        raise ContractenFout(f"Kan {pad} niet schrijven: alleen-lezen.")

    monkeypatch.setattr(kenmerkrecord, "vervang_atomair", geweigerd)
    (assen_gegenereerd / "assen" / kenmerken.BESTAND).unlink(missing_ok=True)
    eerst = _status(assen, assen_gegenereerd, tmp_path)
    assert eerst and set(eerst.values()) == {"gelijk"}
    assert not (assen_gegenereerd / "assen" / kenmerken.BESTAND).exists()


def _schrijfopdrachten(engine) -> list[str]:
    opdrachten: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _tel(conn, cursor, sql, parameters, context, executemany):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            opdrachten.append(sql)

    return opdrachten


def test_het_register_schrijft_alleen_gewijzigde_contracten(assen, assen_gegenereerd,
                                                            tmp_path):
    database = tmp_path / "register.sqlite"
    _status(assen, assen_gegenereerd, tmp_path)
    register = Register(open_engine(database))
    bekend = register.contracten("assen")
    assert len(bekend) > 1
    opdrachten = _schrijfopdrachten(register.engine)
    assert register.zet_contracten("assen", bekend) == bekend
    assert opdrachten == []  # unchanged: no write at all
    gewijzigd = dataclasses.replace(bekend[1], status="opgezegd",
                                    opzegdatum=dt.date(2026, 11, 1))
    nu = register.zet_contracten("assen", [*bekend[:1], gewijzigd, *bekend[2:]])
    assert [o for o in opdrachten if o.lstrip().upper().startswith("UPDATE")] and \
        len(opdrachten) == 1  # one row, not every contract
    assert gewijzigd in nu and bekend[0] in nu and bekend[1] not in nu
    opdrachten.clear()
    _status(assen, assen_gegenereerd, tmp_path)  # the profile says otherwise: set back
    assert len(opdrachten) == 1
    assert register.contracten("assen") == bekend


def test_de_markeringen_van_een_map_worden_eenmaal_gelezen(assen, assen_gegenereerd, tmp_path,
                                                          monkeypatch):
    """With many documents definitief, `status` reads each folder's definitief.json once, not
    once per document, and still puts a missing marker back."""
    from contracten.opdrachten import markering

    database = tmp_path / "register.sqlite"
    paden = [p for p in sorted(_status(assen, assen_gegenereerd, tmp_path))
             if "/overeenkomsten/" in p][:3]
    contracten.zet_stap(assen, "juridisch_akkoord", door="Jurist", tijdstip=T,
                        uitvoer=assen_gegenereerd, paden=paden, database=database)
    contracten.markeer_definitief(assen, datum=T.date(), uitvoer=assen_gegenereerd, paden=paden,
                                  door="Inkoper", tijdstip=T, database=database,
                                  ook_samenvattingen=True, ook_voorbeelden=True)
    map_ = assen_gegenereerd / "assen" / "2025"
    gemarkeerd = json.loads((map_ / "definitief.json").read_text(encoding="utf-8"))
    weg = paden[0].removeprefix("assen/2025/")
    assert set(gemarkeerd) == {p.removeprefix("assen/2025/") for p in paden}
    bestand = map_ / "definitief.json"
    bestand.chmod(0o644)
    bestand.write_text(json.dumps({k: v for k, v in gemarkeerd.items() if k != weg}),
                       encoding="utf-8")
    gelezen: list[Path] = []
    echt = markering.definitief.lees
    monkeypatch.setattr(markering.definitief, "lees", lambda m: gelezen.append(m) or echt(m))
    assert {p: s for p, s in _status(assen, assen_gegenereerd, tmp_path).items()
            if p in paden} == dict.fromkeys(paden, "gelijk")
    # once to see what is missing, once under the folder's lock to add it: not once per document
    assert gelezen == [map_, map_]
    assert weg in json.loads(bestand.read_text(encoding="utf-8"))  # put back


def test_een_gewijzigd_manifest_wordt_opnieuw_gelezen(assen_gegenereerd):
    map_ = assen_gegenereerd / "assen" / "2025"
    eerst = manifest.lees_bewaard(map_)
    assert eerst is not None and manifest.lees_bewaard(map_) is eerst  # not parsed again
    pad = map_ / manifest.BESTAND
    data = json.loads(pad.read_text(encoding="utf-8"))
    data["documenten"] = data["documenten"][:1]
    pad.write_text(json.dumps(data), encoding="utf-8")  # in place: same inode
    nu = manifest.lees_bewaard(map_)
    assert nu is not None and len(nu.documenten) == 1
    pad.unlink()
    assert manifest.lees_bewaard(map_) is None
