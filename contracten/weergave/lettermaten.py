"""How wide text is, estimated without the fonts of the machine: the advance widths of DejaVu
Sans (per 1000 units of the em, for U+0020–U+017F and a few signs), the font LibreOffice falls
back to where Arial, Calibri or Cambria are missing. It is wider than each of them, so an
estimate errs on the safe side, and output does not depend on the installed fonts. Also: where a
line may break, and where it may not."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

ONBEKEND = 1000  # a character outside the tables: a full em


def _tabel(breedtes: str, overig: dict[str, int]) -> dict[str, int]:
    uit = {chr(0x20 + i): int(b) for i, b in enumerate(breedtes.split())}
    uit.update(overig)
    return uit


_NORMAAL = _tabel("""
318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636
636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863
748 787 603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635
615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636
337 636 838 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 318 401 636
636 636 636 337 500 500 1000 471 612 838 361 1000 500 500 838 401 401 500 636 636 318 500
401 471 612 969 969 969 531 684 684 684 684 684 684 974 698 632 632 632 632 295 295 295 295
775 748 787 787 787 787 787 838 787 732 732 732 732 611 605 630 613 613 613 613 613 613 982
550 615 615 615 615 278 278 278 278 612 634 612 612 612 612 612 838 612 634 634 634 634 592
635 592 684 613 684 613 684 613 698 550 698 550 698 550 698 550 770 635 775 635 632 615 632
615 632 615 632 615 632 615 775 635 775 635 775 635 775 635 752 634 916 695 295 278 295 278
295 278 295 278 295 278 590 556 295 278 656 579 579 557 278 557 278 557 375 557 342 562 284
748 634 748 634 748 634 813 748 634 787 612 787 612 787 612 1070 1023 695 411 695 411 695
411 635 521 635 521 635 521 635 521 611 392 611 392 611 392 732 634 732 634 732 634 732 634
732 634 732 634 989 818 611 592 611 685 525 685 525 685 525 352
""", {'€': 636, '‘': 318, '’': 318, '“': 518, '”': 518, '–': 500,
    '—': 1000, '•': 590, '…': 1000, '×': 838, '§': 500, '‰': 1342})

_VET = _tabel("""
348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696
696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995
837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716
678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712
365 712 838 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 348 456 696
696 636 696 365 500 500 1000 564 646 838 415 1000 500 500 838 438 438 500 736 636 380 500
438 564 646 1035 1035 1035 580 774 774 774 774 774 774 1085 734 683 683 683 683 372 372 372
372 838 837 850 850 850 850 850 838 850 812 812 812 812 724 738 719 675 675 675 675 675 675
1048 593 678 678 678 678 343 343 343 343 687 712 687 687 687 687 687 838 687 712 712 712 712
652 716 652 774 675 774 675 774 675 734 593 734 593 734 593 734 593 830 716 838 716 683 678
683 678 683 678 683 678 683 678 821 716 821 716 821 716 821 716 837 712 974 790 372 343 372
343 372 343 372 343 372 343 744 686 372 343 775 665 665 637 343 637 343 637 480 637 557 642
371 837 712 837 712 837 712 983 837 712 850 687 850 687 850 687 1167 1094 770 493 770 493
770 493 720 595 720 595 720 595 720 595 682 478 682 478 682 478 812 712 812 712 812 712 812
712 812 712 812 712 1103 924 724 652 724 725 582 725 582 725 582 435
""", {'€': 696, '‘': 380, '’': 380, '“': 657, '”': 657, '–': 500,
    '—': 1000, '•': 639, '…': 1000, '×': 838, '§': 500, '‰': 1440})
# Where a line may break: ordinary spaces and tabs; never a no-break space (U+00A0, U+202F).
_BREEK = "[ \\t\\n\\r\\f\\v\\u1680\\u2000-\\u200b\\u205f\\u3000]"
_HEEL = "[^ \\t\\n\\r\\f\\v\\u1680\\u2000-\\u200b\\u205f\\u3000]"
# An amount with its € sign, a number with its %, else a word.
_STUK = re.compile(f"{_HEEL}*€[ \\u00a0]?[-−]?\\d{_HEEL}*|{_HEEL}*\\d[ \\u00a0]?%{_HEEL}*|{_HEEL}+")
_NA_STREEPJE = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")  # "time-out": a break after the hyphen


def stukken_met_plek(tekst: str) -> Iterator[tuple[int, str]]:
    """(where it starts, piece) for every piece of `tekst` that a line never breaks inside: a
    word (a hyphen between letters ends one: Word and LibreOffice break after it), an amount
    with its € sign, a number with its % sign."""
    for m in _STUK.finditer(tekst):
        stuk, begin = m.group(0), m.start()
        for deel in [stuk] if "€" in stuk or "%" in stuk else _NA_STREEPJE.split(stuk):
            yield begin, deel
            begin += len(deel)


def onbreekbare_stukken(tekst: str) -> list[str]:
    """The pieces of `tekst` that a line never breaks inside."""
    return [stuk for _, stuk in stukken_met_plek(tekst)]


def tekenbreedte(teken: str, vet: bool) -> int:
    """A character's advance width in 1/1000 em."""
    return (_VET if vet else _NORMAAL).get(teken, ONBEKEND)


def breedte(tekst: str, punten: float, vet: bool = False) -> int:
    """The estimated width of `tekst` on one line, in twips."""
    tabel = _VET if vet else _NORMAAL
    eenheden = sum(tabel.get(teken, ONBEKEND) for teken in tekst)
    return math.ceil(eenheden * punten * 20 / 1000)
