"""The zip writer's deflate (ISA-L, whose output depends on how its input is cut into calls):
equal content gives equal bytes however it is cut, and every member reads back as it was."""

from __future__ import annotations

import io
import itertools
import zipfile
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from contracten.weergave.zipschrijver import PAKSTUK, pak_in, pak_in_stroom, zip_van

# Content around the piece size: empty, less than one piece, exactly one or two, a byte more.
_GROOTTES = st.sampled_from([0, 1, PAKSTUK - 1, PAKSTUK, PAKSTUK + 1, 2 * PAKSTUK,
                             3 * PAKSTUK + 12345])


def _inhoud(grootte: int, zaad: int) -> bytes:
    """XML-like bytes that compress the way a document body does (not random noise)."""
    regel = f'<w:p><w:r><w:t xml:space="preserve">Artikel {zaad} lid </w:t></w:r></w:p>'.encode()
    return (b"".join(regel + str(i).encode() for i in range(grootte // len(regel) + 2)))[:grootte]


@settings(max_examples=60, deadline=None)
@given(grootte=_GROOTTES, zaad=st.integers(0, 10_000),
       sneden=st.lists(st.integers(0, 4 * PAKSTUK), max_size=12))
def test_in_stukken_gesneden_geeft_dezelfde_bytes_als_in_een_keer(grootte, zaad, sneden):
    inhoud = _inhoud(grootte, zaad)
    grenzen = sorted({0, len(inhoud), *(s for s in sneden if s < len(inhoud))})
    delen = [inhoud[a:b] for a, b in itertools.pairwise(grenzen)]
    assert pak_in_stroom("word/document.xml", iter(delen)) == pak_in("word/document.xml", inhoud)


@settings(max_examples=20, deadline=None)
@given(grootte=_GROOTTES, zaad=st.integers(0, 10_000))
def test_elk_lid_leest_terug_zoals_het_was(grootte, zaad):
    inhoud = _inhoud(grootte, zaad)
    lid = pak_in("word/document.xml", inhoud)
    assert lid.crc == zlib.crc32(inhoud) and lid.grootte == len(inhoud)
    with zipfile.ZipFile(io.BytesIO(zip_van([lid, pak_in("a.xml", b"<a/>")]))) as z:
        assert z.testzip() is None
        assert z.read("word/document.xml") == inhoud and z.read("a.xml") == b"<a/>"
