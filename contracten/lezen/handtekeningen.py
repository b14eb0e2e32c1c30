"""A signed PDF read and checked with pyHanko (PAdES): every signature intact (its digest over
the bytes it covers), cryptographically valid and covering the whole file as it was signed (no
unsigned change after the last signature, only signatures and form filling between them), who
signed (the certificate's subject and issuer) and when (the signing time the signature itself
carries), and whether each certificate chains to a trusted root: the system's store, or the
certificates given (`--vertrouw CA.pem`). Revocation is not looked up online (no network).

Also the text of the signed PDF and whether it is the text of a document: words compared after a
normalisation that survives what a PDF does to text (see `woorden`)."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import io
import logging
import re
import ssl
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from contracten import tijd
from contracten.fouten import Melding

# pyHanko logs every certificate it cannot chain, with a traceback: that is reported here.
logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
logging.getLogger("pyhanko").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Handtekening:
    """One signature in a signed PDF, as its certificate and its attributes say."""

    veld: str  # the signature field's name
    naam: str  # the certificate's common name
    functie: str | None  # the certificate's title, when it has one
    onderwerp: str  # the certificate's subject, as people read it
    uitgever: str  # ... and its issuer
    vertrouwd: bool  # chains to a trusted root (system store or --vertrouw)
    getekend_op: dt.datetime | None  # the signing time carried by the signature (UTC)


@dataclass(frozen=True)
class GetekendePdf:
    handtekeningen: list[Handtekening]
    tekst: str  # the PDF's text (pypdf), for comparing with the document that was signed


def lees_certificaten(inhoud: bytes) -> list[asn1_x509.Certificate]:
    """The certificates in a PEM file (one or more) or a DER file; ValueError if none."""
    if pem.detect(inhoud):
        certificaten = [asn1_x509.Certificate.load(der) for soort, _, der in
                        pem.unarmor(inhoud, multiple=True) if soort == "CERTIFICATE"]
    else:
        certificaten = [asn1_x509.Certificate.load(inhoud)]
        certificaten[0].native  # noqa: B018 - parses now: raises ValueError on garbage
    if not certificaten:
        raise ValueError("geen certificaat gevonden")
    return certificaten


def systeemcertificaten() -> list[asn1_x509.Certificate]:
    """The roots this computer trusts: OpenSSL's CA bundle (on Debian and Ubuntu
    /etc/ssl/certs/ca-certificates.crt); none when there is no bundle."""
    bundel = ssl.get_default_verify_paths().cafile
    try:
        return lees_certificaten(Path(bundel).read_bytes()) if bundel else []
    except (OSError, ValueError):
        return []


def _weiger(bestand: str, veld: str, bericht: str, code: str) -> Melding:
    return Melding(bestand, None, veld, bericht, code)


def controleer(inhoud: bytes, bestand: str, *, tijdstip: dt.datetime,
               vertrouwd: Sequence[asn1_x509.Certificate] = (),
               systeem: bool = True) -> tuple[GetekendePdf | None, list[Melding]]:
    """The signatures of the PDF `inhoud`, validated at `tijdstip`, or every reason to refuse
    it: unreadable, no signature, a signature whose digest does not match (bytes changed after
    signing) or that is not valid, changes after the last signature (an unsigned revision),
    changes between signatures beyond adding signatures. A certificate that chains to no
    trusted root is no refusal: it is reported (`vertrouwd` False)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    moment = tijd.in_utc(tijdstip)
    try:
        lezer = PdfFileReader(io.BytesIO(inhoud), strict=False)
        handtekeningen = lezer.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        return None, [_weiger(bestand, "", f"is geen leesbare pdf ({exc})", "pdf_onleesbaar")]
    if not handtekeningen:
        return None, [_weiger(bestand, "", "bevat geen digitale handtekening",
                              "geen_handtekening")]
    wortels = [*vertrouwd, *(systeemcertificaten() if systeem else [])]
    context = ValidationContext(trust_roots=wortels, moment=moment, allow_fetching=False)
    gevonden, meldingen = [], []
    for nummer, h in enumerate(handtekeningen, start=1):
        veld = h.field_name or f"handtekening {nummer}"
        try:
            s = validate_pdf_signature(h, context)
        except Exception as exc:
            meldingen.append(_weiger(bestand, veld, f"handtekening {nummer} is niet te "
                                     f"controleren ({type(exc).__name__}: {exc})",
                                     "handtekening_ongeldig"))
            continue
        if not s.intact:
            meldingen.append(_weiger(bestand, veld, f"handtekening {nummer} klopt niet met "
                                     "de inhoud: het bestand is na het tekenen gewijzigd",
                                     "handtekening_gewijzigd"))
        elif not s.valid:
            meldingen.append(_weiger(bestand, veld, f"handtekening {nummer} is cryptografisch "
                                     "ongeldig", "handtekening_ongeldig"))
        laatste = nummer == len(handtekeningen)
        if laatste and s.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            meldingen.append(_weiger(bestand, veld, "na de laatste handtekening is het bestand "
                                     "nog gewijzigd (een niet-getekende revisie): de "
                                     "handtekeningen dekken niet het hele document",
                                     "ongetekende_wijziging"))
        elif not laatste and (s.coverage < SignatureCoverageLevel.ENTIRE_REVISION
                              or s.modification_level is None
                              or s.modification_level > ModificationLevel.FORM_FILLING
                              or not s.docmdp_ok):
            meldingen.append(_weiger(bestand, veld, f"na handtekening {nummer} is meer "
                                     "gewijzigd dan er handtekeningen bij te zetten",
                                     "ongetekende_wijziging"))
        cert = s.signing_cert
        onderwerp = cert.subject.native
        gevonden.append(Handtekening(
            veld, str(onderwerp.get("common_name") or cert.subject.human_friendly),
            str(onderwerp["title"]) if onderwerp.get("title") else None,
            cert.subject.human_friendly, cert.issuer.human_friendly, bool(s.trusted),
            s.signer_reported_dt.astimezone(dt.UTC) if s.signer_reported_dt else None))
    if meldingen:
        return None, meldingen
    return GetekendePdf(gevonden, pdf_tekst(inhoud)), []


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages)


