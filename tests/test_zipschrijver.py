"""The zip writer's deflate (ISA-L, whose output depends on how its input is cut into calls):
equal content gives equal bytes however it is cut, and every member reads back as it was."""

from __future__ import annotations

import io
import itertools
import random
import zipfile
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from contracten.weergave.zipschrijver import PAKSTUK, pak_in, pak_in_stroom, zip_van

# Content around the piece size: empty, less than one piece, exactly one or two, a byte more.
_GROOTTES = st.sampled_from([0, 1, 5000, PAKSTUK - 1, PAKSTUK, PAKSTUK + 1, 2 * PAKSTUK,
                             3 * PAKSTUK + 12345])
_WOORDEN = ("de", "opdrachtnemer", "levert", "zorg", "gemeente", "artikel", "lid", "tarief",
            "€", "binnen", "termijn", "van", "dagen", "cliënt", "jeugdhulp", "Wmo", "&amp;")


def _inhoud(grootte: int, zaad: int) -> bytes:
    """Body-like XML: paragraphs of words and numbers in a varying order, as a contract's text
    is (ISA-L gives other bytes for such text cut in small pieces; for very regular content it
    may not, and a test on that could not fail)."""
    kans = random.Random(zaad)
    delen: list[bytes] = []
    lengte = 0
    while lengte < grootte:
        zin = " ".join(kans.choice(_WOORDEN) if kans.random() < 0.8 else str(kans.randrange(10**6))
                       for _ in range(kans.randrange(3, 25)))
        alinea = f'<w:p><w:r><w:t xml:space="preserve">{zin}</w:t></w:r></w:p>'.encode()
        delen.append(alinea)
        lengte += len(alinea)
    return b"".join(delen)[:grootte]


def _gesneden(inhoud: bytes, stukken: list[int]) -> list[bytes]:
    """`inhoud` in pieces of the sizes `stukken`, over and over."""
    delen, begin = [], 0
    for grootte in itertools.cycle(stukken):
        if begin >= len(inhoud):
            return delen
        delen.append(inhoud[begin:begin + grootte])
        begin += grootte
    raise AssertionError  # (cycle never ends)


@settings(max_examples=40, deadline=None)
@given(grootte=_GROOTTES, zaad=st.integers(0, 10_000),
       stukken=st.lists(st.integers(1, 3000) | st.sampled_from([PAKSTUK - 1, PAKSTUK + 7]),
                        min_size=1, max_size=8))
def test_in_stukken_gesneden_geeft_dezelfde_bytes_als_in_een_keer(grootte, zaad, stukken):
    inhoud = _inhoud(grootte, zaad)
    delen = _gesneden(inhoud, stukken)
    assert b"".join(delen) == inhoud
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
