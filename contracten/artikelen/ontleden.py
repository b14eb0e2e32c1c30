"""The pass over a published document's paragraphs that finds its parts: Partijen,
Overwegingen, Definities, the articles of Deel 1 to 3 with their leden, the variants the
standard marks with a guidance line, and the ondertekening after the last article."""

from __future__ import annotations

from dataclasses import dataclass, field

from contracten.artikelen.bronalineas import Alinea
from contracten.artikelen.koppen import (
    AANHEF,
    ARTIKEL,
    ARTIKEL_BEGIN,
    ARTIKEL_KOP,
    DEEL,
    HOOFDSTUK,
    LID,
    ONDERTEKENING,
    PAGINANUMMER,
    SJABLOONARTIKEL,
    is_kop,
)
from contracten.artikelen.model import Deel
from contracten.artikelen.officieel import OfficieelArtikel, OfficieelLid
from contracten.artikelen.varianten import (
    ALLE,
    INLINE_VARIANT,
    ONTKENNING,
    OPTIE,
    Omvang,
    samen,
    variant,
)
from contracten.fouten import Melding


def melding(naam: str, bericht: str, code: str, plaats: str | None = None) -> Melding:
    regel = None
    if plaats is not None and plaats.startswith("regel "):
        regel = int(plaats.split()[1])
    elif plaats is not None:
        bericht = f"{plaats}: {bericht}"
    return Melding(naam, regel, "", bericht, code)


@dataclass
class _Lopend:
    """The article being read."""

    nummer: str
    titel: str
    plaats: str
    deel: int | None
    leden: list[list[Deel]] = field(default_factory=list)
    genummerd: bool = False
    variant: Omvang | None = None  # of a guidance line
    onleesbaar: bool = False  # a problem was found: not stored (Deel 3: nothing is)
    inline: Omvang | None = None  # "(Bij …:)" at the start of a paragraph, and its list items


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
        zonder_nummer = " ".join(PAGINANUMMER.sub("", tekst).split())
        if zonder_nummer != schoon and is_kop(zonder_nummer, alinea.kop):
            return True  # an entry of a table of contents without its style
        artikel = ARTIKEL.match(schoon) or (ARTIKEL_KOP.match(schoon) if alinea.kop else None)
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
        if lid and not lid.group(3) and huidig.nummer[0].isdigit():
            # "3.6.1" alone under article 3.2: the heading of 3.6 was not recognised
            self._probleem(huidig, f"lidnummer {lid.group(1)}.{lid.group(2)} van een ander "
                           "artikel; staat de kop van dat artikel er niet goed?",
                           "lid_van_ander_artikel", alinea.plaats)
            return
        if (alinea.tabel is None and alinea.marker is None and huidig.nummer[0].isdigit()
                and ARTIKEL_BEGIN.match(tekst) and (alinea.kop or len(tekst) < 90)):
            self._probleem(huidig, f"'{tekst}' lijkt een artikelkop die niet te lezen is (verwacht "
                           "'Artikel 3.1 – Titel')", "artikelkop", alinea.plaats)
            return
        if alinea.tabel is None and alinea.cursief and not alinea.marker:
            self._toelichting(huidig, alinea, tekst)
            return
        if alinea.tabel is None and OPTIE.match(tekst):
            huidig.variant, huidig.inline = variant(tekst), None
            return
        if not huidig.leden:
            huidig.leden.append([])
        self._deel(huidig, alinea)

    def _toelichting(self, huidig: _Lopend, alinea: Alinea, tekst: str) -> None:
        """An italic guidance line: it starts a variant, or ends one ("Bij alle …"), or guides
        the reader only; it never becomes contract text."""
        gevonden = variant(tekst)
        huidig.inline = None
        huidig.variant = None
        if gevonden is not None and ONTKENNING.search(tekst):
            self._probleem(huidig, f"toelichting '{tekst}' sluit een variant uit; dat kan het "
                           "programma niet lezen", "variant_onleesbaar", alinea.plaats)
            return
        if gevonden is None or ALLE.search(tekst):
            self.weggelaten.append(f"artikel {huidig.nummer}: '{tekst}' ({alinea.plaats})")
            return
        huidig.variant = gevonden

    def _deel(self, huidig: _Lopend, alinea: Alinea) -> None:
        """Add a paragraph, list item or table to the current lid, with its variant. A marker
        "(Bij …:)" at the start of a paragraph makes it and its list items a variant; one inside
        a paragraph makes the rest of it (up to the next marker) a variant."""
        if alinea.tabel is not None:
            self._voeg(huidig, Deel(tabel=alinea.tabel), huidig.variant)
            return
        tekst = alinea.tekst.strip()
        if alinea.marker is None:
            huidig.inline = None  # an inline variant covers its paragraph and its list items
        basis = huidig.inline or huidig.variant
        stukken: list[tuple[str, Omvang | None]] = []
        omvang, begin = basis, 0
        for gevonden in INLINE_VARIANT.finditer(tekst):
            naar = variant(gevonden.group(0))
            if naar is None:
                continue  # a parenthesis with a colon that names no variant: plain text
            stukken.append((tekst[begin:gevonden.start()].strip(), omvang))
            omvang, begin = samen(basis, naar), gevonden.end()
            if gevonden.start() == 0 and alinea.marker is None:
                huidig.inline = omvang  # the list items under this paragraph follow it
        stukken.append((tekst[begin:].strip(), omvang))
        for i, (stuk, bereik) in enumerate([s for s in stukken if s[0]]):
            self._voeg(huidig, Deel(tekst=stuk, opsomming=alinea.marker if i == 0 else None,
                                    aansluitend=i > 0), bereik)

    @staticmethod
    def _voeg(huidig: _Lopend, deel: Deel, gevonden: Omvang | None) -> None:
        if gevonden is not None:
            alleen, voorwaarde = gevonden
            deel = deel.model_copy(update={"alleen": alleen, "voorwaarde": voorwaarde})
        huidig.leden[-1].append(deel)

    def _probleem(self, huidig: _Lopend, bericht: str, code: str, plaats: str) -> None:
        huidig.onleesbaar = True
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
        if huidig.onleesbaar:  # its summary stays; the report says why
            self.gezien.setdefault(huidig.nummer, huidig.plaats)
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