_STREEPJE = "-\u00ad\u2010\u2011"  # hyphen-minus, soft hyphen, hyphen, non-breaking hyphen
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def woorden(tekst: str) -> list[str]:
    """The words of a text as compared: NFKC (ligatures, non-breaking spaces), HTML entities of
    Markdown undone, a link's address dropped, hyphens removed (with the line break after one:
    a word broken over two lines and a word with a hyphen read the same however the PDF set
    them), then the runs of letters and digits, case folded (a heading in capitals). Layout
    (line breaks, spacing, columns) is thereby ignored; the words and their order are not."""
    tekst = _LINK.sub(r"\1", html.unescape(unicodedata.normalize("NFKC", tekst)))
    tekst = re.sub(f"[{_STREEPJE}]\\s*", "", tekst)
    return re.findall(r"\w+", tekst.casefold())


def verschil(document: str, pdf: str, opmaak: Sequence[str] = ()) -> str | None:
    """None when the PDF's text is the document's text (Markdown), else where they first
    differ. The PDF may add only what pages add: page numbers, the words of the header and
    footer (`opmaak`) and a table of contents (the words of the document's headings); any other
    word added, and any word left out or changed, is a difference."""
    a, b = woorden(document), woorden(pdf)
    koppen = [r for r in document.splitlines() if r.lstrip().startswith("#")]
    toegestaan = {w for regel in [*opmaak, *koppen, "Inhoudsopgave"] for w in woorden(regel)}
    for soort, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False
                                                         ).get_opcodes():
        if soort == "equal" or (soort == "insert" and all(
                w.isdigit() or w in toegestaan for w in b[j1:j2])):
            continue
        voor = " ".join(a[max(0, i1 - 6):i1])
        verwacht = " ".join(a[i1:i2][:8]) or "(niets)"
        staat = " ".join(b[j1:j2][:8]) or "(niets)"
        return f"na “…{voor}” verwacht “{verwacht}”, in de pdf “{staat}”"
    return None
