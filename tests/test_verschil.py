"""The pure step of a run: what to make, what to keep, what to remove. No files: what the
executor reads of the folder (the files still on disk, the definitief register) is plain data."""

from __future__ import annotations

from collections.abc import Collection

from contracten.pijplijn.plan import Taak
from contracten.pijplijn.verschil import Verschil, achtergebleven, bereken
from contracten.uitvoer.manifest import Document, Manifest

PVE = Taak("programma-van-eisen", None, "programma-van-eisen", "h-pve")
A = Taak("overeenkomst", "a", "overeenkomsten/a", "h-a")
B = Taak("overeenkomst", "b", "overeenkomsten/b", "h-b")


def kop(versie: str = "v1") -> Manifest:
    return Manifest(regio="assen", prijspeil=2025, versie=versie, datum="2026-01-05", invoer=[],
                    documenten=[])


def documenten(taak: Taak, invoerhash: str | None = None) -> list[Document]:
    return [Document(soort=taak.soort, formaat=f, pad=f"{taak.pad}.{f}", sha256="x",
                     aanbieder=taak.aanbieder, versie="v", invoerhash=invoerhash or taak.invoerhash)
            for f in ("docx", "md")]


def vorig(*taken: Taak) -> Manifest:
    return kop().model_copy(update={"documenten": [d for t in taken for d in documenten(t)]})


def paden(*taken: Taak) -> set[str]:
    return {d.pad for t in taken for d in documenten(t)}


def reken(taken: list[Taak], oud: Manifest | None, *, op_schijf: set[str] | None = None,
          definitief: Collection[str] = (), volledig: bool = True,
          opruimen: frozenset[str] = frozenset()) -> Verschil:
    alles = {d.pad for d in oud.documenten} if oud else set()
    return bereken(taken, oud, kop(), formaten=(), definitief=definitief, volledig=volledig,
                   opruimen=opruimen, op_schijf=alles if op_schijf is None else op_schijf)


def gehouden(verschil: Verschil) -> set[str]:
    return {d.pad for d in verschil.houden}


def test_ongewijzigde_invoer_maakt_niets_en_houdt_alles():
    verschil = reken([PVE, A, B], vorig(PVE, A, B))
    assert verschil.maken == []
    assert set(verschil.ongewijzigd) == gehouden(verschil) == paden(PVE, A, B)
    assert verschil.weg == frozenset()
    assert verschil.bij


def test_een_andere_kop_is_niet_bij_maar_maakt_niets():
    oud = vorig(PVE).model_copy(update={"versie": "v0"})
    verschil = reken([PVE], oud)
    assert verschil.maken == [] and not verschil.bij


def test_eerste_run_maakt_alles():
    verschil = reken([PVE, A], None)
    assert verschil.maken == [PVE, A]
    assert verschil.houden == [] and verschil.weg == frozenset() and not verschil.bij


def test_een_gewijzigde_aanbieder_alleen_zijn_document():
    nieuw_a = Taak("overeenkomst", "a", "overeenkomsten/a", "h-a-2")
    verschil = reken([PVE, nieuw_a, B], vorig(PVE, A, B))
    assert verschil.maken == [nieuw_a]
    assert gehouden(verschil) == set(verschil.ongewijzigd) == paden(PVE, B)
    assert verschil.weg == frozenset()  # written again, not removed
    assert not verschil.bij


def test_verdwenen_aanbieder_gaat_weg_in_een_volledige_run():
    verschil = reken([PVE, A], vorig(PVE, A, B), volledig=True)
    assert verschil.maken == []
    assert verschil.weg == paden(B)
    assert gehouden(verschil) == paden(PVE, A)
    assert not verschil.bij


def test_verdwenen_aanbieder_blijft_in_een_versmalde_run():
    verschil = reken([A], vorig(PVE, A, B), volledig=False)
    assert verschil.weg == frozenset()
    assert gehouden(verschil) == paden(PVE, A, B)
    assert verschil.bij


def test_versmalde_run_ruimt_alleen_zijn_eigen_soorten_op():
    verschil = reken([A], vorig(PVE, A, B), volledig=False, opruimen=frozenset({"overeenkomst"}))
    assert verschil.weg == paden(B)
    assert gehouden(verschil) == paden(PVE, A)


def test_een_definitief_document_gaat_nooit_weg():
    verschil = reken([PVE, A], vorig(PVE, A, B), volledig=True,
                     definitief={"overeenkomsten/b.docx"})
    assert verschil.weg == frozenset()
    assert paden(B) <= gehouden(verschil)


def test_een_definitief_document_blijft_ook_als_het_opnieuw_wordt_gemaakt():
    nieuw_a = Taak("overeenkomst", "a", "overeenkomsten/a", "h-a-2")
    verschil = reken([nieuw_a], vorig(A), definitief={"overeenkomsten/a.docx"})
    assert verschil.maken == [nieuw_a]  # its new version goes beside it
    # The signed file and its twin stay (a file the new version writes again replaces it).
    assert gehouden(verschil) == paden(A)
    assert verschil.weg == frozenset()


def test_een_ontbrekend_bestand_laat_het_document_opnieuw_maken():
    oud = vorig(PVE, A)
    verschil = reken([PVE, A], oud, op_schijf=paden(PVE) | {"overeenkomsten/a.docx"})
    assert verschil.maken == [A]
    assert gehouden(verschil) == set(verschil.ongewijzigd) == paden(PVE)
    assert not verschil.bij


def test_een_ontbrekend_formaat_laat_het_document_opnieuw_maken():
    verschil = bereken([A], vorig(A), kop(), formaten=("html",), op_schijf=paden(A),
                       definitief=set())
    assert verschil.maken == [A]


def test_nieuwe_versie_naast_een_definitief_document_hoort_bij_dat_document():
    naast = [Document(soort="overeenkomst", formaat=f, pad=f"overeenkomsten/a.nieuw-x.{f}",
                      sha256="y", aanbieder="a", versie="x", invoerhash="h-a",
                      naast_definitief="overeenkomsten/a.docx") for f in ("docx", "md")]
    getekend = Document(soort="overeenkomst", formaat="docx", pad="overeenkomsten/a.docx",
                        sha256="x", aanbieder="a", versie="v", invoerhash="h-oud")
    oud = kop().model_copy(update={"documenten": [getekend, *naast]})
    verschil = reken([A], oud, definitief={"overeenkomsten/a.docx"})
    # The signed file's hash differs, so not every entry of the document matches: remade.
    assert verschil.maken == [A]
    assert gehouden(verschil) == {"overeenkomsten/a.docx"}


def test_achtergebleven_bestanden_van_een_vorige_versie():
    oud = vorig(PVE, A)
    assert achtergebleven(oud, documenten(PVE)) == paden(A)
    assert achtergebleven(None, []) == set()
