"""overeenkomst.yaml: what a region decides for its overeenkomst under the Contractstandaard
Wmo: who signs for the municipality, which options the standard leaves open it takes, the values
of its blanks, and its own articles. Values the source does not give are listed under
`voorbeeld`, so the contract marks them as example values."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from contracten.lezen.velden import vorm
from contracten.profiel.aanbieders import Adres
from contracten.profiel.typen import Datum, KvkNummer, Markdown, Model, Tekst

Procedure = Literal["aanbesteding_met_emvi", "aanbesteding_zonder_emvi", "toelating"]
# Quoted in YAML ("3"); a plain 3 means the same option, so it is taken as that.
Opzegoptie = Annotated[Literal["1", "2", "3"], BeforeValidator(
    lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v)]
OPZEGOPTIES = {"1": "niemand kan tussentijds opzeggen", "2": "alleen Opdrachtgever kan "
               "tussentijds opzeggen", "3": "beide partijen kunnen tussentijds opzeggen"}
OPTIONELE_ARTIKELEN = ("herzieningsclausule", "bestedingsruimte", "onvoldoende_inzet",
                       "overgang_18", "bibob", "socialreturn", "implementatie")


BURGEMEESTER = re.compile(r"\bburgemeester\b", re.IGNORECASE)


class Vertegenwoordiger(Model):
    """Who signs for the municipality, in which function and, for anyone but the burgemeester,
    on whose volmacht: the burgemeester represents the gemeente himself (art. 171 lid 1
    Gemeentewet; also a waarnemend or loco-burgemeester), anyone else as his gemachtigde (lid 2)."""

    naam: Tekst
    functie: Tekst
    # Completes "daartoe gemachtigd bij …": the burgemeester's volmacht, and the college decision
    # it executes. Not needed when the burgemeester signs himself.
    mandaat: Tekst | None = None

    @model_validator(mode="after")
    def _mandaat_nodig(self) -> Vertegenwoordiger:
        if self.mandaat is None and not self.is_burgemeester:
            raise PydanticCustomError(
                "mandaat_ontbreekt", "alleen de burgemeester vertegenwoordigt de gemeente zonder "
                "volmacht (artikel 171 Gemeentewet); geef het mandaat van '{functie}': het "
                "besluit waarmee die tekent (tekst), bijv. 'volmachtbesluit van de burgemeester "
                "van 14 januari 2025'", {"functie": self.functie, "veld": "mandaat"})
        return self

    @property
    def is_burgemeester(self) -> bool:
        return BURGEMEESTER.search(self.functie) is not None

    @property
    def grondslag(self) -> str:
        """The option of the library's `vertegenwoordiging`: lid 1 or lid 2 of art. 171."""
        return "burgemeester" if self.is_burgemeester or self.mandaat is None else "gemachtigde"


class Opdrachtgever(Model):
    naam: Tekst  # e.g. "Gemeente Assen"
    adres: Adres
    kvk: KvkNummer
    vertegenwoordiger: Vertegenwoordiger
    plaats: Tekst  # where the municipality signs
    # The arrangement under which the centrumgemeente acts for the other gemeenten.
    samenwerkingsgrondslag: Tekst


class Verlenging(Model):
    maanden: int = Field(ge=1, le=120)
    aantal: int = Field(ge=1, le=10)
    gebruikt: int = Field(default=0, ge=0, le=10)  # extensions already agreed; never > aantal

    @model_validator(mode="after")
    def _niet_meer_dan_aantal(self) -> Verlenging:
        if self.gebruikt > self.aantal:
            raise PydanticCustomError(
                "verlenging_gebruikt", "gebruikt ({gebruikt}) is meer dan aantal ({aantal}); "
                "geef een geheel getal van 0 tot en met {aantal}",
                {"gebruikt": self.gebruikt, "aantal": self.aantal, "veld": "gebruikt"})
        return self


class EigenArtikel(Model):
    """An article of the region's own, in Deel 1 (1.11, 1.12 …) or Deel 2 (2.2, 2.3 …)."""

    nummer: str = Field(pattern=r"^(1\.(1[1-9]|[2-9]\d)|2\.([2-9]|[1-9]\d))$")
    titel: Tekst
    leden: list[Markdown] = Field(min_length=1)


class Definitie(Model):
    begrip: Tekst
    betekenis: Markdown


class SocialReturnAfspraken(Model):
    """What article 1.9 needs beyond the figures in regels.socialreturn."""

    periode: Literal["contractjaar", "looptijd"]
    plan_datum: Datum  # the plan van aanpak is due on this day
    rapportage: Tekst  # e.g. "jaarlijks vóór 1 april over het voorgaande kalenderjaar"
    # The last day (inclusive) the first report may arrive: "vóór 1 april" is 31 March. Every
    # year after it, on the same day (a month's last day stays its last day), until the year
    # after the contract ends (termijnenkalender, reminders, letters).
    rapportage_vanaf: Datum | None = None
    sanctie: Tekst  # completes "kan Opdrachtgever …"


