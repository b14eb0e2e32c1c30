"""A kind whose herkomst does not depend on the contract (an overeenkomst) has it worked out
once per run and set of headings (issue 31): the manifest's herkomst stays exactly what the
per-document way gives, and a kind that claims this really is the same for every contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracten.pijplijn import werk as werkmodule
from contracten.profiel.laden import laad_regio
from contracten.soorten.basis import Soort
from contracten.soorten.register import soort, soorten

from .conftest import REGIOS, werk_van_assen


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_herkomst_per_run_hangt_niet_af_van_het_contract(regio: str) -> None:
    profiel = laad_regio(REGIOS, regio)
    per_run = [s for s in soorten().values() if s.herkomst_per_run]
    assert "overeenkomst" in {s.naam for s in per_run}
    for s in per_run:
        if not s.beschikbaar(profiel, 2025):
            continue
        for prijspeil in profiel.prijspeilen:
            verwacht = s.herkomst_van(profiel, profiel.contracten[0], prijspeil)
            assert verwacht, s.naam
            for contract in profiel.contracten[1:]:
                assert s.herkomst_van(profiel, contract, prijspeil) == verwacht, \
                    (s.naam, contract.sleutel)


def _werk(tmp_path: Path) -> tuple[werkmodule.Werk, list]:
    werk, taken = werk_van_assen(tmp_path)
    return werk, [t for t in taken if t.soort == "overeenkomst"]


def test_herkomst_van_de_run_is_die_van_elk_document(tmp_path: Path) -> None:
    werk, taken = _werk(tmp_path)
    assert len(taken) >= 2
    s = soort("overeenkomst")
    gemaakt = [werk.maak(taak) for taak in taken]
    for taak, g in zip(taken, gemaakt, strict=True):
        contract = werk._contracten[taak.contract]
        koppen = [kop for kop, _, _ in g.artikelen]
        assert len(koppen) > 20  # the articles of the Contractstandaard
        assert g.artikelen == werkmodule.herkomst_per_kop(
            koppen, f"sjablonen/{s.sjabloon}", s.herkomst_van(werk.profiel, contract,
                                                              werk.prijspeil))
    assert len(werk._herkomst) == len({g.artikelen for g in gemaakt})  # worked out once
    # Other headings (an article more or less): their own herkomst, not the one kept.
    andere = [*koppen[:-1], "Artikel 99 Onbekend"]
    uit = werk._artikelen(s, werk._contracten[taken[0].contract], andere)
    assert uit[-1] == ("Artikel 99 Onbekend", "sjablonen/overeenkomst.docx",
                       ("(tekst uit het sjabloon)",))
    assert uit[:-1] == gemaakt[-1].artikelen[:-1]


def test_herkomst_per_contract_wordt_niet_bewaard(tmp_path: Path, monkeypatch) -> None:
    werk, taken = _werk(tmp_path)
    gevraagd: list[str] = []
    s = soort("overeenkomst")
    echt = type(s).herkomst_van

    def herkomst_van(self: Soort, profiel, contract, prijspeil):
        gevraagd.append(contract.sleutel)
        return echt(self, profiel, contract, prijspeil)

    monkeypatch.setattr(type(s), "herkomst_van", herkomst_van)
    koppen = ["Artikel 1 Begrippen"]
    for taak in taken[:2]:
        werk._artikelen(s, werk._contracten[taak.contract], koppen)
    assert len(gevraagd) == 1  # once per run
    monkeypatch.setattr(type(s), "herkomst_per_run", False)
    for taak in taken[:2]:
        werk._artikelen(s, werk._contracten[taak.contract], koppen)
    assert len(gevraagd) == 3  # a kind that depends on its contract: every document
