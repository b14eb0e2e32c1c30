"""Read the client CSV of `contracten opzegging`: strict columns, no BSN, errors per row and column.

Format (docs/ontwikkelaars/ontwerp.md, Het cliëntbestand): UTF-8, header
`client,gemeente,product,einddatum_beschikking`;
`einddatum_beschikking` may be empty (open-ended). `client` is a pseudonymous reference.
Also read: a semicolon CSV (Dutch Excel's default), the first sheet of an .xlsx, and dates
written 31-12-2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from contracten.fouten import InvoerFout, Melding, os_reden
from contracten.lezen.tabelbestand import Invoerbestand, lees_datum, lees_tabel
from contracten.lezen.tabelpoort import controleer_naam
from contracten.lezen.tekens import verboden_teken
from contracten.privacy import bevat_bsn
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.tijd import OngeldigeDatum


@dataclass(frozen=True)
class Client:
    client: str  # a pseudonymous reference, never a BSN
    gemeente: str
    product: str
    einddatum_beschikking: dt.date | None  # None: open-ended


MAXIMUM_TEKENS = 50_000_000
MAXIMUM_RIJEN = 100_000
MAXIMUM_CEL = 200  # a pseudonym, a gemeente, a product key, a date


KOLOMMEN = ("client", "gemeente", "product", "einddatum_beschikking")


TITEL = "Cliëntbestand is ongeldig"


def _te_groot(naam: str) -> InvoerFout:
    return InvoerFout([Melding(naam, None, "", f"groter dan {MAXIMUM_TEKENS // 1_000_000} miljoen "
                               "tekens; is dit een cliëntlijst?", "te_groot")], TITEL)


def bestand(pad: Path) -> Invoerbestand:
    """The client file at `pad`, read once (its bytes also go into the manifest's input)."""
    naam = pad.name
    controleer_naam(naam, TITEL, excel=True)  # before any message names the file
    if pad.is_symlink():
        raise InvoerFout([Melding(naam, None, "", "is een symbolische koppeling; geef het "
                                  "bestand zelf", "koppeling")], TITEL)
    try:
        if pad.stat().st_size > MAXIMUM_TEKENS:
            raise _te_groot(naam)
        return Invoerbestand(naam, pad.read_bytes())
    except OSError as exc:
        raise InvoerFout([Melding(naam, None, "", f"bestand kan niet worden gelezen: "
                                  f"{os_reden(exc)}", "onleesbaar")], TITEL) from None


def lees_clienten(bron: Path | Invoerbestand, profiel: Profiel, contract: Contract | None = None
                  ) -> list[Client]:
    """The clients of a CSV (comma or semicolon, UTF-8) or of the first sheet of an .xlsx;
    with a contract, each with a product of that contract."""
    invoer = bron if isinstance(bron, Invoerbestand) else bestand(bron)
    naam = invoer.naam
    if len(invoer.inhoud) > MAXIMUM_TEKENS:
        raise _te_groot(naam)
    ruwe_kop, rijen = lees_tabel(invoer, TITEL)
    kop = [k.strip().lower() for k in ruwe_kop]
    meldingen: list[Melding] = []
    dubbel = sorted({k for k in kop if kop.count(k) > 1})
    for kolom in dubbel:  # a second 'client' column would slip past the checks
        meldingen.append(Melding(naam, 1, kolom, "kolom staat er meer dan eens", "kolom_dubbel"))
    if "bsn" in kop:
        meldingen.append(Melding(naam, 1, "bsn", "een kolom 'bsn' is niet toegestaan: gebruik "
                                 "alleen een pseudoniem in 'client'", "bsn"))
    for kolom in KOLOMMEN:
        if kolom not in kop:
            meldingen.append(Melding(naam, 1, kolom, f"kolom ontbreekt; verwacht de kop "
                                     f"{','.join(KOLOMMEN)} (gescheiden door komma's of "
                                     "puntkomma's)", "kolom_ontbreekt"))
    if meldingen:
        raise InvoerFout(meldingen, TITEL)

    gemeenten = {g.naam: g for g in profiel.regio.gemeenten}
    eenheden = {e.sleutel for e in profiel.eenheden}
    clienten: list[Client] = []
    for regelnummer, rij in enumerate(rijen, start=2):
        if regelnummer > MAXIMUM_RIJEN + 1:
            meldingen.append(Melding(naam, regelnummer, "", f"meer dan {MAXIMUM_RIJEN} cliënten",
                                     "te_veel_rijen"))
            break
        if not any(cel.strip() for cel in rij):
            continue
        lang = [k for k, cel in zip(kop, rij, strict=False) if len(cel) > MAXIMUM_CEL]
        for kolom in lang:
            meldingen.append(Melding(naam, regelnummer, kolom, f"langer dan {MAXIMUM_CEL} tekens",
                                     "te_lang"))
        if lang:
            continue
        waarden = dict(zip(kop, (cel.strip() for cel in rij), strict=False))
        for kolom, waarde in waarden.items():
            if teken := verboden_teken(waarde, ""):
                meldingen.append(Melding(naam, regelnummer, kolom, "bevat een onzichtbaar "
                                         f"stuurteken of ongeldig teken ({teken}); verwijder het",
                                         "stuurteken"))
        if any(verboden_teken(w, "") for w in waarden.values()):
            continue
        bsn = [kolom for kolom, waarde in waarden.items() if bevat_bsn(waarde, excel=True)]
        for kolom in bsn:  # the value itself is never repeated, in no message
            meldingen.append(Melding(naam, regelnummer, kolom, "bevat een BSN (9 cijfers die de "
                                     "elfproef halen); gebruik een pseudoniem", "bsn"))
        if bsn:
            continue
        if len(rij) != len(kop):
            meldingen.append(Melding(naam, regelnummer, "", f"{len(rij)} waarden, verwacht "
                                     f"{len(kop)}", "kolommen_aantal"))
            continue
        client, gemeente, product = waarden["client"], waarden["gemeente"], waarden["product"]
        if not client:
            meldingen.append(Melding(naam, regelnummer, "client", "leeg", "leeg"))
        if gemeente not in gemeenten:
            meldingen.append(Melding(naam, regelnummer, "gemeente", f"'{gemeente}' is geen "
                                     f"gemeente van {profiel.regio.naam}", "gemeente_onbekend"))
        if product not in eenheden:
            meldingen.append(Melding(naam, regelnummer, "product", f"'{product}' is geen "
                                     f"product of functie van {profiel.regio.naam}",
                                     "product_onbekend"))
        elif gemeente in gemeenten and gemeenten[gemeente].alleen \
                and product not in gemeenten[gemeente].alleen:
            meldingen.append(Melding(naam, regelnummer, "product", f"gemeente {gemeente} neemt "
                                     f"'{product}' niet af", "product_buiten_gemeente"))
        if contract is not None and product in eenheden and product not in contract.producten:
            meldingen.append(Melding(naam, regelnummer, "product", f"'{product}' is niet "
                                     f"gecontracteerd met {contract.omschrijving}",
                                     "product_niet_gecontracteerd"))
        eind = waarden["einddatum_beschikking"]
        einddatum = None
        if eind:
            try:
                einddatum = lees_datum(eind)
            except OngeldigeDatum as fout:
                meldingen.append(Melding(naam, regelnummer, "einddatum_beschikking", str(fout),
                                         fout.code))
        clienten.append(Client(client, gemeente, product, einddatum))
    if meldingen:
        raise InvoerFout(meldingen, TITEL)
    return clienten
