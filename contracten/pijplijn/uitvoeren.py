"""Carry out a plan: make what changed, keep what did not, and commit it all at once with the new
manifest. Every command that makes documents goes through here (by way of `draai`)."""

from __future__ import annotations

import hashlib
from contextlib import closing
from itertools import chain
from typing import Any

from contracten.fouten import ContractenFout
from contracten.lezen.gcpauze import zonder_gc
from contracten.profiel.wissel import Profielwissel
from contracten.soorten.register import soorten
from contracten.uitvoer import definitief, kenmerken, manifest
from contracten.uitvoer.manifest import Document, Herkomst, Manifest, stam
from contracten.uitvoer.manifestbron import Bron
from contracten.uitvoer.map import Uitvoermap, sha256

from .bevriezen import vries_bij
from .opschijf import OpSchijf, bewaar_eigen, op_schijf
from .opties import Voortgang
from .plan import Plan
from .resultaat import Resultaat as Resultaat  # where it is imported from elsewhere
from .verschil import achtergebleven, bereken
from .verzameld import Verzameling


def voer_uit(plan: Plan, *, processen: int | None = None,
             voortgang: Voortgang | None = None, wissel: Profielwissel | None = None,
             met_gezien: bool = False) -> Resultaat:
    """Make and write the plan's documents; only side effects: what to make, keep and remove
    is decided by `verschil.bereken`. `voortgang` is called with (klaar, totaal) as documents
    are made; `wissel`, a change of the profile, commits with them (when anything is
    written). `met_gezien`: a run that makes few documents gives what it saw of the files it
    kept (`Resultaat.gezien`). Raises ContractenFout, and writes nothing then."""
    waarschuwingen: list[str] = []
    with Uitvoermap(plan.doel, wissel) as map_:
        vorig, bron, register, schijf = _vorige(plan, waarschuwingen)
        verschil = bereken(plan.taken, vorig, plan.kop, formaten=plan.formaten,
                           op_schijf=schijf.gelijk.keys(), definitief=register.keys(),
                           volledig=plan.volledig, opruimen=plan.opruimen)
        opnieuw = {t.pad for t in verschil.maken}
        waarschuwingen += [f"{pad} is na de vorige run buiten contracten om gewijzigd: uw "
                           f"versie staat nu als {bewaar_eigen(map_, pad)} en het document is "
                           "opnieuw gemaakt." for pad in schijf.gewijzigd if stam(pad) in opnieuw]
        # Recorded after the commit when something was read again (a copied folder, a file
        # touched): the next run need not read it. With the state it had when it was read,
        # never a later one: a file saved during the run would be taken for what it was.
        gelijk = schijf.gelijk if schijf.verouderd else {}
        ontbreekt = schijf.ontbreekt  # (for the record to forget, with what the run removes)
        # What it saw of the files: for that, and to give (`met_gezien`) when it makes few
        # documents (then looking again is much of its time); not through a large run
        # otherwise (little of its time, and memory that grows with the folder).
        klein = met_gezien and len(verschil.maken) * 10 <= len(plan.taken)
        gezien = schijf.gezien if klein or gelijk else None
        del schijf
        bewaard = sorted(verschil.ongewijzigd)
        if vorig is not None and verschil.bij:
            if gelijk and gezien is not None:
                kenmerken.leg_vast(plan.doel, plan.profiel.sleutel,
                                   {p: h for p, h in gelijk.items() if p in gezien.staten},
                                   gezien.staten, vergeten=ontbreekt)
            return Resultaat(plan.doel, vorig, ongewijzigd=bewaard,
                             waarschuwingen=waarschuwingen, gezien=gezien if klein else None)

        # Only now the rendering engine: an unchanged rerun does not load it.
        from .werk import Werk, maak_alle

        werk = Werk(plan.profiel, plan.prijspeil, plan.sjablonen, plan.uitvoering,
                    plan.formaten, map_.staging)
        verzameling = Verzameling(register, map_)
        # closing(): on an error or interruption the pool stops now, not at garbage collection.
        with closing(maak_alle(werk, verschil.maken, processen, voortgang)) as gemaakte:
            for gemaakt in gemaakte:
                verzameling.voeg_toe(gemaakt)
        del werk
        # The workers are gone: only now every file's manifest entry. `artikelen`: of each
        # new .docx (see _gedeelde_herkomst).
        nieuw, artikelen, naast = verzameling.documenten()
        del verzameling
        if "pdf" in plan.formaten:
            nieuw += _pdf(nieuw, map_, processen)
        nieuwe_paden = {d.pad for d in nieuw}
        # What stays of the previous manifest (a remade finalised document has its new
        # version beside it), but for a file this run wrote again.
        blijft = [d for d in verschil.houden if d.pad not in nieuwe_paden]
        alle, gebundeld = _bundels(blijft + nieuw, plan, map_, nieuwe_paden)
        del blijft, nieuw
        nieuwe_paden |= set(gebundeld)
        bekend = {d.pad for d in alle} if register else set()
        # A finalised document this run did not make and its manifest no longer knew (a
        # damaged manifest) is still listed: it stays, whatever happens.
        alle += [Document(soort="definitief", formaat="docx", pad=pad, sha256=gegevens["sha256"],
                          aanbieder=None, versie=plan.kop.versie)
                 for pad, gegevens in register.items()
                 if pad not in bekend and map_.bestaand(pad).is_file()]
        alle = sorted(alle, key=lambda d: d.pad)
        herkomst = dict(vorig.herkomst) if vorig else {}
        alle = _gedeelde_herkomst(alle, herkomst, nieuwe_paden, artikelen)
        alle = [d.met(definitief=register[d.pad]["datum"])
                if d.pad in register else d for d in alle]
        weg = verschil.weg | achtergebleven(vorig, alle)
        nieuw_manifest = plan.kop.model_copy(update={"documenten": alle, "herkomst": herkomst})
        vastgelegd = map_.voltooi(nieuw_manifest, sorted(weg), bron)
    staten = gezien.staten if gezien is not None else {}
    for pad in chain(nieuwe_paden, weg):  # what it wrote or removed since, it did not see
        staten.pop(pad, None)
    # What it wrote, as the commit put it there: never a state taken after (a file edited
    # in between would be recorded as the document). Not into `staten`: those are `gezien`'s.
    kenmerken.leg_vast(plan.doel, plan.profiel.sleutel,
                       {d.pad: d.sha256 for d in alle if d.pad in nieuwe_paden
                        or (gelijk.get(d.pad) == d.sha256 and d.pad in staten)},
                       {**staten, **vastgelegd} if staten else vastgelegd,
                       vergeten=chain(weg, ontbreekt))
    return Resultaat(plan.doel, nieuw_manifest, geschreven=sorted(nieuwe_paden),
                     ongewijzigd=bewaard, verwijderd=sorted(weg),
                     naast_definitief=sorted(naast), waarschuwingen=waarschuwingen,
                     gezien=gezien if klein else None)


