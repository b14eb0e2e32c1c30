"""With --formaat pdf: one pdf of all letters of a kind, for printing, in the order of
aanbieders.yaml; made again only when a letter changed."""

from __future__ import annotations

import datetime as dt
import json

from pypdf import PdfReader

import contracten

from .conftest import wijzig_yaml

DATUM = dt.date(2026, 11, 23)
BUNDEL = "brieven/socialreturn/alle-brieven.pdf"


def test_alle_brieven_van_een_soort_in_een_pdf(regios, tmp_path):
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d.update(aanbieders=d["aanbieders"][:3]))
    regio = contracten.laad_regio(regios / "assen")
    eerste = contracten.socialreturn(regio, datum=DATUM, uitvoer=tmp_path, formaten=["pdf"])
    assert eerste.documenten is not None and BUNDEL in eerste.documenten.geschreven
    map_ = tmp_path / "assen/2025"
    bundel = PdfReader(map_ / BUNDEL)
    brieven = [PdfReader(map_ / f"brieven/socialreturn/{a.id}.pdf") for a in regio.aanbieders]
    assert len(bundel.pages) == sum(len(b.pages) for b in brieven) >= 3
    # In the order of aanbieders.yaml: each letter starts where the one before it ends.
    begin = 0
    for aanbieder, brief in zip(regio.aanbieders, brieven, strict=True):
        assert brief.pages[0].extract_text()[:400] == bundel.pages[begin].extract_text()[:400]
        assert f"/SR/{regio.aanbieders.index(aanbieder) + 1:04d}" in bundel.pages[begin] \
            .extract_text()
        begin += len(brief.pages)
    manifest = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))
    vermelding = next(d for d in manifest["documenten"] if d["pad"] == BUNDEL)
    assert vermelding["bundel"] is True and vermelding["formaat"] == "pdf"

    # Unchanged: nothing is made again, the bundle neither.
    tweede = contracten.socialreturn(regio, datum=DATUM, uitvoer=tmp_path, formaten=["pdf"])
    assert tweede.documenten is not None and tweede.documenten.geschreven == []

    # One letter changes: the bundle is made again with it.
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d["aanbieders"][1]["adres"].update(straat="Nieuwe Straat 1"))
    regio = contracten.laad_regio(regios / "assen")
    derde = contracten.socialreturn(regio, datum=DATUM, uitvoer=tmp_path, formaten=["pdf"])
    assert derde.documenten is not None and BUNDEL in derde.documenten.geschreven
    tekst = "".join(p.extract_text() for p in PdfReader(map_ / BUNDEL).pages)
    assert "Nieuwe Straat 1" in tekst
