"""`verschil.bereken` written out for speed (issue 31) decides exactly as the plain way it was
written before: the reference below, on many generated runs (paths with a two-part extension,
new versions beside finalised documents, bundles, files missing from disk, kinds to clean up)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from contracten.pijplijn.plan import Taak
from contracten.pijplijn.verschil import Verschil, bereken
from contracten.uitvoer.manifest import Document, Manifest, stam


def referentie(taken: Sequence[Taak], vorig: Manifest | None, kop: Manifest, *,
               formaten: tuple[str, ...], op_schijf: Collection[str],
               definitief: Collection[str], volledig: bool = False,
               opruimen: Collection[str] = ()) -> Verschil:
    """`bereken` as it was before issue 31."""
    oud = vorig.documenten if vorig else []
    sleutels = [stam(d.naast_definitief or d.pad) for d in oud]
    per_sleutel: dict[str, list[Document]] = {}
    for s, d in zip(sleutels, oud, strict=True):
        per_sleutel.setdefault(s, []).append(d)
    nodig = {"docx", "md", *formaten}
    ongewijzigd: list[str] = []
    maken: list[Taak] = []
    for taak in taken:
        bij = [d for d in per_sleutel.get(taak.pad, []) if d.invoerhash == taak.invoerhash]
        if (bij and len(bij) == len(per_sleutel[taak.pad]) and nodig <= {d.formaat for d in bij}
                and all(d.pad in op_schijf for d in bij)):
            ongewijzigd += [d.pad for d in bij]
        else:
            maken.append(taak)
    alle = {t.pad for t in taken} if oud else set()
    opnieuw = {t.pad for t in maken} if oud else set()
    weg = frozenset(d.pad for s, d in zip(sleutels, oud, strict=True)
                    if s not in alle and not d.bundel and (volledig or d.soort in opruimen)
                    and f"{d.stam}.docx" not in definitief)
    houden = [d for s, d in zip(sleutels, oud, strict=True) if d.pad not in weg
              and (s not in opnieuw
                   or (f"{d.stam}.docx" in definitief and not d.naast_definitief))]
    return Verschil(maken, houden, ongewijzigd, weg,
                    bij=vorig is not None and not maken and not weg and vorig.kop_gelijk(kop))


STAMMEN = [f"{m}/{n}" for m in ("overeenkomsten", "brieven") for n in ("a", "b", "c.1", "d")]
# the formats of one document's entries
FORMATEN = [("docx", "md"), ("docx", "md"), ("docx", "md", "pdf"), ("docx",),
            ("csv", "machine.csv")]
SOORTEN = ["overeenkomst", "brief"]
HASHES = ["h1", "h2"]


def kop(versie: str = "v1") -> Manifest:
    return Manifest(regio="r", prijspeil=2025, versie=versie, datum="2026-11-23", invoer=[],
                    documenten=[])


taken_ = st.lists(st.tuples(st.sampled_from(SOORTEN), st.sampled_from(STAMMEN),
                            st.sampled_from(HASHES)), max_size=8, unique_by=lambda t: t[1])
documenten_ = st.lists(st.tuples(
    st.sampled_from(SOORTEN), st.sampled_from(STAMMEN), st.sampled_from(FORMATEN),
    st.sampled_from([*HASHES, None]), st.booleans(), st.booleans()), max_size=7)


@settings(max_examples=400, deadline=None)
@given(taken_, documenten_, st.booleans(), st.sets(st.sampled_from(SOORTEN)), st.data(),
       st.sampled_from([(), ("pdf",)]), st.booleans(), st.booleans())
def test_bereken_beslist_als_de_gewone_weg(taken: list[tuple[str, str, str]],
                                          rijen: list[tuple[str, str, tuple[str, ...], str | None,
                                                            bool, bool]],
                                          volledig: bool, opruimen: set[str],
                                          data: st.DataObject, formaten: tuple[str, ...],
                                          zonder_vorig: bool, andere_kop: bool) -> None:
    taak = [Taak(soort, None, pad, h) for soort, pad, h in taken]
    documenten: list[Document] = []
    for soort, pad, formaten_, h, naast, bundel in rijen:
        for formaat in formaten_:
            # a new version beside a finalised one has a name of its own, keyed on the original
            eigen = f"{pad}.v2.{formaat}" if naast else f"{pad}.{formaat}"
            documenten.append(Document(soort=soort, formaat=formaat.split(".")[-1], pad=eigen,
                                       sha256="x", aanbieder=None, versie="v", invoerhash=h,
                                       naast_definitief=f"{pad}.docx" if naast else None,
                                       bundel=True if bundel else None))
    vorig = None if zonder_vorig else kop("v0" if andere_kop else "v1").model_copy(
        update={"documenten": documenten})
    paden = sorted({d.pad for d in documenten})
    op_schijf = set(data.draw(st.lists(st.sampled_from(paden))) if paden else [])
    definitief = set(data.draw(st.lists(st.sampled_from([f"{s}.docx" for s in STAMMEN]))))
    argumenten = dict(formaten=formaten, op_schijf=op_schijf, definitief=definitief,
                      volledig=volledig, opruimen=opruimen)
    nieuw = bereken(taak, vorig, kop(), **argumenten)  # type: ignore[arg-type]
    oud = referentie(taak, vorig, kop(), **argumenten)  # type: ignore[arg-type]
    assert nieuw.maken == oud.maken
    assert [id(d) for d in nieuw.houden] == [id(d) for d in oud.houden]
    assert nieuw.ongewijzigd == oud.ongewijzigd
    assert nieuw.weg == oud.weg
    assert nieuw.bij == oud.bij
