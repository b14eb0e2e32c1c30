"""A made-up document in the layout of the Contractstandaard Wmo as the Ketenbureau publishes it,
in our own words (the repository holds none of the standard's text): a title page with a
'Versiebeheer' table (newest row first), a table of contents with page numbers after a tab,
Partijen, Overwegingen and Definities, Deel 1 to 3 with chapters, lid numbers on a line of their
own, Word list numbering (a), b), i), ii), 1.) and dashes, italic guidance lines before the
passages of one uitvoeringsvariant, a table inside a lid, blanks in square brackets, and the
closing signature block. `als_word` writes the .docx, `als_markdown` the .md a converter makes
of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass
class Regel:
    """One paragraph of the made-up standard."""

    tekst: str = ""
    kop: int = 0  # heading level, 0: body text
    cursief: bool = False
    lijst: str | None = None  # "letter", "romein", "cijfer", "streep": Word numbering
    tabel: list[list[str]] | None = None


def _artikel(nummer: str, titel: str, leden: list[list[Regel]], optioneel: bool = False,
             dubbele_punt: bool = False) -> list[Regel]:
    teken = ":" if dubbele_punt else " –"
    kop = f"{'[Optioneel:] ' if optioneel else ''}Artikel {nummer}{teken} {titel}"
    uit = [Regel(kop, kop=3 if nummer.startswith("3.") else 2)]
    for i, lid in enumerate(leden, start=1):
        if len(leden) > 1 or nummer.startswith(("1.3", "3.1", "3.2", "3.19")):
            uit.append(Regel(f"{nummer}.{i}"))
        uit += lid
    return uit


def regels(versies: tuple[str, ...] = ("1.2", "1.1", "1.0"), deel3: dict[str, int] | None = None,
           extra: str = "") -> list[Regel]:
    """The whole made-up document. `deel3` gives the other articles of Deel 3 with their
    number of leden (each lid a sentence of its own); `extra` marks the text of a version."""
    r: list[Regel] = [
        Regel("Overeenkomst"),
        Regel("Maatwerkvoorzieningen maatschappelijke ondersteuning"),
        Regel("[Naam voorziening]"),
        Regel("Versiebeheer:"),
        Regel(tabel=[[v, "Maand 20xx", "Ketenbureau", "Proefwijziging"] for v in versies]),
        Regel("Inhoudsopgave", kop=1),
        Regel("Partijen\t4"),
        Regel("Artikel 1.1: Voorwerp van de overeenkomst\t8"),
        Regel("Artikel 3.1 – Levering van maatschappelijke ondersteuning\t15"),
        Regel("Partijen", kop=1),
        Regel("De ondergetekenden, Partijen bij deze proefovereenkomst:"),
        Regel("[Naam Gemeente]"),
        Regel("Adres: [adres]"),
        Regel("verder Opdrachtgever"),
        Regel("Overwegingen", kop=1),
        Regel(f"Partijen bij deze proefovereenkomst nemen in overweging dat:{extra}"),
        Regel("Opdrachtgever proefondersteuning wil bieden;", lijst="streep"),
        Regel("(Bij een aanbestedingsprocedure:) Opdrachtgever een proefaanbesteding hield;",
              lijst="streep"),
        Regel("(Bij een toelatingsprocedure:) Opdrachtgever een prooftoelating hield;",
              lijst="streep"),
        Regel("Partijen voor de [inspanningsgerichte/outputgerichte/taakgerichte] variant "
              "kiezen;", lijst="streep"),
        Regel("(Inspanningsgerichte of outputgerichte uitvoeringsvariant:) De afspraken over "
              "proefprestaties en proeftarieven horen bij deze overeenkomst;", lijst="streep"),
        Regel("(Taakgerichte uitvoeringsvariant:) De afspraken over proefprestaties en het "
              "proefbudget horen bij deze overeenkomst;", lijst="streep"),
        Regel("[Partijen kunnen hier nog extra overwegingen toevoegen.]", lijst="streep"),
        Regel("Definities", kop=1),
        Regel("In deze proefovereenkomst betekent:"),
        Regel("Proefbegrip: een begrip om het lezen te toetsen, waarbij", lijst="streep"),
        Regel("het eerste kenmerk geldt;", lijst="romein"),
        Regel("het tweede kenmerk geldt.", lijst="romein"),
        Regel("[Definities aan te vullen door Partijen als nodig en gewenst]", lijst="streep"),
        Regel("Deel 1: Bepalingen voor alle Opdrachtnemers", kop=1),
        *_artikel("1.1", "Voorwerp van de overeenkomst", [[
            Regel("Deze proefovereenkomst gaat over proefondersteuning."),
            Regel("Het gaat om de volgende proefondersteuning:"),
            Regel("[Uitwerken vorm(en) van ondersteuning, met voorbeelden en de prijs]")]],
            dubbele_punt=True),
        *_artikel("1.3", "Looptijd", [
            [Regel("De proefovereenkomst loopt van [begindatum] tot en met [einddatum].")],
            [Regel("Opdrachtgever mag verlengen met [aantal] maanden, ten hoogste [aantal] "
                   "keer.")],
            [Regel("Opdrachtgever kondigt een verlenging tijdig aan.")],
            [Regel("Partijen kiezen één van de drie proefopties:", cursief=True),
             Regel("Optie 1:"), Regel("Niemand zegt tussentijds op, behalve volgens artikel "
                                      "1.4.2, [1.6.1], 3.19.1 en 3.22."),
             Regel("Optie 2:"), Regel("Opdrachtgever zegt op met [aantal] maanden, naast "
                                      "artikel 1.4.2, [1.6.1] en 3.22."),
             Regel("Optie 3:"), Regel("Beide zeggen op: Opdrachtgever met [aantal] maanden, "
                                      "Opdrachtnemer met [aantal] maanden, naast artikel "
                                      "1.4.2, [1.6.1] en 3.22."),
             Regel("Opdrachtnemer voldoet dan aan: [voorwaarden benoemen].")],
        ], dubbele_punt=True),
        Regel("[Optioneel:] Artikel 1.n [vul in]", kop=2),
        Regel("[Indien aanwezig: eigen bepalingen]"),
        Regel("Deel 2: Bepalingen voor één Opdrachtnemer", kop=1),
        Regel("[Optioneel:] Artikel 2.n [vul in]"),
        Regel("2.n.1"),
        Regel("[Indien aanwezig: afspraken met één Opdrachtnemer]"),
        Regel("Deel 3: Generieke bepalingen", kop=1),
        Regel("Hoofdstuk 1: Levering van maatschappelijke ondersteuning", kop=2),
        *_artikel("3.1", "Levering van maatschappelijke ondersteuning", [
            [Regel("Bij inspanningsgerichte of outputgerichte uitvoeringsvariant:", cursief=True),
             Regel("Opdrachtnemer neemt elke proefcliënt aan, behalve als:"),
             Regel("er een proefstop geldt;", lijst="letter"),
             Regel("de proefhulp niet past;", lijst="letter"),
             Regel("de proefruimte op is.", lijst="letter"),
             Regel("Bij taakgerichte uitvoeringsvariant:", cursief=True),
             Regel("Opdrachtnemer neemt elke proefcliënt aan, tenzij de proefhulp niet past.")],
            [Regel("Opdrachtnemer levert goede proefhulp."),
             Regel("Hij houdt daarbij deze proeftabel aan:"),
             Regel(tabel=[["Soort", "Termijn"], ["Proefmelding", "5 dagen"]]),
             Regel("Na de tabel volgt nog een alinea van hetzelfde lid.")],
        ]),
        *_artikel("3.2", "Indexering", [
            [Regel("Opdrachtgever indexeert [periode] de proeftarieven.")],
            [Regel("Voor [xx]% volgens het [gebruikte indexcijfer] voor loon en voor [xx]% "
                   "volgens het [gebruikte indexcijfer] voor materiaal.")],
        ], dubbele_punt=True),
        *_artikel("3.6", "Cliëntenstop door Opdrachtnemer", [[
            Regel("Alleen bij de inspannings- of outputgerichte uitvoeringsvariant:",
                  cursief=True),
            Regel("Opdrachtnemer meldt een proefstop veertien dagen vooraf.")]]),
        Regel("Hoofdstuk 6: Niet-nakoming, opzegging en ontbinding", kop=2),
        *_artikel("3.19", "Niet-nakoming, opzegging en ontbinding", [
            [Regel("Komt Opdrachtnemer een proefafspraak niet na, dan mag Opdrachtgever "
                   "herstel eisen."),
             Regel("(Bij inspanningsgerichte en outputgerichte uitvoering:) Opdrachtgever kan:"),
             Regel("het proeftarief verlagen", lijst="streep"),
             Regel("de proefovereenkomst opzeggen", lijst="streep"),
             Regel("(Bij taakgerichte uitvoering:) Opdrachtgever kan:"),
             Regel("het proefbudget verlagen", lijst="streep"),
             Regel("de proefovereenkomst opzeggen", lijst="streep")],
            *[[Regel(f"Proeftekst van lid 3.19.{i}.")] for i in range(2, 7)],
        ]),
        Regel("Hoofdstuk 7: Slotbepalingen", kop=2),
        *_artikel("3.31", "Inbreuk persoonsgegevens", [[
            Regel("Opdrachtnemer meldt een proeflek binnen 24 uur en zegt daarbij:"),
            Regel("– wat de oorzaak is,"),
            Regel("– om wie het gaat."),
            Regel("Hij neemt meteen proefmaatregelen."),
            Regel("1. eerst stoppen;"),
            Regel("2. dan melden.")]]),
        Regel("Opgemaakt te [plaats] d.d. [datum]"),
        Regel("De ondergetekenden,"),
        Regel("[voorletters, naam]"),
    ]
    if deel3:
        slot = r.index(next(x for x in r if x.tekst.startswith("Hoofdstuk 7")))
        for nummer, aantal in reversed(list(deel3.items())):
            r[slot:slot] = _artikel(nummer, f"Proefartikel {nummer}",
                                    [[Regel(f"Proeftekst van lid {nummer}.{i}.{extra}")]
                                     for i in range(1, aantal + 1)])
    return r


def volledig_deel3(versie: str = "1.3") -> dict[str, int]:
    """Every article of Deel 3 that `regels` does not write itself, with the number of leden
    the package's library gives it, so the made-up document holds the whole generic part (3.9a
    came with 1.3)."""
    from contracten.artikelen.laden import laad_bibliotheek

    eigen = {"3.1", "3.2", "3.6", "3.19", "3.31"}
    return {a.nummer: len(a.leden) for a in laad_bibliotheek(Path("/bestaat-niet")).in_volgorde()
            if a.status == "verbatim" and a.genummerd and a.nummer not in eigen
            and (versie != "1.2" or a.nummer != "3.9a")}


# Word list numbering: letters "a)", roman "i)", digits "1.", dashes "–".
NUMMERING = {
    "letter": ("lowerLetter", "%1)"),
    "romein": ("lowerRoman", "%1)"),
    "cijfer": ("decimal", "%1."),
    "streep": ("bullet", "–"),
}


def als_word(pad: Path, inhoud: list[Regel]) -> Path:
    document = Document()
    nummering = document.part.numbering_part.element
    ids: dict[str, int] = {}
    for i, (soort, (formaat, tekst)) in enumerate(NUMMERING.items(), start=90):
        nummering.append(parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{formaat}"/><w:lvlText w:val="{tekst}"/></w:lvl></w:abstractNum>'))
        ids[soort] = i
    nummers: dict[int, int] = {}
    vorige: str | None = None
    for regel in inhoud:
        if regel.tabel is not None:
            tabel = document.add_table(rows=len(regel.tabel), cols=len(regel.tabel[0]))
            for rij, cellen in zip(tabel.rows, regel.tabel, strict=True):
                for cel, tekst in zip(rij.cells, cellen, strict=True):
                    cel.text = tekst
            vorige = None
            continue
        if regel.kop:
            document.add_heading(regel.tekst, regel.kop)
            vorige = None
            continue
        alinea = document.add_paragraph()
        run = alinea.add_run(regel.tekst)
        run.italic = regel.cursief or None
        if regel.lijst is not None:
            if regel.lijst != vorige:  # a new list: as Word does it, a new w:num that
                num_id = 200 + len(nummers)  # restarts the shared list definition at 1
                nummering.append(parse_xml(
                    f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId '
                    f'w:val="{ids[regel.lijst]}"/><w:lvlOverride w:ilvl="0"><w:startOverride '
                    f'w:val="1"/></w:lvlOverride></w:num>'))
                nummers[num_id] = ids[regel.lijst]
            num_id = max(nummers)
            alinea._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        vorige = regel.lijst
    document.save(pad)
    return pad


MARKERS = {"letter": "abcdefghij", "romein": ["i", "ii", "iii", "iv"], "cijfer": "123456789"}


def als_markdown(pad: Path, inhoud: list[Regel]) -> Path:
    """The .md a converter makes of the .docx: '#' headings, '*italic*', list markers written
    out, '|' tables."""
    uit: list[str] = []
    teller = 0
    vorige: str | None = None
    for regel in inhoud:
        if regel.tabel is not None:
            uit += ["| " + " | ".join(regel.tabel[0]) + " |",
                    "| " + " | ".join("---" for _ in regel.tabel[0]) + " |"]
            uit += ["| " + " | ".join(rij) + " |" for rij in regel.tabel[1:]]
            uit.append("")
            continue
        teller = teller + 1 if regel.lijst == vorige else 0
        vorige = regel.lijst
        if regel.kop:
            tekst = f"{'#' * regel.kop} {regel.tekst}"
        elif regel.cursief:
            tekst = f"*{regel.tekst}*"
        elif regel.lijst == "streep":
            tekst = f"- {regel.tekst}"
        elif regel.lijst is not None:
            tekst = f"{MARKERS[regel.lijst][teller]}{')' if regel.lijst != 'cijfer' else '.'} " \
                    f"{regel.tekst}"
        else:
            tekst = regel.tekst.replace("\t", " ").replace("[", "\\[").replace("]", "\\]")
        uit += [tekst, ""]
    pad.write_text("\n".join(uit), encoding="utf-8")
    return pad