def _vorige(plan: Plan, waarschuwingen: list[str]
            ) -> tuple[Manifest | None, Bron | None, dict[str, dict[str, Any]], OpSchijf]:
    """What is in the output folder: the previous manifest (and where it was read), the
    register of finalised documents, and which files are on disk as the manifest says. The
    manifest read with the collector paused, and kept out of it at once (`vries_bij`): at
    10,000 aanbieders the young and full collections that went through its hundreds of
    thousands of objects while the files were looked at took some 0.15 s. The look itself
    (which may read every file) runs with the collector on; what it read joins the freeze."""
    with zonder_gc():
        try:
            vorig, bron = manifest.lees_met_bron(plan.doel)
        except manifest.ManifestBeschadigd as fout:
            # Rebuilt from scratch: every document is made again; finalised ones stay safe,
            # as definitief.json says which they are.
            vorig, bron = None, None
            waarschuwingen.append(f"{fout} Het is opnieuw opgebouwd; alle documenten zijn "
                                  "opnieuw gemaakt.")
        if vorig is None and not (plan.doel / manifest.BESTAND).exists() \
                and plan.doel.is_dir() and any(plan.doel.iterdir()):
            raise ContractenFout(f"{plan.doel} bevat al bestanden, maar geen manifest.json van "
                                 "contracten: het is niet onze map. Kies een andere uitvoermap; "
                                 "er is niets geschreven.")
        register = definitief.lees(plan.doel)
        vries_bij()  # the previous manifest: see `bevriezen`
    # What is to be done is decided without the file system (see `verschil`): what it needs
    # to know of the folder is read here, without reading every file. A file changed or
    # removed by hand is not on disk as the manifest says: made again.
    schijf = op_schijf(plan.doel, plan.profiel.sleutel, vorig, register)
    vries_bij()  # and the record of sizes and times just read
    return vorig, bron, register, schijf


