"""Document context of the programma van eisen: the profile's sections in the source's order,
with each structured item placed where programma.yaml says. Pure: no files, no Word objects."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from contracten.fouten import Melding
from contracten.opmaak import getal, voorbeeld
from contracten.profiel import iwmo
from contracten.profiel.inhoud import Blokdeel, Sectie
from contracten.profiel.model import Profiel
from contracten.profiel.tarieven import Prijspeil
from contracten.soorten.basis import RegioSoort, Uitvoering, basis
from contracten.soorten.tabellen import tariefkop, tarieftabel, toon
from contracten.weergave.fragment import Cel, Fragment, Tekst
from contracten.weergave.fragment import Letterlijk as L

# A footnote's place in a section's text: "[^1]" for the section's first footnote (in a list
# item Markdown-escaped as "\[^1\]"). A footnote without one goes at the end of the section.
MARKERING = re.compile(r"\\?\[\^(\d+)\\?\]")


def context(profiel: Profiel, prijspeil: int, versie: str) -> dict[str, Any]:
    peil = profiel.prijspeilen[prijspeil]
    inhoud = fragment(profiel, peil)
    inhoud_ = profiel.inhoud
    heeft_voorbeeld = (any(b.voorbeeld for b in peil.bedragen)
                       or any(p.iwmo.voorbeeld for p in inhoud_.producten)
                       or any(f.voorbeeld for f in inhoud_.functies))
    return {**basis(profiel, prijspeil, versie, heeft_voorbeeld), "inhoud": inhoud}


def fragment(profiel: Profiel, peil: Prijspeil) -> Fragment:
    uit = Fragment()
    for sectie in profiel.programma.secties:
        begin = len(uit.blokken)
        uit.kop(_koptekst(sectie), sectie.niveau)
        for deel in sectie.inhoud:
            if isinstance(deel, Blokdeel):
                BLOKKEN[deel.blok](uit, profiel, peil, deel, sectie.niveau + 1)
            else:
                uit.tekst(deel.tekst)
        _voetnoten(uit, begin, sectie)
    return uit


def _voetnoten(uit: Fragment, begin: int, sectie: Sectie) -> None:
    """The section's footnotes as real Word footnotes: each referenced where the section's text
    marks it ("[^1]"), or else at the end of the section's last text."""
    markeringen = [uit.voetnoot(tekst) for tekst in sectie.voetnoten]
    geplaatst: set[int] = set()

    def vervang(m: re.Match[str]) -> str:
        nummer = int(m.group(1))
        if not 1 <= nummer <= len(markeringen):
            return m.group(0)
        geplaatst.add(nummer)
        return markeringen[nummer - 1]

    laatste = None
    for i in range(begin, len(uit.blokken)):
        blok = uit.blokken[i]
        if isinstance(blok, Tekst):
            uit.blokken[i] = Tekst(MARKERING.sub(vervang, blok.markdown), blok.stijl)
            laatste = i
    rest = "".join(m for n, m in enumerate(markeringen, 1) if n not in geplaatst)
    if not rest:
        return
    if laatste is None:
        uit.tekst(rest)
    else:
        blok = uit.blokken[laatste]
        assert isinstance(blok, Tekst)
        uit.blokken[laatste] = Tekst(blok.markdown.rstrip() + rest, blok.stijl)


def _koptekst(sectie: Sectie) -> str:
    return f"{sectie.nummer} {sectie.titel}" if sectie.nummer else sectie.titel


def _md_letterlijk(tekst: str) -> str:
    """A plain-text item inside generated Markdown: escape what Markdown would interpret."""
    return re.sub(r"([\\`*_{}\[\]#+!-])", r"\\\1", tekst)


def _genummerd(nummer: int, tekst: str) -> str:
    # "6\." keeps the source's number: Markdown would renumber a list from 1.
    return f"{nummer}\\. {tekst}"


def _definities(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
                niveau: int) -> None:
    rijen: list[list[Cel]] = [[L(d.term), d.omschrijving] for d in profiel.inhoud.definities]
    uit.tabel(rijen, eerste_kolom_vet=True, breedtes=[1, 3])


def _eisen(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel, niveau: int) -> None:
    rijen: list[list[Cel]] = []
    for eis in profiel.inhoud.eisen:
        omschrijving = f"{eis.eis} ({eis.verwijzing})" if eis.verwijzing else eis.eis
        bewijs = "\n".join(f"- {_md_letterlijk(b)}" for b in eis.bewijsmiddelen)
        rijen.append([L(eis.code), L(omschrijving), bewijs])
    uit.tabel(rijen, kop=["Nr.", "Eis", "Bewijsmiddel"], breedtes=[1, 5, 5])


def _genummerde_paragrafen(uit: Fragment, items: list[tuple[int, str, str]], niveau: int) -> None:
    for nummer, titel, tekst in items:
        uit.kop(f"{nummer}. {titel}", niveau)
        uit.tekst(tekst)


def _functies(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
              niveau: int) -> None:
    _genummerde_paragrafen(
        uit, [(f.nummer, f.naam, f.beschrijving) for f in profiel.inhoud.functies], niveau)


def _productfuncties(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
                     niveau: int) -> None:
    namen = {f.sleutel: f.naam for f in profiel.inhoud.functies}
    rijen: list[list[Cel]] = [
        [L("\n".join(rij.was)), L("\n".join(w.label or namen[w.functie] for w in rij.wordt))]
        for rij in profiel.inhoud.productfuncties]
    uit.tabel(rijen, kop=["Was product", "Wordt functie"], breedtes=[3, 2])


def _transformatieopgaven(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
                          niveau: int) -> None:
    _genummerde_paragrafen(
        uit, [(o.nummer, o.titel, o.tekst) for o in profiel.inhoud.transformatieopgaven], niveau)


