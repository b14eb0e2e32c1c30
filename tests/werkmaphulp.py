"""Workbooks as users hand them in, built in the layout of the real thing: a workbook saved by a
spreadsheet program (openpyxl's layout is Excel's) or exported by `contracten exporteer`, with
one part swapped for what a test needs: a zip bomb, a sheet of 100,000 rows, a sheet that lies
about its size. Big parts are streamed into the zip, never held in memory."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import openpyxl

import contracten

from .conftest import REGIOS

KOP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
CLIENTKOP = ["client", "gemeente", "product", "einddatum_beschikking"]
BLAD1 = "xl/worksheets/sheet1.xml"

Deel = bytes | Callable[[IO[bytes]], None]


def met_delen(bron: bytes, delen: dict[str, Deel]) -> bytes:
    """The zip `bron` with the parts in `delen` replaced (or added); a callable part writes
    itself into the zip as a stream."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bron)) as oud, \
            zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info in oud.infolist():
            if info.filename not in delen:
                nieuw.writestr(info, oud.read(info))
        for naam, deel in delen.items():
            if callable(deel):
                with nieuw.open(naam, "w", force_zip64=True) as stroom:
                    deel(stroom)
            else:
                nieuw.writestr(naam, deel)
    return uit.getvalue()


def cel(kolom: str, rij: int, waarde: str) -> str:
    return f'<c r="{kolom}{rij}" t="inlineStr"><is><t>{waarde}</t></is></c>'


def rij(nummer: int, waarden: Iterable[str]) -> str:
    cellen = "".join(cel(openpyxl.utils.get_column_letter(i), nummer, w)
                     for i, w in enumerate(waarden, start=1))
    return f'<row r="{nummer}">{cellen}</row>'


def blad(rijen: Iterable[str], dimensie: str = "") -> Callable[[IO[bytes]], None]:
    """A worksheet part as Excel writes it, its rows streamed."""
    def schrijf(stroom: IO[bytes]) -> None:
        stroom.write(KOP.encode())
        if dimensie:
            stroom.write(f'<dimension ref="{dimensie}"/>'.encode())
        stroom.write(b"<sheetData>")
        for r in rijen:
            stroom.write(r.encode())
        stroom.write(b"</sheetData></worksheet>")
    return schrijf


def zipbom(megabytes: int) -> Callable[[IO[bytes]], None]:
    """A worksheet of `megabytes` MB that packs to about a thousandth of that."""
    def schrijf(stroom: IO[bytes]) -> None:
        stroom.write(KOP.encode() + b"<sheetData>")
        for _ in range(megabytes):
            stroom.write(b" " * 1_000_000)
        stroom.write(b"</sheetData></worksheet>")
    return schrijf


def clientenwerkmap(aanpassing: Callable[[openpyxl.Workbook], None] | None = None) -> bytes:
    """A client list saved by a spreadsheet program: sheet 'Cliënten', a header, two clients."""
    boek = openpyxl.Workbook()
    blad_ = boek.active
    blad_.title = "Cliënten"
    blad_.append(CLIENTKOP)
    blad_.append(["C-0001", "Assen", "bw-toezicht", dt.datetime(2026, 12, 31)])
    blad_.append(["C-0002", "Assen", "bw-nabij", None])
    if aanpassing:
        aanpassing(boek)
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def exportwerkboek(regios: Path, pad: Path) -> Path:
    """The workbook `contracten exporteer assen` writes, as `importeer` reads it back."""
    contracten.exporteer(contracten.laad_regio(regios / "assen"), pad,
                         tijdstip=dt.datetime(2026, 12, 1, 9, 0), uitvoer=pad.parent / "uit",
                         database=pad.parent / "r.sqlite")
    return pad


def opzeggen(pad: Path, uitvoer: Path) -> None:
    """`contracten opzegging assen --clienten pad` through the API (refused before writing)."""
    contracten.opzegging(contracten.laad_regio(REGIOS, "assen"),
                         aanbieder="zorg-welzijn-de-brug", datum=dt.date(2026, 8, 31),
                         briefdatum=dt.date(2026, 9, 1), clienten=pad, uitvoer=uitvoer)
