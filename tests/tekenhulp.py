"""Throwaway PKI for the tests of signed PDFs: a CA and signer certificates made in memory with
`cryptography`, and PAdES signatures set with pyHanko at a chosen time (nothing downloaded,
no clock read: pyHanko's own 'now' is replaced by the time given)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.signers import pdf_signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

GELDIG_VANAF = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
GELDIG_TOT = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Sleutelhouder:
    certificaat: x509.Certificate
    sleutel: ec.EllipticCurvePrivateKey

    @property
    def pem(self) -> bytes:
        return self.certificaat.public_bytes(serialization.Encoding.PEM)


def _naam(cn: str, titel: str | None = None) -> x509.Name:
    delen = [x509.NameAttribute(NameOID.COMMON_NAME, cn),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testorganisatie")]
    if titel:
        delen.append(x509.NameAttribute(NameOID.TITLE, titel))
    return x509.Name(delen)


def maak_ca(cn: str = "Test-CA contracten") -> Sleutelhouder:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    naam = _naam(cn)
    cert = (x509.CertificateBuilder().subject_name(naam).issuer_name(naam)
            .public_key(sleutel.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(GELDIG_VANAF).not_valid_after(GELDIG_TOT)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .sign(sleutel, hashes.SHA256()))
    return Sleutelhouder(cert, sleutel)


def maak_ondertekenaar(ca: Sleutelhouder, cn: str, titel: str | None = None) -> Sleutelhouder:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_naam(cn, titel))
            .issuer_name(ca.certificaat.subject).public_key(sleutel.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(GELDIG_VANAF).not_valid_after(GELDIG_TOT)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(ca.sleutel, hashes.SHA256()))
    return Sleutelhouder(cert, sleutel)


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def teken(pdf: bytes, wie: Sleutelhouder, ca: Sleutelhouder, veld: str,
          op: dt.datetime) -> bytes:
    """`pdf` with one more signature (an incremental update) by `wie`, dated `op`."""
    signer = signers.SimpleSigner(
        signing_cert=_asn1(wie.certificaat),
        signing_key=asn1_keys.PrivateKeyInfo.load(wie.sleutel.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([_asn1(ca.certificaat)]))

    class Klok(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return op.astimezone(tz)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(pdf_signer, "datetime", Klok)
        uit = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                               signers.PdfSignatureMetadata(field_name=veld), signer=signer)
    return uit.getvalue()
