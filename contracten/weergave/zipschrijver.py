"""A minimal, deterministic zip writer for Office files: members that never change are
compressed once and reused; fixed timestamps and attributes, so equal input gives equal bytes."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from isal import isal_zlib

ZIPTIJD = (1980, 1, 1, 0, 0, 0)
# Compression: Intel's ISA-L (python-isal) at its level 2 packs a contract's XML five times as
# fast as zlib at level 3, about 4 % larger; a region makes thousands of documents. Its output
# depends on how the input is cut into calls (zlib's does not), so it is always given pieces of
# PAKSTUK bytes: equal content gives equal bytes, however the caller cut it.
NIVEAU = 2
PAKSTUK = 1 << 16

DOS_TIJD, DOS_DATUM = 0, (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01 00:00, as zipfile writes it


@dataclass(frozen=True)
class Lid:
    naam: bytes
    crc: int
    grootte: int
    ingepakt: bytes


def pak_in(naam: str, inhoud: bytes) -> Lid:
    pakker = isal_zlib.compressobj(NIVEAU, isal_zlib.DEFLATED, -15)
    stukken = memoryview(inhoud)
    ingepakt = [pakker.compress(stukken[i:i + PAKSTUK])
                for i in range(0, len(inhoud), PAKSTUK)]
    ingepakt.append(pakker.flush())
    return Lid(naam.encode("utf-8"), isal_zlib.crc32(inhoud), len(inhoud), b"".join(ingepakt))


def pak_in_stroom(naam: str, delen: Iterable[bytes]) -> Lid:
    """`pak_in` of the parts joined, without joining them: the same bytes (the parts are cut
    again into pieces of PAKSTUK bytes)."""
    pakker = isal_zlib.compressobj(NIVEAU, isal_zlib.DEFLATED, -15)
    crc = grootte = 0
    ingepakt: list[bytes] = []
    rest = bytearray()  # what is not yet a whole piece (a bytearray grows without copying)
    for deel in delen:
        crc = isal_zlib.crc32(deel, crc)
        grootte += len(deel)
        rest += deel
        if len(rest) >= PAKSTUK:
            heel = len(rest) - len(rest) % PAKSTUK
            with memoryview(rest) as stukken:
                ingepakt += [pakker.compress(stukken[i:i + PAKSTUK])
                             for i in range(0, heel, PAKSTUK)]
            del rest[:heel]
    if rest:
        ingepakt.append(pakker.compress(bytes(rest)))
    ingepakt.append(pakker.flush())
    return Lid(naam.encode("utf-8"), crc, grootte, b"".join(ingepakt))


def zip_van(leden: list[Lid]) -> bytes:
    delen: list[bytes] = []
    centraal: list[bytes] = []
    positie = 0
    for lid in leden:
        kop = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, DOS_TIJD, DOS_DATUM, lid.crc,
                          len(lid.ingepakt), lid.grootte, len(lid.naam), 0) + lid.naam
        centraal.append(struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, DOS_TIJD, DOS_DATUM, lid.crc,
            len(lid.ingepakt), lid.grootte, len(lid.naam), 0, 0, 0, 0, 0o644 << 16, positie)
            + lid.naam)
        delen += [kop, lid.ingepakt]
        positie += len(kop) + len(lid.ingepakt)
    map_ = b"".join(centraal)
    einde = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(leden), len(leden), len(map_),
                        positie, 0)
    return b"".join(delen) + map_ + einde


STUK = 1 << 20  # bytes of a streamed member read at a time


def vaste_zip(inhoud: bytes,
              aanpassen: dict[str, Callable[[bytes], bytes]] | None = None,
              stroom: Collection[str] = ()) -> bytes:
    """Rewrite an Office zip with fixed timestamps so equal input gives byte-identical files;
    `aanpassen` may fix a member's content too (e.g. a clock stamp the writer put in). The
    members named in `stroom` (a large sheet) are copied a piece at a time, never whole; their
    `aanpassen` sees only the first piece."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, \
            zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=ZIPTIJD)
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o644 << 16
            if info.filename in stroom:
                _stroom(bron, info, doel, nieuw, (aanpassen or {}).get(info.filename))
                continue
            data = bron.read(info.filename)
            if aanpassen and info.filename in aanpassen:
                data = aanpassen[info.filename](data)
            doel.writestr(nieuw, data)
    return uit.getvalue()


def _stroom(bron: zipfile.ZipFile, info: zipfile.ZipInfo, doel: zipfile.ZipFile,
            nieuw: zipfile.ZipInfo, aanpassen: Callable[[bytes], bytes] | None) -> None:
    """Copy one member a piece at a time: the same bytes `writestr` makes of it whole (the
    target is seekable, so the sizes go into the local header afterwards, without a data
    descriptor; deflate's output does not depend on how its input is cut)."""
    with bron.open(info) as lezer, doel.open(nieuw, "w") as schrijver:
        stuk = lezer.read(STUK)
        if aanpassen is not None:
            stuk = aanpassen(stuk)
        while stuk:
            schrijver.write(stuk)
            stuk = lezer.read(STUK)
