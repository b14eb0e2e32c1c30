"""`getekend --pdf`: a contract signed digitally, checked before it is recorded. The PDF's
signatures are validated with pyHanko (intact, covering the whole file, certificates and their
trust, signing times); its text must be the text of the definitief document; at least two
signatures, one per party. Then the signed file is kept next to the document (never over
another file) and the step 'getekend' recorded with each signature, the file and its sha256."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from contracten import tijd
from contracten.fouten import InvoerFout, Melding
from contracten.lezen import handtekeningen as pdfcontrole
from contracten.lezen.handtekeningen import Handtekening
from contracten.opdrachten.goedkeuring import DocumentStatus, leg_stap_vast, status
from contracten.opdrachten.ondertekening import PARTIJEN
from contracten.profiel.model import Profiel
from contracten.register import handtekeningen as vastleggen
from contracten.register.gegevens import Ondertekening
from contracten.register.transacties import bij_commit
from contracten.uitvoer.map import sha256 as sha256_van
from contracten.weergave.tekstversie import kop_en_voet_van, naar_markdown

if TYPE_CHECKING:
    from sqlalchemy import Connection

KOP = "Niet vastgelegd als getekend"
GEEN_FUNCTIE = "niet vermeld in het certificaat"


@dataclass(frozen=True)
class GetekendResultaat:
    document: DocumentStatus
    pdf: Path  # the signed file as kept, next to the document
    sha256: str
    handtekeningen: list[tuple[str, Handtekening]]  # (partij, signature), in the PDF's order
    waarschuwingen: list[str]


def _fout(bestand: str, veld: str, bericht: str, code: str) -> InvoerFout:
    return InvoerFout([Melding(bestand, None, veld, bericht, code)], KOP)


def _vergelijkbaar(naam: str) -> str:
    return " ".join(naam.split()).casefold()


def partijen(bestand: str, gevonden: Sequence[Handtekening],
             namen: Mapping[str, str | None]) -> list[tuple[str, Handtekening]]:
    """Which signature is whose. A party named (`namen`, as --opdrachtgever/--opdrachtnemer)
    is the signature whose certificate has that name (case and spacing aside); without names,
    the first of exactly two signatures is the opdrachtgever's (the gemeente), the second the
    opdrachtnemer's (the aanbieder). At least two signatures, one per party."""
    if len(gevonden) < 2:
        raise _fout(bestand, "", f"bevat {len(gevonden)} handtekening; een contract tekenen "
                    "beide partijen (de gemeente en de aanbieder): er zijn er minstens twee "
                    "nodig", "te_weinig_handtekeningen")
    toegewezen: dict[str, Handtekening] = {}
    meldingen = []
    for partij, naam in namen.items():
        if not naam:
            continue
        passend = [h for h in gevonden if _vergelijkbaar(h.naam) == _vergelijkbaar(naam)]
        if len(passend) != 1:
            wie = ", ".join(h.naam for h in gevonden)
            meldingen.append(Melding(bestand, None, partij, f"'{naam}' ({partij}) heeft "
                                     f"{'niet' if not passend else 'meer dan eens'} getekend in "
                                     f"deze pdf (getekend door: {wie})",
                                     "ondertekenaar_niet_in_pdf"))
        else:
            toegewezen[partij] = passend[0]
    if meldingen:
        raise InvoerFout(meldingen, KOP)
    over = [h for h in gevonden if h not in toegewezen.values()]
    open_ = [p for p in PARTIJEN if p not in toegewezen]
    if len(over) != len(open_):
        raise _fout(bestand, "", f"bevat {len(gevonden)} handtekeningen: zeg welke van wie is "
                    "met --opdrachtgever NAAM en --opdrachtnemer NAAM (de naam in het "
                    "certificaat; in de webtoepassing bij 'Meer dan twee handtekeningen?')",
                    "partijen_onduidelijk")
    toegewezen.update(zip(open_, over, strict=True))
    return sorted(((p, h) for p, h in toegewezen.items()),
                  key=lambda ph: gevonden.index(ph[1]))


def _bewaar(bestand: Path, inhoud: bytes) -> Path:
    """The signed PDF next to the document, `<naam>.getekend.pdf` (or -2, -3 …): never over an
    existing file (created exclusively)."""
    for nummer in range(1, 1000):
        doel = bestand.with_name(f"{bestand.stem}.getekend{'' if nummer == 1 else f'-{nummer}'}"
                                 ".pdf")
        try:
            with doel.open("xb") as uit:
                try:
                    uit.write(inhoud)
                except BaseException:  # (Ctrl-C, a full disk): no half file stays
                    doel.unlink()
                    raise
            return doel
        except FileExistsError:
            continue
    raise _fout(str(bestand), "", "te veel getekende pdf's naast dit document", "te_veel")


