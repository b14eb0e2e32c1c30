"""The pass over a published document's paragraphs that finds its parts: Partijen,
Overwegingen, Definities, the articles of Deel 1 to 3 with their leden, the variants the
standard marks with a guidance line, and the ondertekening after the last article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contracten.artikelen.bronalineas import Alinea
from contracten.artikelen.model import Deel
from contracten.artikelen.officieel import OfficieelArtikel, OfficieelLid
from contracten.fouten import Melding

ARTIKEL = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+(\d\.(?:\d+a?))\s*[–—:\-]\s*(.+)$",
                     re.I)
SJABLOONARTIKEL = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+\d\.n\b", re.I)
LID = re.compile(r"^(\d\.\d+a?)\.(\d+)\.?(?:\s+(.+))?$")
DEEL = re.compile(r"^deel\s+([123])\s*:", re.I)
HOOFDSTUK = re.compile(r"^hoofdstuk\s+\d+\s*:", re.I)
AANHEF = {"partijen": "Partijen", "overwegingen": "Overwegingen", "definities": "Definities"}
ONDERTEKENING = re.compile(r"^opgemaakt\s+te\b", re.I)
PAGINANUMMER = re.compile(r"(?:\t|\s{2,}|\s)\d{1,3}$")  # "Artikel 1.1 – Voorwerp<tab>11"
# "(Bij een toelatingsprocedure:)" or "(Alleen bij …:)" at the start of a paragraph, and the
# same inside one ("… gelden. (Bij Europese aanbestedingsprocedures:) De …").
INLINE_VARIANT = re.compile(r"\((?:(?:alleen\s+)?bij\s+[^()]*?:?|[^()]*?:)\)\s*", re.I)
OPTIE = re.compile(r"^optie\s+(\d)\s*:?$", re.I)


def melding(naam: str, bericht: str, code: str, plaats: str | None = None) -> Melding:
    regel = None
    if plaats is not None and plaats.startswith("regel "):
        regel = int(plaats.split()[1])
    elif plaats is not None:
        bericht = f"{plaats}: {bericht}"
    return Melding(naam, regel, "", bericht, code)


def variant(tekst: str) -> tuple[dict[str, list[str]], str | None] | None:
    """The options a guidance line names ("Bij taakgerichte uitvoeringsvariant:", "(Bij een
    toelatingsprocedure:)", "Optie 2:"), as {choice: options} and a switch; None when it names
    none that the library knows."""
    t = tekst.lower()
    alleen: dict[str, list[str]] = {}
    optie = OPTIE.match(t.strip())
    if optie:
        return {"opzegoptie": [optie.group(1)]}, None
    vormen = [v for v, woord in (("inspanningsgericht", "inspanning"),
                                 ("outputgericht", "output"), ("taakgericht", "taakgericht"))
              if woord in t]
    if vormen:
        alleen["uitvoeringsvariant"] = vormen
    procedures: list[str] = []
    if "toelating" in t:
        procedures.append("toelating")
    if "aanbesteding" in t:
        if "zonder emvi" in t:
            procedures.append("aanbesteding_zonder_emvi")
        elif "met emvi" in t:
            procedures.append("aanbesteding_met_emvi")
        else:
            procedures += ["aanbesteding_met_emvi", "aanbesteding_zonder_emvi"]
    if procedures:
        alleen["procedure"] = procedures
    voorwaarde = "selectie" if "selectie" in t else None
    if not alleen and voorwaarde is None:
        return None
    return alleen, voorwaarde


@dataclass
class _Lopend:
    """The article being read."""

    nummer: str
    titel: str
    plaats: str
    deel: int | None
    leden: list[list[Deel]] = field(default_factory=list)
    genummerd: bool = False
    variant: tuple[dict[str, list[str]], str | None] | None = None  # of a guidance line
    inline: tuple[dict[str, list[str]], str | None] | None = None  # "(Bij …:)" + list items


class Lezer:
    """One pass over the paragraphs; collects articles, problems and fatal errors."""

    def __init__(self, naam: str) -> None:
        self.naam = naam
        self.artikelen: list[OfficieelArtikel] = []
        self.ondertekening: list[str] = []
        self.problemen: list[str] = []
        self.weggelaten: list[str] = []
        self.fataal: list[Melding] = []
        self.deel: int | None = None
        self.huidig: _Lopend | None = None
        self.gezien: dict[str, str] = {}  # article → where it was read
        self.leeg: dict[str, _Lopend] = {}  # headings without text (perhaps of a contents)

    def lees(self, alineas: list[Alinea]) -> None:
        ondertekening = False
        for alinea in alineas:
            if ondertekening:
                if alinea.tekst:
                    self.ondertekening.append(" ".join(alinea.volledig().split()))
                continue
            if alinea.inhoudsopgave:
                continue
            tekst = alinea.volledig().strip() if alinea.marker and LID.match(
                alinea.volledig().strip()) else alinea.tekst.strip()
            if alinea.tabel is None and not tekst:
                continue
            kop = self._kop(alinea, tekst)
            if kop:
                continue
            if ONDERTEKENING.match(tekst) and self.huidig is not None:
                self._sluit()
                ondertekening = True
                self.ondertekening.append(" ".join(tekst.split()))
                continue
            if self.huidig is not None:
                self._regel(alinea, tekst)
        self._sluit()
        for nummer, leeg in self.leeg.items():
            if nummer in self.gezien:
                continue
            self.problemen.append(f"artikel {nummer} ({leeg.titel}): geen tekst gevonden "
                                  f"({leeg.plaats})")
            if leeg.deel == 3:
                self.fataal.append(melding(self.naam, f"artikel {nummer} ({leeg.titel}) heeft "
                                            "geen tekst", "artikel_zonder_tekst", leeg.plaats))

    def _kop(self, alinea: Alinea, tekst: str) -> bool:
        """A heading that opens or closes an article; True when `tekst` was one."""
        if alinea.tabel is not None:
            return False
        schoon = " ".join(tekst.split())
        if PAGINANUMMER.search(tekst) and "\t" in tekst:
            return True  # an entry of a table of contents without its style
        artikel = ARTIKEL.match(schoon)
        if artikel:
            self._sluit()
            self.huidig = _Lopend(artikel.group(1), artikel.group(2).strip(), alinea.plaats,
                                  self.deel)
            return True
        if SJABLOONARTIKEL.match(schoon):
            self._sluit()  # "Artikel 1.n [vul in]": the standard's model for the region's own
            return True
        deel = DEEL.match(schoon)
        if deel:
            self._sluit()
            self.deel = int(deel.group(1))
            return True
        if HOOFDSTUK.match(schoon):
            self._sluit()
            return True
        aanhef = schoon.rstrip(":").lower()
        if aanhef in AANHEF and (alinea.kop or self.huidig is None or
                                 self.huidig.nummer in AANHEF or self.deel is None):
            self._sluit()
            self.huidig = _Lopend(aanhef, AANHEF[aanhef], alinea.plaats, None)
            return True
        if schoon.lower() in ("inhoudsopgave", "inhoud"):
            self._sluit()
            return True
        return False

    def _regel(self, alinea: Alinea, tekst: str) -> None:
        huidig = self.huidig
        assert huidig is not None
        lid = LID.match(tekst) if alinea.tabel is None else None
        if lid and lid.group(1) == huidig.nummer:
            verwacht = len(huidig.leden) + 1
            nummer = int(lid.group(2))
            if huidig.leden and not huidig.genummerd:
                self._probleem(huidig, f"tekst vóór lid {huidig.nummer}.1",
                               "tekst_voor_eerste_lid", alinea.plaats)
            if nummer != verwacht:
                self._probleem(huidig, f"lid {huidig.nummer}.{nummer} staat waar lid "
                               f"{huidig.nummer}.{verwacht} verwacht werd", "lidnummer",
                               alinea.plaats)
            huidig.genummerd = True
            huidig.leden.append([])
            huidig.variant = huidig.inline = None
            if lid.group(3):
                self._deel(huidig, Alinea(lid.group(3), alinea.plaats, alinea.cursief))
            return
        if alinea.tabel is None and alinea.cursief and not alinea.marker:
            gevonden = variant(tekst)
            huidig.inline = None
            if gevonden is None:
                self.weggelaten.append(f"artikel {huidig.nummer}: '{tekst}' ({alinea.plaats})")
                return
            huidig.variant = gevonden
            return
        if alinea.tabel is None and OPTIE.match(tekst):
            huidig.variant, huidig.inline = variant(tekst), None
            return
        if not huidig.leden:
            huidig.leden.append([])
        self._deel(huidig, alinea)

    def _deel(self, huidig: _Lopend, alinea: Alinea) -> None:
        """Add a paragraph, list item or table to the current lid, with its variant."""
        if alinea.tabel is not None:
            self._voeg(huidig, Deel(tabel=alinea.tabel), huidig.variant)
            return
        tekst = alinea.tekst.strip()
        if alinea.marker is None:
            huidig.inline = None  # an inline variant covers its paragraph and its list items
        begin = INLINE_VARIANT.match(tekst)
        if begin and (gevonden := variant(begin.group(0))) is not None:
            tekst = tekst[begin.end():]
            if alinea.marker is None:
                huidig.inline = gevonden
            self._voeg(huidig, Deel(tekst=tekst, opsomming=alinea.marker), gevonden)
            return
        midden = INLINE_VARIANT.search(tekst)
        if midden and midden.start() > 0 and (gevonden := variant(midden.group(0))) is not None:
            self._voeg(huidig, Deel(tekst=tekst[:midden.start()].rstrip(),
                                    opsomming=alinea.marker), huidig.inline or huidig.variant)
            self._voeg(huidig, Deel(tekst=tekst[midden.end():], aansluitend=True), gevonden)
            return
        self._voeg(huidig, Deel(tekst=tekst, opsomming=alinea.marker),
                   huidig.inline or huidig.variant)

    @staticmethod
    def _voeg(huidig: _Lopend, deel: Deel,
              gevonden: tuple[dict[str, list[str]], str | None] | None) -> None:
        if gevonden is not None:
            alleen, voorwaarde = gevonden
            deel = deel.model_copy(update={"alleen": alleen, "voorwaarde": voorwaarde})
        huidig.leden[-1].append(deel)

    def _probleem(self, huidig: _Lopend, bericht: str, code: str, plaats: str) -> None:
        self.problemen.append(f"artikel {huidig.nummer} ({huidig.titel}): {bericht} ({plaats})")
        if huidig.deel == 3:
            self.fataal.append(melding(self.naam, f"artikel {huidig.nummer} ({huidig.titel}) "
                                        f"is niet als leden te lezen: {bericht}", code, plaats))

    def _sluit(self) -> None:
        huidig, self.huidig = self.huidig, None
        if huidig is None:
            return
        leden = [d for d in huidig.leden if d]
        if not leden:
            self.leeg.setdefault(huidig.nummer, huidig)
            return
        if huidig.nummer in self.gezien:
            self.fataal.append(melding(
                self.naam, f"artikel {huidig.nummer} staat twee keer in het document (eerder "
                f"bij {self.gezien[huidig.nummer]})", "artikel_dubbel", huidig.plaats))
            return
        self.gezien[huidig.nummer] = huidig.plaats
        self.artikelen.append(OfficieelArtikel(
            nummer=huidig.nummer, titel=huidig.titel,
            leden=[OfficieelLid(delen=delen) for delen in leden]))