def _bundels(documenten: list[Document], plan: Plan, map_: Uitvoermap, nieuw: set[str]
             ) -> tuple[list[Document], list[str]]:
    """Per kind with a `bundel`: one pdf of all its documents' pdfs, in the order of the
    contracts (per perceel, in the order of aanbieders.yaml), made again only when one of them
    changed. Without a pdf for every one of them there is no bundle (a stale one goes). Returns
    the documents and the bundles written."""
    if not any(d.formaat == "pdf" or d.bundel for d in documenten):
        return documenten, []  # no pdf, no bundle: the usual run, not a pass per kind
    volgorde = {(c.perceelnummer, c.aanbieder.id): i
                for i, c in enumerate(plan.profiel.contracten)}
    vorige = {d.pad: d for d in documenten if d.bundel}
    uit = [d for d in documenten if not d.bundel]
    geschreven = []
    for s in soorten().values():
        if s.bundel is None:
            continue
        eigen = [d for d in uit if d.soort == s.naam and not d.naast_definitief]
        delen = sorted((d for d in eigen if d.formaat == "pdf"),
                       key=lambda d: (volgorde.get((d.perceel, d.aanbieder or ""), len(volgorde)),
                                      d.pad))
        if not delen or len(delen) != sum(d.formaat == "docx" for d in eigen):
            continue
        vingerafdruk = hashlib.sha256("\n".join(f"{d.pad} {d.sha256}" for d in delen)
                                      .encode()).hexdigest()
        oud = vorige.get(s.bundel)
        if oud is not None and oud.invoerhash == vingerafdruk:
            uit.append(oud)
            continue
        doel = map_.plek(s.bundel)
        from contracten.weergave.pdf import samengevoegd  # only with pdfs: not on every run

        samengevoegd([map_.plek(d.pad) if d.pad in nieuw else map_.bestaand(d.pad)
                      for d in delen], doel)
        uit.append(Document(soort=s.naam, formaat="pdf", pad=s.bundel,
                            sha256=sha256(doel.read_bytes()), aanbieder=None,
                            versie=plan.kop.versie, invoerhash=vingerafdruk, bundel=True))
        geschreven.append(s.bundel)
    return uit, geschreven


def _gedeelde_herkomst(documenten: list[Document], herkomst: dict[str, list[Herkomst]],
                       nieuw: set[str], artikelen: dict[str, list[Herkomst]]
                       ) -> list[Document]:
    """Store the article sources once per kind: a new document whose sources (`artikelen`, per
    path) equal its kind's lists none of its own. A kind whose documents were all made by this
    run starts afresh. `nieuw`: the paths this run wrote (a bundle counts as old: it is made
    from the others)."""
    oud = {d.soort for d in documenten if d.pad not in nieuw or d.bundel}
    for soort in {d.soort for d in documenten} - oud:
        herkomst.pop(soort, None)
    for soort in set(herkomst) - {d.soort for d in documenten}:
        herkomst.pop(soort)  # no document of this kind is left
    for d in documenten:
        if artikelen.get(d.pad) and d.soort not in herkomst:
            herkomst[d.soort] = artikelen[d.pad]
    # In the order of the documents, as a first run has it: a kind made again as a whole must
    # not move to the end (the same inputs, the same manifest).
    herkomst.update({soort: herkomst.pop(soort)
                     for soort in dict.fromkeys(d.soort for d in documenten) if soort in herkomst})
    return [d.met(artikelen=eigen)
            if (eigen := artikelen.get(d.pad)) is not None
            and not (eigen and eigen == herkomst.get(d.soort)) else d
            for d in documenten]


def _pdf(documenten: list[Document], map_: Uitvoermap, processen: int | None
         ) -> list[Document]:
    """A pdf beside every new .docx, in one LibreOffice run per process (see `naar_pdf`)."""
    docx = [d for d in documenten if d.formaat == "docx"]
    paren = [(map_.plek(d.pad), map_.plek(f"{d.stam}.pdf")) for d in docx]
    from contracten.weergave.pdf import naar_pdf  # only with pdfs: not on every run

    naar_pdf(paren, processen=processen)
    return [d.met(formaat="pdf", pad=f"{d.stam}.pdf", sha256=sha256(doel.read_bytes()),
                  artikelen=None)
            for d, (_, doel) in zip(docx, paren, strict=True)]
