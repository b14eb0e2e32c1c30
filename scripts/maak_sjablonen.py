"""Build the first versions of the Word templates in sjablonen/.

The .docx files are the source of truth and may be edited in Word or LibreOffice; this script
only documents how they were made and can recreate them (it overwrites them). Run:

    python scripts/maak_sjablonen.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

SJABLONEN = Path(__file__).resolve().parent.parent / "sjablonen"
LETTER = "Arial"
KLEUR = RGBColor(0x1F, 0x3A, 0x5F)


def huisstijl(doc) -> None:
    """One house style for every template: font, headings, margins."""
    normal = doc.styles["Normal"]
    normal.font.name = LETTER
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), LETTER)
    normal.paragraph_format.space_after = Pt(4)
    for naam, grootte in (("Title", 20), ("Heading 1", 15), ("Heading 2", 13),
                          ("Heading 3", 11.5), ("Heading 4", 10.5), ("Heading 5", 10)):
        stijl = doc.styles[naam]
        stijl.font.name = LETTER
        stijl.font.size = Pt(grootte)
        stijl.font.bold = True
        stijl.font.color.rgb = KLEUR
        rfonts = stijl.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts is not None and rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
    voetnoot = doc.styles.add_style("Voetnoot", 1)
    voetnoot.base_style = normal
    voetnoot.font.size = Pt(8)
    melding = doc.styles.add_style("Voorbeeldmelding", 1)
    melding.base_style = normal
    melding.font.bold = True
    melding.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    for sectie in doc.sections:
        sectie.page_height, sectie.page_width = Cm(29.7), Cm(21.0)
        sectie.left_margin = sectie.right_margin = Cm(2.5)
        sectie.top_margin = sectie.bottom_margin = Cm(2.5)


def veld(alinea, instructie: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instructie)
    run = OxmlElement("w:r")
    tekst = OxmlElement("w:t")
    tekst.text = "1"
    run.append(tekst)
    fld.append(run)
    alinea._p.append(fld)


def kop_en_voet(doc, kop: str) -> None:
    sectie = doc.sections[0]
    alinea = sectie.header.paragraphs[0]
    alinea.text = kop
    alinea.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    alinea.runs[0].font.size = Pt(8)
    voet = sectie.footer.paragraphs[0]
    voet.add_run("Pagina ").font.size = Pt(8)
    veld(voet, "PAGE")
    voet.add_run(" van ").font.size = Pt(8)
    veld(voet, "NUMPAGES")
    voet.add_run(" · prijspeil {{ prijspeil }} · versie {{ versie }}").font.size = Pt(8)


def p(doc, tekst: str = "", stijl: str | None = None):
    return doc.add_paragraph(tekst, style=stijl)


KOP = ("{{ regio.naam }} · {{ aanbesteding.perceel }}"
       "{% if aanbesteding.kenmerk %} · {{ aanbesteding.kenmerk }}{% endif %}")


def nieuw_sjabloon():
    doc = Document()
    huisstijl(doc)
    kop_en_voet(doc, KOP)
    return doc


def voorbeeldmelding(doc) -> None:
    p(doc, "{%p if voorbeeldmelding %}")
    p(doc, "{{ voorbeeldmelding }}", "Voorbeeldmelding")
    p(doc, "{%p endif %}")


def briefhoofd(doc) -> None:
    """Sender, addressee, date and reference: the same for every letter."""
    p(doc, "Gemeente {{ regio.centrumgemeente }}")
    p(doc, "{%p if aanbesteding.contact %}")
    p(doc, "{{ aanbesteding.contact }}")
    p(doc, "{%p endif %}")
    p(doc, "")
    p(doc, "{{ aanbieder.naam }}")
    p(doc, "t.a.v. {{ aanbieder.contact.naam }}")
    p(doc, "{{ aanbieder.adres.straat }}")
    p(doc, "{{ aanbieder.adres.postcode }} {{ aanbieder.adres.plaats }}")
    p(doc, "")
    p(doc, "Datum: {{ briefdatum }}")
    p(doc, "Kenmerk: {{ kenmerk }}")


def programma_van_eisen() -> None:
    doc = nieuw_sjabloon()
    p(doc, "{{ programma.titel }}", "Title")
    p(doc, "{%p for regel in programma.ondertitel %}")
    p(doc, "{{ regel }}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p if aanbesteding.kenmerk %}")
    p(doc, "TenderNed kenmerk: {{ aanbesteding.kenmerk }}")
    p(doc, "{%p endif %}")
    p(doc, "Datum {{ aanbesteding.datum|datum }}")
    voorbeeldmelding(doc)
    p(doc, "{{p inhoud }}")
    doc.save(SJABLONEN / "programma-van-eisen.docx")


def overeenkomst() -> None:
    doc = nieuw_sjabloon()
    p(doc, "Overeenkomst {{ aanbesteding.perceel }}", "Title")
    p(doc, "Gemeente {{ regio.centrumgemeente }} en {{ aanbieder.naam }}")
    voorbeeldmelding(doc)
    p(doc, "Partijen", "Heading 1")
    p(doc, "{{ lid() }} De gemeente {{ regio.centrumgemeente }}, als centrumgemeente handelend namens de "
           "gemeenten {{ gemeenten }}, hierna: de Gemeente;")
    p(doc, "{{ lid() }} {{ aanbieder.naam }}, gevestigd aan {{ aanbieder.adres.straat }}, "
           "{{ aanbieder.adres.postcode }} {{ aanbieder.adres.plaats }}, ingeschreven bij de Kamer "
           "van Koophandel onder nummer {{ aanbieder.kvk }}{% if aanbieder.agb %}, AGB-code "
           "{{ aanbieder.agb }}{% endif %}, hierna: de Aanbieder;")
    p(doc, "komen het volgende overeen.")
    p(doc, "{{ artikel('Uitvoeringsvariant en perceel') }}", "Heading 1")
    p(doc, "{{ lid() }} Deze overeenkomst betreft het perceel {{ aanbesteding.perceel }} van de "
           "aanbesteding ‘{{ aanbesteding.titel }}’{% if aanbesteding.kenmerk %} (kenmerk "
           "{{ aanbesteding.kenmerk }}){% endif %}.")
    p(doc, "{{ lid() }} Partijen voeren deze overeenkomst uit volgens de {{ uitvoeringsvariant }} "
           "uitvoeringsvariant van de Contractstandaard Wmo: {{ uitvoeringsvariant_uitleg }}")
    p(doc, "{%p for beperking in beperkingen %}")
    p(doc, "{{ lid() }} {{ beperking }}")
    p(doc, "{%p endfor %}")
    p(doc, "{{ artikel('Looptijd') }}", "Heading 1")
    p(doc, "Deze overeenkomst gaat in op {{ aanbesteding.looptijd.begin|datum }} en eindigt op "
           "{{ aanbesteding.looptijd.einde|datum }}{{ looptijd_voorbeeld }}.")
    p(doc, "{{ artikel(prestaties_titel) }}", "Heading 1")
    p(doc, "{{ lid() }} {{ prestaties_inleiding }}")
    p(doc, "{{p prestaties }}")
    p(doc, "{%p if afwezigheid %}")
    p(doc, "{{ lid() }} Bij tijdelijke afwezigheid van een inwoner kan de Aanbieder voor "
           "huisvesting {{ afwezigheid.bedrag }} per {{ afwezigheid.eenheid }} declareren "
           "(prijspeil {{ prijspeil }}), gedurende hoogstens {{ afwezigheid.maanden }} maanden per "
           "kalenderjaar en alleen in deze gevallen: {{ afwezigheid.gronden }}. De voorwaarden "
           "staan in het programma van eisen ({{ afwezigheid.bron }}).")
    p(doc, "{%p endif %}")
    p(doc, "{{ artikel('Indexatie') }}", "Heading 1")
    p(doc, "De bedragen in deze overeenkomst worden jaarlijks per 1 januari geïndexeerd volgens de "
           "methode van de VNG: index = {{ indexatie.loon }} × OVA + {{ indexatie.prijs }} × PPC "
           "+ nacalculatie{{ indexatie.voorbeeld }}. Elk nieuw bedrag is het gepubliceerde bedrag "
           "van het voorgaande jaar vermenigvuldigd met (1 + index), afgerond op hele centen. De "
           "Gemeente maakt de nieuwe bedragen vóór de ingangsdatum schriftelijk bekend.")
    p(doc, "{{ artikel('Social return') }}", "Heading 1")
    p(doc, "{%p if socialreturn is none %}")
    p(doc, "Voor deze overeenkomst geldt geen social-returnverplichting.")
    p(doc, "{%p elif socialreturn.verplicht %}")
    p(doc, "{{ lid() }} De Aanbieder zet bij de uitvoering van deze overeenkomst {{ socialreturn.bedrag }} "
           "in voor social return. {{ socialreturn.reden }}")
    p(doc, "{{ lid() }} Zo spoedig mogelijk na het sluiten van deze overeenkomst bespreekt de Aanbieder een "
           "plan van aanpak social return met de accountmanager van de Gemeente. Bij het niet "
           "nakomen van de verplichting kan de Gemeente een sanctie opleggen.")
    p(doc, "{%p else %}")
    p(doc, "{{ socialreturn.reden }}")
    p(doc, "{%p endif %}")
    p(doc, "{{ artikel('Opzegging en overgang van inwoners') }}", "Heading 1")
    p(doc, "{{ lid() }} Partijen kunnen deze overeenkomst tussentijds schriftelijk opzeggen met "
           "inachtneming van een opzegtermijn van {{ opzegging.termijn }}.")
    p(doc, "{{ lid() }} Vanaf de datum waarop de opzegtermijn ingaat, neemt de Aanbieder geen nieuwe "
           "inwoners in zorg; de Aanbieder levert tot de einddatum van de overeenkomst.")
    p(doc, "{{ lid() }} De Aanbieder blijft de ondersteuning aan bestaande inwoners leveren tot hoogstens "
           "{{ opzegging.doorlevering }} na het einde van de overeenkomst, tenzij de beschikking "
           "van de inwoner eerder afloopt.")
    p(doc, "{{ lid() }} De vertrekkende Aanbieder neemt het initiatief voor een warme overdracht: de "
           "inwoner, de toegang van de Gemeente en de nieuwe aanbieder komen met elkaar in "
           "contact. Tot de overdracht definitief is, blijft de Aanbieder verantwoordelijk voor de "
           "ondersteuning van de inwoner.")
    p(doc, "{%p if weigeren %}")
    p(doc, "{{ artikel('Weigeren en melden') }}", "Heading 1")
    p(doc, "De Aanbieder meldt een omstandigheid die levering in de weg staat, zoals bedoeld in "
           "het programma van eisen ({{ weigeren.bron }}), volledig en binnen "
           "{{ weigeren.termijn }} bij de medewerker toegang van de Gemeente.")
    p(doc, "{%p endif %}")
    p(doc, "{{ artikel('Wijzigingen en beëindiging van ondersteuning') }}", "Heading 1")
    p(doc, "{{ lid() }} Een wijziging van deze overeenkomst of van de bedragen gaat in op zijn vroegst zes "
           "maanden nadat de Gemeente haar schriftelijk heeft aangekondigd, tenzij partijen anders "
           "overeenkomen.")
    p(doc, "{{ lid() }} De Aanbieder schort de ondersteuning van een inwoner pas op na een aankondiging van "
           "ten minste veertien dagen, en beëindigt de ondersteuning van een inwoner pas na een "
           "aankondiging van ten minste één maand, in overleg met de verwijzer.")
    p(doc, "{{ artikel('Programma van eisen') }}", "Heading 1")
    p(doc, "Het programma van eisen ‘{{ programma.titel }}’ van "
           "{{ aanbesteding.datum|datum }} maakt integraal deel uit van deze overeenkomst. De "
           "Aanbieder voldoet gedurende de hele looptijd aan de eisen daarin. Bij strijdigheid "
           "tussen deze overeenkomst en het programma van eisen gaat deze overeenkomst voor.")
    p(doc, "{{ artikel('Slotbepalingen') }}", "Heading 1")
    p(doc, "Op deze overeenkomst is Nederlands recht van toepassing. Geschillen worden voorgelegd "
           "aan de bevoegde rechter in het arrondissement waarin de gemeente "
           "{{ regio.centrumgemeente }} ligt.")
    p(doc, "Ondertekening", "Heading 1")
    tabel = doc.add_table(rows=5, cols=2)
    cellen = [
        ("Namens de gemeente {{ regio.centrumgemeente }}", "Namens {{ aanbieder.naam }}"),
        ("Naam:", "Naam: {{ aanbieder.contact.naam }}"),
        ("Functie:", "Functie:"),
        ("Datum:", "Datum:"),
        ("Handtekening:", "Handtekening:"),
    ]
    for rij, (links, rechts) in zip(tabel.rows, cellen, strict=True):
        rij.cells[0].text = links
        rij.cells[1].text = rechts
    doc.save(SJABLONEN / "overeenkomst.docx")


def indexatiebrief() -> None:
    doc = nieuw_sjabloon()
    briefhoofd(doc)
    p(doc, "Onderwerp: indexatie van de tarieven per {{ ingangsdatum }}")
    voorbeeldmelding(doc)
    p(doc, "")
    p(doc, "Geachte {{ aanbieder.contact.naam }},")
    p(doc, "Per {{ ingangsdatum }} worden de bedragen van uw overeenkomst "
           "{{ aanbesteding.perceel }} met de gemeente {{ regio.centrumgemeente }} geïndexeerd. "
           "{{ index_uitleg }}")
    p(doc, "Voor wat u levert, gelden vanaf {{ ingangsdatum }} de volgende bedragen, exclusief "
           "btw:")
    p(doc, "{{p bedragen }}")
    p(doc, "Elk nieuw bedrag is het bedrag van prijspeil {{ vorig_prijspeil }} vermenigvuldigd met "
           "(1 + indexcijfer), afgerond op hele centen. U declareert de nieuwe bedragen voor "
           "ondersteuning die u op of na {{ ingangsdatum }} levert. De bijgewerkte overeenkomst "
           "(prijspeil {{ prijspeil }}) ontvangt u tegelijk met deze brief.")
    p(doc, "Hebt u vragen over deze brief, neem dan contact op met de afdeling inkoop"
           "{% if aanbesteding.contact %} via {{ aanbesteding.contact }}{% endif %}.")
    p(doc, "Met vriendelijke groet,")
    p(doc, "")
    p(doc, "Gemeente {{ regio.centrumgemeente }}, namens de gemeenten van {{ regio.naam }}")
    doc.save(SJABLONEN / "indexatiebrief.docx")


def socialreturn_overzicht() -> None:
    doc = nieuw_sjabloon()
    p(doc, "Social return {{ regio.naam }}", "Title")
    p(doc, "{{ aanbesteding.perceel }} · prijspeil {{ prijspeil }}")
    voorbeeldmelding(doc)
    p(doc, "Aanbieders met een jaaromzet binnen de regio boven {{ drempel }} zetten "
           "{{ percentage }} van de aanneemsom exclusief btw in voor social return; bij een lagere "
           "omzet geldt social return waar mogelijk ({{ bron }}).")
    p(doc, "{{p overzicht }}")
    doc.save(SJABLONEN / "socialreturn-overzicht.docx")


def socialreturn_brief() -> None:
    doc = nieuw_sjabloon()
    briefhoofd(doc)
    p(doc, "Onderwerp: social return bij de overeenkomst {{ aanbesteding.perceel }}")
    voorbeeldmelding(doc)
    p(doc, "")
    p(doc, "Geachte {{ aanbieder.contact.naam }},")
    p(doc, "In de overeenkomst {{ aanbesteding.perceel }} met de gemeente "
           "{{ regio.centrumgemeente }} is social return opgenomen ({{ bron }} van het programma "
           "van eisen). {{ reden }}")
    p(doc, "{%p if verplicht %}")
    p(doc, "Uw social-returnverplichting bedraagt {{ bedrag }}.")
    p(doc, "{%p endif %}")
    p(doc, "{{p vervolg }}")
    p(doc, "Met vriendelijke groet,")
    p(doc, "")
    p(doc, "Gemeente {{ regio.centrumgemeente }}, namens de gemeenten van {{ regio.naam }}")
    doc.save(SJABLONEN / "socialreturn-brief.docx")


def transitieschema() -> None:
    doc = nieuw_sjabloon()
    p(doc, "Transitieschema {{ aanbieder.naam }}", "Title")
    p(doc, "Opzegging van de overeenkomst {{ aanbesteding.perceel }} · opzegtermijn "
           "{{ opzegtermijn }} · {{ aantal_clienten }} cliënten")
    voorbeeldmelding(doc)
    p(doc, "Tijdlijn van de overeenkomst", "Heading 1")
    p(doc, "{{p tijdlijn }}")
    p(doc, "Data die op een zaterdag, zondag of feestdag vallen, staan gemarkeerd; ze schuiven "
           "niet op.")
    p(doc, "Regels ({{ bron }})", "Heading 1")
    p(doc, "Vanaf de datum waarop de opzegtermijn ingaat, neemt de aanbieder geen nieuwe "
           "inwoners in zorg of hulp en weigert nieuwe inwoners; de aanbieder levert tot de "
           "einddatum.", "List Bullet")
    p(doc, "De aanbieder blijft de ondersteuning leveren tot maximaal {{ doorlevering }} na het "
           "einde van de overeenkomst, tenzij de beschikking eerder afloopt.", "List Bullet")
    p(doc, "Het initiatief voor en de organisatie van de overgang naar een andere aanbieder ligt "
           "bij de vertrekkende aanbieder: een warme overdracht, waarbij de inwoner, de "
           "medewerker toegang en de nieuwe aanbieder met elkaar in contact komen.",
           "List Bullet")
    p(doc, "Tot de overdracht definitief is geregeld, blijft de vertrekkende aanbieder "
           "verantwoordelijk voor de ondersteuning van de inwoner.", "List Bullet")
    p(doc, "Cliënten per gemeente", "Heading 1")
    p(doc, "{{p clienten }}")
    doc.save(SJABLONEN / "transitieschema.docx")


def opzeggingsbrief() -> None:
    doc = nieuw_sjabloon()
    briefhoofd(doc)
    p(doc, "Onderwerp: opzegging van de overeenkomst {{ aanbesteding.perceel }}")
    voorbeeldmelding(doc)
    p(doc, "")
    p(doc, "Geachte {{ aanbieder.contact.naam }},")
    p(doc, "De overeenkomst {{ aanbesteding.perceel }} tussen u en de gemeente "
           "{{ regio.centrumgemeente }} is opgezegd. De opzegtermijn van {{ opzegtermijn }} gaat "
           "in op {{ instroomstop }}. Voor die periode en daarna gelden de volgende verplichtingen "
           "({{ bron }} van het programma van eisen):")
    p(doc, "Vanaf {{ instroomstop }} neemt u geen nieuwe inwoners in zorg of hulp, ook niet via "
           "een aparte overeenkomst; ondersteuning die u toch start, vergoedt de gemeente niet.",
           "List Bullet")
    p(doc, "Tot en met {{ einde_overeenkomst }} levert u de ondersteuning zoals afgesproken.",
           "List Bullet")
    p(doc, "Daarna blijft u de ondersteuning aan uw cliënten leveren tot uiterlijk "
           "{{ uiterste_zorgdatum }}, of tot het einde van hun beschikking als dat eerder is.",
           "List Bullet")
    p(doc, "U neemt het initiatief voor een warme overdracht van elke cliënt: u zorgt dat de "
           "inwoner, de medewerker toegang van de gemeente en de nieuwe aanbieder met elkaar in "
           "contact komen. Tot de overdracht definitief is geregeld, blijft u verantwoordelijk "
           "voor de ondersteuning.", "List Bullet")
    p(doc, "U treedt per direct in overleg over het zo veel mogelijk voortzetten van bestaande "
           "hulpverleningsrelaties.", "List Bullet")
    p(doc, "{%p if aantal_clienten %}")
    p(doc, "In het bijgevoegde transitieschema staat per cliënt ({{ aantal_clienten }} in totaal) "
           "tot wanneer u de ondersteuning levert.")
    p(doc, "{%p endif %}")
    p(doc, "Data die op een zaterdag, zondag of feestdag vallen, staan gemarkeerd; ze schuiven "
           "niet op.")
    p(doc, "Met vriendelijke groet,")
    p(doc, "")
    p(doc, "Gemeente {{ regio.centrumgemeente }}, namens de gemeenten van {{ regio.naam }}")
    doc.save(SJABLONEN / "opzeggingsbrief.docx")


if __name__ == "__main__":
    SJABLONEN.mkdir(exist_ok=True)
    programma_van_eisen()
    overeenkomst()
    indexatiebrief()
    socialreturn_overzicht()
    socialreturn_brief()
    transitieschema()
    opzeggingsbrief()
    print(f"sjablonen geschreven in {SJABLONEN}")
