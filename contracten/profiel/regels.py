"""The rule parameters a region sets (regio.yaml `regels`). Values the source does not give are
listed under `voorbeeld`, so every document can mark them as example values."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from contracten.profiel.typen import Bedrag, Markdown, Model, Percentage, Sleutel, Tekst

# Fields whose default stands in for a decision a region of an earlier release never made.
ONBESLIST = frozenset({"aanneemsom_per"})


class Regel(Model):
    bron: Tekst | None = None  # the source section, e.g. "§ 1.13"
    voorbeeld: list[str] = []  # names of this rule's fields that hold example values

    @model_validator(mode="after")
    def _voorbeeld_bestaat(self) -> Regel:
        onbekend = [v for v in self.voorbeeld if v not in type(self).model_fields
                    or v in ("bron", "voorbeeld")]
        if onbekend:
            raise PydanticCustomError(
                "voorbeeld_onbekend", "voorbeeld noemt onbekende velden: {velden} (wel: {wel})",
                {"velden": ", ".join(onbekend), "veld": "voorbeeld", "wel": ", ".join(
                    v for v in type(self).model_fields if v not in ("bron", "voorbeeld"))})
        return self

    def is_voorbeeld(self, veld: str) -> bool:
        """Whether a field holds an example value: listed under `voorbeeld`, or a field with a
        default that the profile does not set (the region has not decided it)."""
        return veld in self.voorbeeld or (veld in ONBESLIST and veld not in self.model_fields_set)


class SocialReturn(Regel):
    """Assen §1.13: above the threshold, a percentage of the aanneemsom excl. BTW."""

    percentage: Percentage
    drempel: Bedrag  # yearly turnover in the region must be strictly above this
    basis: Literal["aanneemsom_excl_btw"] = "aanneemsom_excl_btw"
    # What an aanbieder's aanneemsom covers: one contract year, or the whole looptijd. It decides
    # whether the percentage is owed of every year's sum or once of the whole; the plan van
    # aanpak, reporting and shortfall are agreed in overeenkomst.yaml (socialreturn, art. 1.9).
    # A profile of an earlier release does not say: it keeps what that release computed (the
    # percentage once of the aanneemsom), and every document marks it as an example value.
    aanneemsom_per: Literal["jaar", "looptijd"] = "looptijd"
    # The letters' own words: what an obliged aanbieder does next, and the "waar mogelijk" text.
    brief_verplicht: Markdown
    brief_waar_mogelijk: Markdown


class Opzegging(Regel):
    """Assen §1.6.1: no new clients once notice starts; delivery continues after the end."""

    opzegtermijn_maanden: int = Field(ge=0, le=36)
    doorlevering_maanden: int = Field(ge=0, le=24)
    # Assen § 1.6.1, when the aanbieder terminates: from the first day of the opzegtermijn it
    # takes no new clients, and it talks at once about continuing the relations of care. A
    # region whose contract has no such rules (Amersfoort) sets false: its letters and schedule
    # then impose neither.
    instroomstop: bool = True
    # Where these rules come from, as the letter and the schedule name it ("artikel 1.3.4 en
    # artikel 3.19.6 van de overeenkomst"); default: `bron` of the programma van eisen.
    grondslag: Tekst | None = None


class Weigeren(Regel):
    """Assen §1.6.2: conflicts must be reported within a number of days."""

    meldtermijn_dagen: int = Field(ge=0, le=365)


class Afwezigheid(Regel):
    """Assen §1.5.6: housing may be claimed during GGZ admission or detention, capped per year."""

    bedrag: Sleutel  # key of the amount in tarieven/<prijspeil>.yaml (indexed every year)
    producten: list[Sleutel] = []  # the products it applies to (beschermd wonen); empty = all
    maximum_maanden_per_kalenderjaar: int = Field(ge=0, le=12)
    gronden: list[Tekst] = Field(min_length=1)


class Indexatie(Regel):
    """VNG method: index = w x OVA + (1 - w) x PPC + nacalculatie, applied as rounded to
    `decimalen` (as the VNG publishes it: two)."""

    gewicht_loon: Percentage = Field(le=1)
    decimalen: int = Field(default=2, ge=0, le=4)
    # The new tariffs are announced this many months before they take effect (1 January), for
    # the termijnenkalender; None: the region sets no such date.
    aankondiging_maanden: int | None = Field(default=None, ge=1, le=12)


class Regels(Model):
    socialreturn: SocialReturn | None = None
    opzegging: Opzegging
    weigeren: Weigeren | None = None
    afwezigheid: Afwezigheid | None = None
    indexatie: Indexatie