def _uitvoeringseisen(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
                      niveau: int) -> None:
    for eis in profiel.inhoud.uitvoeringseisen:
        if deel.selectie and eis.groep not in deel.selectie:
            continue
        tekst = _genummerd(eis.nummer, eis.tekst)
        if eis.punten:
            tekst += "\n\n" + "\n".join(f"- {_md_letterlijk(punt)}" for punt in eis.punten)
        uit.tekst(tekst)


def _omvang(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
            niveau: int) -> None:
    rijen: list[list[Cel]] = []
    for cijfer in profiel.inhoud.omvang:
        aantal = getal(cijfer.aantal) + (" %" if cijfer.eenheid == "procent" else "")
        if cijfer.benadering != "exact":
            aantal = f"{cijfer.benadering} {aantal}"
        rijen.append([L(cijfer.omschrijving), L(aantal), L(cijfer.periode)])
    uit.tabel(rijen, kop=["Omvang", "Aantal", "Periode"], breedtes=[5, 2, 2])


def _kaarten(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
             niveau: int) -> None:
    for kaart in profiel.inhoud.kaarten:
        if deel.selectie and kaart.sleutel not in deel.selectie:
            continue
        uit.kop(kaart.titel, niveau)
        uit.tabel([[L(rij.kop), rij.tekst] for rij in kaart.rijen], eerste_kolom_vet=True,
                  breedtes=[1, 3])


def _accommodatie_eisen(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
                        niveau: int) -> None:
    uit.tabel([[L(o.onderwerp), o.tekst] for o in profiel.inhoud.accommodatie_eisen],
              eerste_kolom_vet=True, breedtes=[1, 3])


def _vervoer(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
             niveau: int) -> None:
    rijen: list[list[Cel]] = [
        [L(p.naam), L(voorbeeld(iwmo.met_naam(p.iwmo.productcategorie, iwmo.PRODUCTCATEGORIE),
                                p.iwmo.voorbeeld)),
         L(toon(peil.van_product(p.sleutel)))]
        for p in profiel.inhoud.producten if p.soort == "vervoer"]
    uit.tabel(rijen, kop=["Vervoer", "iWmo-productcategorie",
                          f"Tarief per inwoner per dag (prijspeil {peil.prijspeil})"],
              breedtes=[4, 2, 2])


def _tarieven(uit: Fragment, profiel: Profiel, peil: Prijspeil, deel: Blokdeel,
              niveau: int) -> None:
    # The perceel-specific part: one table per perceel, under its own heading where the
    # tender has several (one level below the section, as the headings of `kaarten`).
    for perceel in profiel.percelen:
        if len(profiel.percelen) > 1:
            uit.kop(f"Perceel {perceel.nummer} – {perceel.naam}", niveau)
        kop = tariefkop(profiel, peil, perceel)
        uit.tabel(list(tarieftabel(profiel, peil, perceel)), kop=kop,
                  breedtes=[4, 2, 2, 2, 2][:len(kop)])
    per = profiel.regio.benaming
    los: list[list[Cel]] = [[L(b.omschrijving), L(toon(b)), L(f"per {per(b.eenheid).enkelvoud}")]
                            for b in peil.bedragen if b.product is None]
    if los:
        uit.tabel(los, kop=["Overige bedragen", "Bedrag", "Eenheid"], breedtes=[4, 2, 2])
    if peil.toelichting:
        uit.tekst(peil.toelichting)


Blokbouwer = Callable[[Fragment, Profiel, Prijspeil, Blokdeel, int], None]

BLOKKEN: dict[str, Blokbouwer] = {
    "definities": _definities,
    "eisen": _eisen,
    "functies": _functies,
    "productfuncties": _productfuncties,
    "transformatieopgaven": _transformatieopgaven,
    "uitvoeringseisen": _uitvoeringseisen,
    "omvang": _omvang,
    "kaarten": _kaarten,
    "accommodatie_eisen": _accommodatie_eisen,
    "vervoer": _vervoer,
    "tarieven": _tarieven,
}


BLOKBRONNEN = {"tarieven": "tarieven/{jaar}.yaml: bedragen",
               "vervoer": "inhoud.yaml: producten (vervoer); tarieven/{jaar}.yaml: bedragen"}


def herkomst(profiel: Profiel, prijspeil: int) -> dict[str, list[str]]:
    """Per section heading: its place in programma.yaml and the structured items it shows."""
    r = profiel.sleutel
    uit: dict[str, list[str]] = {}
    for i, sectie in enumerate(profiel.programma.secties):
        velden = [f"{r}/programma.yaml: secties[{i}]"]
        for deel in sectie.inhoud:
            if isinstance(deel, Blokdeel):
                bron = BLOKBRONNEN.get(deel.blok, f"inhoud.yaml: {deel.blok}")
                velden.append(f"{r}/{bron.format(jaar=prijspeil)}")
        uit[_koptekst(sectie)] = velden
    return uit


class ProgrammaVanEisen(RegioSoort):
    naam = "programma-van-eisen"
    volgorde = 10
    sjabloon = "programma-van-eisen.docx"

    def controleer(self, profiel: Profiel, prijspeil: int) -> list[Melding]:
        from contracten.soorten.verwijzingscontrole import programma_verwijzingen

        return programma_verwijzingen(profiel)

    def titel(self, profiel: Profiel) -> str:
        return profiel.programma.titel

    def context(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
                ) -> dict[str, Any]:
        return context(profiel, prijspeil, uitvoering.versie)

    def herkomst(self, profiel: Profiel, prijspeil: int) -> dict[str, list[str]]:
        return herkomst(profiel, prijspeil)