class OvereenkomstKeuzes(Model):
    """overeenkomst.yaml."""

    opdrachtgever: Opdrachtgever
    # The version of the Contractstandaard the region contracts under ("1.2"); needed once
    # more than one version is imported (contracten artikelen importeer).
    csw_versie: str | None = Field(default=None, pattern=r"^(?:CSW )?\d+\.\d+$")
    procedure: Procedure
    selectie: bool = False  # the procedure had a selection stage
    opzegoptie: Opzegoptie
    opzegtermijn_opdrachtgever_maanden: int | None = Field(default=None, ge=1, le=36)
    opzegtermijn_opdrachtnemer_maanden: int | None = Field(default=None, ge=1, le=36)
    opzegvoorwaarden_opdrachtnemer: Tekst | None = None
    verlenging: Verlenging | None = None
    artikelen: dict[str, bool] = {}  # the optional articles 1.4–1.10 the region uses
    wijzigingsmogelijkheden: Markdown | None = None  # 1.4
    onvoldoende_inzet_drempel: Tekst | None = None  # 1.6
    socialreturn: SocialReturnAfspraken | None = None  # 1.9
    implementatie_datum: Datum | None = None  # 1.10
    toezichthouder: Tekst
    geschilleninstantie: Tekst
    rechtbank: Tekst
    inkoopvoorwaarden: Tekst
    indexatie_periode: Tekst
    indexcijfer_loon: Tekst
    indexcijfer_prijs: Tekst
    bijlagen: list[Tekst] = Field(min_length=1)  # in the order of article 1.2
    bijlagen_opdrachtnemer: list[Tekst] = []
    overwegingen: list[Markdown] = []  # the region's own, after the library's
    definities: list[Definitie] = []
    eigen_artikelen: list[EigenArtikel] = []
    invullingen: dict[str, Tekst] = {}  # values for blanks of an imported official text
    voorbeeld: list[str] = []  # fields holding example values

    @model_validator(mode="after")
    def _samenhang(self) -> OvereenkomstKeuzes:
        onbekend = sorted(set(self.artikelen) - set(OPTIONELE_ARTIKELEN))
        if onbekend:
            raise PydanticCustomError(
                "artikel_onbekend", "artikelen noemt onbekende optionele artikelen: {namen} "
                "(wel: {bekend})", {"namen": ", ".join(onbekend),
                                    "bekend": ", ".join(OPTIONELE_ARTIKELEN), "veld": "artikelen"})
        # Which choice needs which field: the opzegoptie, and each optional article used.
        opzeg = ["opzegtermijn_opdrachtgever_maanden"] if self.opzegoptie != "1" else []
        if self.opzegoptie == "3":
            opzeg += ["opzegtermijn_opdrachtnemer_maanden", "opzegvoorwaarden_opdrachtnemer"]
        nodig = [(f"opzegoptie '{self.opzegoptie}' ({OPZEGOPTIES[self.opzegoptie]})", opzeg)]
        per_artikel = {"herzieningsclausule": "wijzigingsmogelijkheden",
                       "onvoldoende_inzet": "onvoldoende_inzet_drempel",
                       "socialreturn": "socialreturn", "implementatie": "implementatie_datum"}
        nodig += [(f"artikelen.{artikel}: true", [veld]) for artikel, veld in per_artikel.items()
                  if self.artikelen.get(artikel)]
        ontbreekt = [(keuze, [v for v in velden if getattr(self, v) is None])
                     for keuze, velden in nodig]
        ontbreekt = [(keuze, velden) for keuze, velden in ontbreekt if velden]
        if ontbreekt:
            velden_ = type(self).model_fields
            raise PydanticCustomError(
                "keuze_onvolledig", "{uitleg}", {"uitleg": "; ".join(
                    f"{keuze} vraagt ook " + ", ".join(
                        f"{v} ({vorm(velden_[v].annotation, velden_[v].metadata)})"
                        for v in velden) for keuze, velden in ontbreekt),
                    "veld": ontbreekt[0][1][0]})
        velden = set(type(self).model_fields) - {"voorbeeld"}
        vreemd = [v for v in self.voorbeeld if v.split(".")[0] not in velden]
        if vreemd:
            raise PydanticCustomError(
                "voorbeeld_onbekend", "voorbeeld noemt onbekende velden: {velden}",
                {"velden": ", ".join(vreemd), "veld": "voorbeeld"})
        nummers = [a.nummer for a in self.eigen_artikelen]
        dubbel = sorted({n for n in nummers if nummers.count(n) > 1})
        if dubbel:
            raise PydanticCustomError("artikel_dubbel", "eigen artikel {nummers} staat er "
                                      "meer dan eens; geef elk een eigen nummer",
                                      {"nummers": ", ".join(dubbel), "veld": "eigen_artikelen"})
        return self

    def gebruikt(self, artikel: str) -> bool:
        return self.artikelen.get(artikel, False)

    def is_voorbeeld(self, veld: str) -> bool:
        """Whether a field (or a part of it, 'opdrachtgever.kvk') holds an example value: it,
        or the part before one of its dots, is listed (asked some thirty times per contract)."""
        voorbeeld = self.voorbeeld
        return veld in voorbeeld or ("." in veld and any(
            veld[:i] in voorbeeld for i, teken in enumerate(veld) if teken == "."))
