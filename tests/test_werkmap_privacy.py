"""The privacy gate covers every place of an input workbook or CSV where a person can type a
value: the file's name, sheet names, headers, cells of every sheet (hidden ones too, and beyond
the header), comments, headers and footers, named ranges, the file's properties. A BSN in any
of them is refused, and no message repeats it: it says where (sheet, row, column), not what."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

import contracten
from contracten import InvoerFout
from contracten.lezen.tabelbestand import Invoerbestand, lees_tabel

from .conftest import voer_uit
from .werkmaphulp import clientenwerkmap, exportwerkboek, met_delen, opzeggen

BSN = "111222333"  # passes the elfproef


def _bestanden(map_) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*.yaml"))}


def _blad_met_bsn(boek):
    boek.create_sheet(BSN)


def _kop_met_bsn(boek):
    boek["Aanbieders"].cell(row=1, column=30, value="111-222-333")


def _verborgen_blad(boek):
    blad = boek.create_sheet("Bron")
    blad.sheet_state = "hidden"
    blad.append(["client", "bsn"])
    blad.append(["C-1", int(BSN)])


def _opmerking(boek):
    boek["Aanbieders"]["B2"].comment = Comment(f"cliënt {BSN} belde", "J. Jansen")


def _auteur(boek):
    boek.properties.creator = "111 222 333"


def _voettekst(boek):
    boek["Aanbieders"].oddFooter.center.text = f"BSN {BSN}"


def _naam(boek):
    boek.defined_names["bron"] = DefinedName("bron", attr_text=f'"{BSN}"')


@pytest.mark.parametrize(("aanpassing", "waar"), [
    (_blad_met_bsn, "assen.xlsx: blad 6: de naam van het blad bevat een BSN"),
    (_kop_met_bsn, "assen.xlsx, blad Aanbieders:1: kolom AD: de kop bevat een BSN"),
    (_verborgen_blad, "assen.xlsx, blad Bron:2: kolom B (bsn): bevat een BSN"),
    (_opmerking, "assen.xlsx, blad Aanbieders: opmerking: bevat een BSN"),
    (_auteur, "assen.xlsx: eigenschappen van het bestand: bevat een BSN"),
    (_voettekst, "assen.xlsx, blad Aanbieders: kop- of voettekst: bevat een BSN"),
    (_naam, "assen.xlsx: namen in de werkmap: bevat een BSN"),
])
def test_importeer_weigert_een_bsn_overal_zonder_hem_te_tonen(regios, tmp_path, aanpassing, waar):
    pad = exportwerkboek(regios, tmp_path / "assen.xlsx")
    boek = openpyxl.load_workbook(pad)
    aanpassing(boek)
    boek.save(pad)
    voor = _bestanden(regios / "assen")
    uit = voer_uit("--regios", str(regios), "importeer", "assen", str(pad))
    assert uit.code == 1 and "[bsn]" in uit.stderr and waar in uit.stderr, uit.stderr
    assert "222" not in uit.stdout + uit.stderr
    assert _bestanden(regios / "assen") == voor


def test_importeer_weigert_een_bestandsnaam_met_een_bsn(regios, tmp_path):
    pad = exportwerkboek(regios, tmp_path / "assen.xlsx").rename(tmp_path / f"w-{BSN}.xlsx")
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), pad)
    assert [(m.bestand, m.veld, m.code) for m in fout.value.meldingen] == [
        ("invoerbestand", "naam", "bsn")]
    assert "222" not in str(fout.value)


def test_dubbele_kop_met_een_bsn_in_de_clientenlijst(tmp_path):
    """The header was echoed: 'clienten.csv:1: 111222333: kolom staat er meer dan eens'."""
    pad = tmp_path / "clienten.csv"
    pad.write_text(f"client,gemeente,product,einddatum_beschikking,{BSN},{BSN}\n"
                   "C-1,Assen,bw-toezicht,,,\n", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        opzeggen(pad, tmp_path / "uit")
    assert [(m.regel, m.veld, m.code) for m in fout.value.meldingen] == [
        (1, "kolom E", "bsn"), (1, "kolom F", "bsn")]
    assert "222" not in str(fout.value)


def _cel_voorbij_de_kop(boek):
    boek.active["F2"] = int(BSN)


def _clientblad_met_bsn(boek):
    boek.active.title = BSN


def _tweede_blad(boek):
    boek.create_sheet("Bron").append([f"{BSN[:3]}.{BSN[3:6]}.{BSN[6:]}"])


def _clientopmerking(boek):
    boek.active["A2"].comment = Comment(BSN, "Jan")


@pytest.mark.parametrize(("aanpassing", "plek"), [
    (_cel_voorbij_de_kop, ("clienten.xlsx", 2, "kolom F")),
    (_clientblad_met_bsn, ("clienten.xlsx", None, "blad 1")),
    (_tweede_blad, ("clienten.xlsx, blad Bron", 1, "kolom A")),
    (_clientopmerking, ("clienten.xlsx, blad Cliënten", None, "opmerking")),
])
def test_clientenlijst_weigert_een_bsn_buiten_de_gelezen_cellen(tmp_path, aanpassing, plek):
    pad = tmp_path / "clienten.xlsx"
    pad.write_bytes(clientenwerkmap(aanpassing))
    with pytest.raises(InvoerFout) as fout:
        opzeggen(pad, tmp_path / "uit")
    assert [(m.bestand, m.regel, m.veld, m.code) for m in fout.value.meldingen] == [
        (*plek, "bsn")]
    assert "222" not in str(fout.value) and not (tmp_path / "uit").exists()


LABEL = "11122233-3aaa-4bbb-8ccc-0123456789ab"  # '11122233-3': nine digits, elfproef passes
CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
          'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
          'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CD'
          f'D505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="MSIP_Label_{LABEL}_SiteId">'
          f"<vt:lpwstr>{LABEL}</vt:lpwstr></property></Properties>")


def test_een_guid_van_een_gevoeligheidslabel_is_geen_bsn():
    """A sensitivity label (Microsoft 365) writes GUIDs into the file's properties; their
    digits are no BSN: Office made them, no person typed them."""
    bron = clientenwerkmap()
    with zipfile.ZipFile(io.BytesIO(bron)) as z:
        typen = z.read("[Content_Types].xml").decode()
        rels = z.read("_rels/.rels").decode()
    typen = typen.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="'
                          'application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                          "</Types>")
    rels = rels.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.'
                        "openxmlformats.org/officeDocument/2006/relationships/custom-properties"
                        '" Target="docProps/custom.xml"/></Relationships>')
    inhoud = met_delen(bron, {"[Content_Types].xml": typen.encode(), "_rels/.rels": rels.encode(),
                              "docProps/custom.xml": CUSTOM.encode()})
    kop, rijen = lees_tabel(Invoerbestand("clienten.xlsx", inhoud), "x")
    assert kop[0] == "client" and len(list(rijen)) == 2
    onecht = met_delen(inhoud, {"docProps/custom.xml": CUSTOM.replace(
        f"<vt:lpwstr>{LABEL}", f"<vt:lpwstr>{BSN}").encode()})
    with pytest.raises(InvoerFout) as fout:  # typed by a person: refused
        lees_tabel(Invoerbestand("clienten.xlsx", onecht), "x")
    assert [m.code for m in fout.value.meldingen] == ["bsn"]
