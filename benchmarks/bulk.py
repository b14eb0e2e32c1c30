"""Bulk generation: contracten genereer against a plain docxtpl loop, in one run.

    python benchmarks/bulk.py [--aanbieders 1000] [--werkmap DIR]

Builds a large synthetic region from the Assen example (N aanbieders, so about 2·N + 2
documents), then measures
  (a) a plain docxtpl loop: DocxTemplate(path), render, save per document, same templates and
      contexts (fragments as docxtpl subdocuments);
  (b) `contracten genereer` as a user runs it (a separate process, all cores);
and prints documents per second, milliseconds per document, peak memory and the ratio b/a.
It also checks that both produce the same text, document by document, and times an unchanged
rerun.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contracten.pijplijn.genereer import _invoer, _taken  # noqa: E402
from contracten.privacy import versiecode  # noqa: E402
from contracten.profiel.laden import laad_regio  # noqa: E402
from contracten.soorten.register import SOORTEN, Uitvoering, sjablonenmap  # noqa: E402
from contracten.weergave.sjabloon import render  # noqa: E402
from contracten.weergave.tekstversie import markdown_van, onderdelen  # noqa: E402

DATUM = dt.date(2026, 11, 23)


def maak_regio(werkmap: Path, aantal: int) -> Path:
    regios = werkmap / "regios"
    shutil.copytree(ROOT / "regios" / "assen", regios / "groot")
    bron = yaml.safe_load((ROOT / "regios/assen/aanbieders.yaml").read_text(encoding="utf-8"))
    tekst = (ROOT / "regios/assen/aanbieders.yaml").read_text(encoding="utf-8")
    # Keep the amounts exactly as written: copy the YAML text of each aanbieder, renumbered.
    blokken = re.split(r"\n(?=  - id: )", tekst.split("aanbieders:\n", 1)[1])
    uit = ["aanbieders:"]
    for i in range(aantal):
        blok = blokken[i % len(blokken)].rstrip("\n")
        oud_id = bron["aanbieders"][i % len(blokken)]["id"]
        blok = blok.replace(f"id: {oud_id}", f"id: {oud_id}-{i:04d}", 1)
        blok = re.sub(r'kvk: "\d{8}"', f'kvk: "{70000000 + i}"', blok)
        blok = re.sub(r'agb: "\d{8}"', f'agb: "{60000000 + i}"', blok)
        uit.append(blok)
    (regios / "groot/aanbieders.yaml").write_text("\n".join(uit) + "\n", encoding="utf-8")
    return regios


def plain_loop(regios: Path, uitvoer: Path) -> tuple[float, int]:
    """(a): the plain docxtpl way, per document: load the template, render, save."""
    profiel = laad_regio(regios, "groot")
    jaar = profiel.laatste_prijspeil()
    sjablonen = sjablonenmap(None)
    soorten = [n for n, s in SOORTEN.items() if s.beschikbaar(profiel, jaar)]
    taken = _taken(profiel, jaar, soorten, profiel.aanbieders, _invoer(regios, profiel, sjablonen),
                   DATUM, ())
    ids = {a.id: a for a in profiel.aanbieders}
    tijdstip = dt.datetime.combine(profiel.prijspeilen[jaar].ingangsdatum, dt.time())
    begin = time.perf_counter()
    for taak in taken:
        soort = SOORTEN[taak.soort]
        aanbieder = ids.get(taak.aanbieder) if taak.aanbieder else None
        context = soort.context(profiel, jaar, aanbieder,
                                Uitvoering(versiecode(taak.invoerhash), DATUM))
        docx = render(sjablonen / soort.sjabloon, context, titel=soort.titel(profiel, aanbieder),
                      tijdstip=tijdstip)
        pad = uitvoer / f"{taak.pad}.docx"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(docx)
    return time.perf_counter() - begin, len(taken)


METER = """
import json, resource, sys
from contracten.cli.opdrachten import run
sys.argv = ["contracten", *sys.argv[1:]]
try:
    run()
finally:
    zelf = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kind = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"zelf": zelf, "kind": kind}), file=sys.stderr)
"""


def contracten_genereer(regios: Path, uitvoer: Path) -> tuple[float, float, float]:
    """(b): the command as a user runs it, in a fresh process. Returns (seconds, peak MB of the
    main process, peak MB of the largest worker)."""
    begin = time.perf_counter()
    proces = subprocess.run([sys.executable, "-c", METER, "--regios", str(regios), "genereer",
                             "groot", "--uitvoer", str(uitvoer), "--datum", DATUM.isoformat()],
                            check=True, capture_output=True, text=True)
    duur = time.perf_counter() - begin
    meting = json.loads(proces.stderr.strip().splitlines()[-1])
    return duur, meting["zelf"] / 1024, meting["kind"] / 1024


def tekst(docx: bytes) -> str:
    md = markdown_van(*onderdelen(docx))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        kopvoet = [re.sub(r"<[^>]+>", "", z.read(n).decode()) for n in sorted(z.namelist())
                   if re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
    return md + "\n".join(kopvoet)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aanbieders", type=int, default=1000)
    parser.add_argument("--werkmap", type=Path)
    args = parser.parse_args()
    werkmap = args.werkmap or Path(tempfile.mkdtemp(prefix="contracten-bench-"))
    regios = maak_regio(werkmap, args.aanbieders)

    b_sec, hoofd, werker = contracten_genereer(regios, werkmap / "uit")
    rerun, _, _ = contracten_genereer(regios, werkmap / "uit")
    a_sec, aantal = plain_loop(regios, werkmap / "plain")

    map_b = werkmap / "uit/groot" / str(laad_regio(regios, "groot").laatste_prijspeil())
    verschillend = [p.relative_to(werkmap / "plain").as_posix()
                    for p in sorted((werkmap / "plain").rglob("*.docx"))
                    if tekst(p.read_bytes()) != tekst((map_b / p.relative_to(werkmap / "plain"))
                                                      .read_bytes())]
    print(f"documenten:               {aantal} ({args.aanbieders} aanbieders)")
    for label, sec in (("(a) plain docxtpl-lus:   ", a_sec), ("(b) contracten genereer: ", b_sec)):
        print(f"{label} {aantal / sec:8.1f} doc/s  {sec / aantal * 1000:7.1f} ms/doc")
    print("    (b) is het hele commando: laden, .md-tweelingen, manifest, atomair schrijven")
    werkers = min(os.cpu_count() or 1, 4)
    print(f"piekgeheugen (b):         {hoofd:8.1f} MB hoofdproces, {werker:.1f} MB grootste "
          f"werkproces; samen hoogstens {hoofd + werkers * werker:.0f} MB ({werkers} werkers, "
          "gedeelde pagina's dubbel geteld)")
    print(f"ongewijzigde rerun (b):   {rerun:8.2f} s")
    gelijk = "ja" if not verschillend else "NEE: " + ", ".join(verschillend[:5])
    print(f"tekst gelijk:             {gelijk}")
    print(f"verhouding b/a:           {a_sec / b_sec:8.1f}×")
    return 0 if not verschillend else 1


if __name__ == "__main__":
    sys.exit(main())