def getekend_pdf(regio: Profiel, pdf: Path | str, *, door: str, tijdstip: dt.datetime,
                 vertrouw: Sequence[Path | str] = (), systeem: bool = True,
                 namen: Mapping[str, str | None] | None = None,
                 functies: Mapping[str, str | None] | None = None,
                 opmerking: str | None = None, uitvoer: Path | str = "output",
                 prijspeil: int | None = None, aanbieders: Sequence[str] = (),
                 percelen: Sequence[int] = (), soorten: Sequence[str] = (),
                 paden: Sequence[str] = (), sha256: str | None = None,
                 inhoud: bytes | None = None,
                 database: str | Path | None = None) -> GetekendResultaat:
    """Check the signed PDF `pdf` of one definitief document (chosen as for `zet_stap`, with
    `sha256` the version the person saw) and record it as getekend; `inhoud`: the file's bytes
    when it arrives without a path (an upload in the web), `pdf` then only names it.
    `vertrouw`: certificate files (PEM or DER) of roots to trust, next to the system's store
    (`systeem`); the signatures are validated as on `tijdstip`. `namen` (per partij) say which
    signature is whose; `functies` the signatories' functions (else the certificate's title).
    Refused with every reason, nothing kept or recorded: an unreadable file, a signature
    broken or not covering the whole file, fewer than two signatures, a text that is not the
    document's, and whatever `zet_stap` refuses. A certificate without a trusted chain is
    recorded as not trusted, with a warning."""
    pdf = Path(pdf)
    try:
        inhoud = pdf.read_bytes() if inhoud is None else inhoud
    except OSError as exc:
        raise _fout(str(pdf), "", f"is niet te lezen ({exc.strerror})", "pdf_onleesbaar") from None
    vertrouwd = []
    for ca in vertrouw:
        try:
            vertrouwd += pdfcontrole.lees_certificaten(Path(ca).read_bytes())
        except (OSError, ValueError) as exc:
            raise _fout(str(ca), "vertrouw", f"is geen leesbaar certificaat ({exc})",
                        "certificaat_onleesbaar") from None
    stand = status(regio, tijdstip=tijdstip, uitvoer=uitvoer, prijspeil=prijspeil,
                   aanbieders=aanbieders, percelen=percelen, soorten=soorten, paden=paden,
                   database=database)
    if not stand.documenten:
        raise _fout(regio.sleutel, "document", "geen gegenereerd document gevonden met deze "
                    "keuze", "niets_gekozen")
    if len(stand.documenten) != 1:
        raise _fout(regio.sleutel, "document", f"een getekende pdf hoort bij één document; deze "
                    f"keuze geeft er {len(stand.documenten)}: kies met --aanbieder, --perceel en "
                    "--document (bijvoorbeeld --document overeenkomst)", "een_document_kiezen")
    [document] = stand.documenten
    gelezen, meldingen = pdfcontrole.controleer(inhoud, str(pdf), tijdstip=tijdstip,
                                                vertrouwd=vertrouwd, systeem=systeem)
    if gelezen is None:
        raise InvoerFout(meldingen, KOP)
    gekoppeld = partijen(str(pdf), gelezen.handtekeningen, namen or {})
    ondertekeningen = [_ondertekening(str(pdf), p, h, (functies or {}).get(p))
                       for p, h in gekoppeld]
    if document.status == "getekend":
        raise _fout(document.stand.pad, "", "is al vastgelegd als getekend", "al_getekend")
    stap = functools.partial(leg_stap_vast, regio, "getekend", door=door, tijdstip=tijdstip,
                             uitvoer=uitvoer, prijspeil=prijspeil, database=database,
                             paden=[document.stand.pad], sha256=sha256 or document.stand.sha256,
                             opmerking=opmerking, ondertekeningen=ondertekeningen)
    stap(alleen_controleren=True)
    _zelfde_tekst(document, str(pdf), gelezen.tekst)
    hash_ = sha256_van(inhoud)
    bewaard: list[Path] = []  # the signed PDF, once kept beside the document
    vastgelegd: list[bool] = []  # the step's own transaction reached its commit

    def bijlage(v: Connection, stap_id: int) -> None:
        naam = bewaard[0].name
        vastleggen.bij_stap(v, stap_id, handtekeningen=gekoppeld, sha256=hash_,
                            pad=str(Path(document.stand.pad).with_name(naam).as_posix()))
        bij_commit(v, lambda: vastgelegd.append(True))

    try:
        bewaard.append(_bewaar(document.bestand, inhoud))
        stap(bijlage=bijlage)
    except BaseException:
        # Only a file that never reached the register goes: after Ctrl-C just as the step
        # committed, the register points to it.
        if bewaard and not vastgelegd:
            bewaard[0].unlink()
        raise
    waarschuwingen = [f"de handtekening van {h.naam} ({p}) is niet te herleiden tot een "
                      f"vertrouwde uitgever ({h.uitgever}): vastgelegd als niet vertrouwd. "
                      "Geef het certificaat van de uitgever met --vertrouw CA.pem om de keten "
                      "te controleren" for p, h in gekoppeld if not h.vertrouwd]
    return GetekendResultaat(document, bewaard[0], hash_, gekoppeld, waarschuwingen)


def _ondertekening(bestand: str, partij: str, h: Handtekening,
                   functie: str | None) -> Ondertekening:
    if h.getekend_op is None:
        raise _fout(bestand, partij, f"de handtekening van {h.naam} draagt geen tijdstip van "
                    "ondertekening", "geen_tekentijd")
    return Ondertekening(partij, h.naam, functie or h.functie or GEEN_FUNCTIE,
                         tijd.dag(h.getekend_op))


def _zelfde_tekst(document: DocumentStatus, bestand: str, tekst: str) -> None:
    """Refused unless the PDF's text is the definitief document's text (its Word file as
    recorded: the register has already checked that it is unchanged on disk)."""
    try:
        docx = document.bestand.read_bytes()
        verschil = pdfcontrole.verschil(naar_markdown(docx), tekst, kop_en_voet_van(docx))
    except OSError:
        return  # a file gone: `zet_stap` refuses it, with its path
    if verschil is not None:
        raise _fout(bestand, "", f"de getekende tekst is niet die van {document.stand.pad}: "
                    f"{verschil}", "andere_tekst")
