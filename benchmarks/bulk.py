"""Bulk generation, measured: speed against a plain docxtpl loop, and how time and memory scale.

    python benchmarks/bulk.py                  # 1,000 and 5,000 aanbieders (8 to 9 minutes
                                               # on 2 cores)
    python benchmarks/bulk.py --klein          # 100 and 500 aanbieders: a quick check
    python benchmarks/bulk.py --groottes 1000 5000 --paren 2 --werkmap /tmp/bench

Uses only the public API and the command line as a user runs it (`python -m contracten`); the
baseline builds its contexts with the document kinds (`contracten.soorten.register.soorten`,
`Soort.context_van`), our filters (`contracten.opmaak`), the article counter
(`contracten.weergave.sjabloon.ArtikelTeller`) and `contracten.weergave.word.vul` for the
Fragments, and renders them with plain docxtpl.

Two synthetic regions are built from regios/assen by copying its aanbieders N times, each copy
with its own id, name, KvK and AGB number (about 2·N + 2 documents). Then:

1. Ratio. At the smaller size, alternately (A B A B …, each run a fresh process):
   A = a plain docxtpl loop: per document `DocxTemplate(path)`, `render(context, jinja_env=…)`
       (a sandboxed StrictUndefined autoescape environment with our filters) and `save`; the same
       templates and contexts (Fragments as docxtpl subdocuments), no deterministic re-zip.
       Timed: the loop only (contexts, render, save), not start-up or loading the region.
   B = `python -m contracten genereer` into an empty folder. Timed: the whole process (start-up,
       loading, .md twins, manifest, commit), on all cores as a user gets it.
   The ratio is sum(A) / sum(B) in wall time; the ratio in processor time (all processes of B)
   is shown beside it: it leaves out the gain of more cores and is less sensitive to other work
   on the machine. The text of every paragraph of word/document.xml must be the same in A's and
   B's output, document by document, except a table of contents: our engine fills its field with
   the document's headings, docxtpl leaves it for Word to update.
2. Scale. At both sizes: wall time, processor time of all processes, and peak memory of
   `genereer` (the main process and the largest worker from getrusage; the peaks of all other
   processes summed, multiprocessing's resource tracker included, and the whole tree at one
   moment, both sampled every 0.1 s through /proc: Linux only), an unchanged rerun (must write
   nothing), a rerun after changing one aanbieder (must remake only its documents and the
   overview that lists all aanbieders), and `valideer`. Memory should be flat in the number of
   documents, time linear: both the wall time and the processor time are checked.

The code is copied into the work folder first (contracten/ and sjablonen/, byte-compiled), and
every process measured runs that copy: edits to the checkout while the benchmark runs do not
change what is measured. The goals are the constants below; the script exits with 1 when one
is not met. With --klein the ratio is shown but not checked: at a few hundred documents the
command's start-up dominates. Results are printed in Dutch.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The code measured: the checkout, or (in the processes this script starts) a copy of it.
CODE = Path(os.environ.get("CONTRACTEN_BENCH_CODE", ROOT))
sys.path.insert(0, str(CODE))

import contracten  # noqa: E402
from contracten.soorten.basis import Uitvoering  # noqa: E402
from contracten.soorten.register import soorten  # noqa: E402

# Goals: the script fails when one is not met.
MIN_VERHOUDING = 13.0  # contracten genereer at least this many times faster than the loop
MAX_GEHEUGENGROEI = 1.5  # peak memory at the larger size / at the smaller size
MAX_TIJDGROEI = 6.0  # time at the larger size / at the smaller size (sizes 5× apart)

GROOTTES = (1000, 5000)
KLEIN = (100, 500)
PAREN = 2
DATUM = dt.date(2026, 11, 23)
BRON = ROOT / "regios" / "assen"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INTERVAL = 0.1  # seconds between samples of the process tree


# --- the synthetic region ------------------------------------------------------------------

def maak_regio(regios: Path, naam: str, aantal: int) -> None:
    """regios/<naam>: Assen with its aanbieders copied to `aantal`, each unique. The YAML text of
    every aanbieder is copied as written, so amounts stay exactly as they are."""
    doel = regios / naam
    shutil.copytree(BRON, doel)
    tekst = (BRON / "aanbieders.yaml").read_text(encoding="utf-8")
    blokken = re.split(r"\n(?=  - id: )", tekst.split("aanbieders:\n", 1)[1])
    uit = ["aanbieders:"]
    for i in range(aantal):
        blok = blokken[i % len(blokken)].rstrip("\n")
        blok = re.sub(r"^(  - id: )(\S+)", rf"\g<1>\g<2>-{i:05d}", blok, count=1)
        blok = re.sub(r'^(    naam: ".*)"$', rf'\g<1> {i + 1}"', blok, count=1,
                      flags=re.M)
        blok = re.sub(r'kvk: "\d{8}"', f'kvk: "{70000000 + i}"', blok)
        blok = re.sub(r'agb: "\d{8}"', f'agb: "{60000000 + i}"', blok)
        uit.append(blok)
    (doel / "aanbieders.yaml").write_text("\n".join(uit) + "\n", encoding="utf-8")


def wijzig_een_aanbieder(regios: Path, naam: str) -> None:
    """Change the telephone number of the first aanbieder only."""
    pad = regios / naam / "aanbieders.yaml"
    tekst, n = re.subn(r'telefoon: "[^"]*"', 'telefoon: "0592 799 999"',
                       pad.read_text(encoding="utf-8"), count=1)
    assert n == 1, "geen telefoonnummer gevonden om te wijzigen"
    pad.write_text(tekst, encoding="utf-8")


def kopieer_code(werkmap: Path, pogingen: int = 5) -> Path:
    """A frozen copy of the code and templates; the processes started from here import it. The
    copy must pass `valideer assen` first: a checkout caught halfway through an edit is copied
    again a little later."""
    code = werkmap / "code"
    negeer = shutil.ignore_patterns("__pycache__")
    for poging in range(1, pogingen + 1):
        shutil.rmtree(code, ignore_errors=True)
        shutil.copytree(ROOT / "contracten", code / "contracten", ignore=negeer)
        shutil.copytree(ROOT / "sjablonen", code / "sjablonen", ignore=negeer)
        # The templates as package data too (`contracten.sjablonen`), as an installed package.
        shutil.copytree(ROOT / "sjablonen", code / "contracten" / "sjablonen", ignore=negeer)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code)], check=True)
        proef = subprocess.run(
            [sys.executable, "-m", "contracten", "--regios", str(BRON.parent), "valideer",
             BRON.name, "--sjablonen", str(code / "sjablonen")],
            capture_output=True, text=True, cwd=werkmap,
            env={**os.environ, "PYTHONPATH": str(code)})
        if proef.returncode == 0:
            break
        if poging == pogingen:
            sys.exit(f"De code in {ROOT} werkt niet:\n{proef.stdout}{proef.stderr}")
        print(f"  de code werkt nu niet (valideer {BRON.name}); over 30 s opnieuw", flush=True)
        time.sleep(30)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    os.environ["CONTRACTEN_BENCH_CODE"] = str(code)
    return code


def sjablonen() -> Path:
    return Path(os.environ.get("CONTRACTEN_BENCH_CODE", ROOT)) / "sjablonen"


def genereer_soorten(profiel: contracten.Profiel) -> list[Any]:
    jaar = profiel.laatste_prijspeil()
    return [s for s in soorten().values()
            if s.opdracht == "genereer" and s.beschikbaar(profiel, jaar)]


# --- A: the plain docxtpl loop (runs in its own process) -----------------------------------

def basislijn(regios: Path, naam: str, manifest: Path, uitvoer: Path) -> dict[str, Any]:
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from contracten import opmaak
    from contracten.weergave.fragment import Fragment
    from contracten.weergave.sjabloon import ArtikelTeller
    from contracten.weergave.word import vul

    omgeving = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    omgeving.filters.update(bedrag=opmaak.bedrag, datum=opmaak.datum, getal=opmaak.getal,
                            procent=opmaak.procent)

    def als_word(tpl: DocxTemplate, waarde: Any) -> Any:
        if isinstance(waarde, Fragment):
            subdoc = tpl.new_subdoc()
            vul(subdoc, waarde)
            return subdoc
        if isinstance(waarde, dict):
            return {k: als_word(tpl, v) for k, v in waarde.items()}
        return waarde

    profiel = contracten.laad_regio(regios, naam)
    jaar = profiel.laatste_prijspeil()
    # The version stamp of each document, as `genereer` wrote it, so the texts can be compared.
    versies = {d["pad"].rsplit(".", 1)[0]: d["versie"]
               for d in json.loads(manifest.read_text(encoding="utf-8"))["documenten"]}
    aantal = 0
    begin, processor = time.perf_counter(), time.process_time()
    for soort in genereer_soorten(profiel):
        for contract in profiel.contracten if soort.per_contract else [None]:
            pad = soort.pad_van(contract)
            context = soort.context_van(profiel, jaar, contract, Uitvoering(versies[pad], DATUM))
            tpl = DocxTemplate(sjablonen() / soort.sjabloon)
            inhoud = {k: als_word(tpl, v) for k, v in context.items()}
            teller = ArtikelTeller()
            inhoud["artikel"], inhoud["lid"] = teller, teller.lid
            tpl.render(inhoud, jinja_env=omgeving)
            doel = uitvoer / f"{pad}.docx"
            doel.parent.mkdir(parents=True, exist_ok=True)
            tpl.save(doel)
            aantal += 1
    return {"seconden": time.perf_counter() - begin, "cpu": time.process_time() - processor,
            "documenten": aantal}


def draai_basislijn(regios: Path, naam: str, manifest: Path, uitvoer: Path
                    ) -> tuple[float, float]:
    """Run A in a fresh process: the loop's wall time and processor time in seconds."""
    proces = subprocess.run(
        [sys.executable, __file__, "_basislijn", str(regios), naam, str(manifest), str(uitvoer)],
        capture_output=True, text=True)
    if proces.returncode:
        sys.exit(f"De docxtpl-lus faalde:\n{proces.stderr}")
    meting = json.loads(proces.stdout.strip().splitlines()[-1])
    return meting["seconden"], meting["cpu"]


# --- B: the command as a user runs it, measured --------------------------------------------

# Runs `python -m contracten …` in this very process and then writes the peak memory of itself
# and of its largest child (kB on Linux), and the processor time of all, to the file named first.
METER = """
import json, resource, runpy, sys
meting = sys.argv[1]
sys.argv = ["contracten", *sys.argv[2:]]
try:
    runpy.run_module("contracten", run_name="__main__", alter_sys=True)
finally:
    zelf = resource.getrusage(resource.RUSAGE_SELF)
    kind = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(meting, "w") as f:
        json.dump({"zelf": zelf.ru_maxrss, "kind": kind.ru_maxrss,
                   "cpu": zelf.ru_utime + zelf.ru_stime + kind.ru_utime + kind.ru_stime}, f)
"""
KB = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss is in bytes on macOS


@dataclasses.dataclass
class Meting:
    seconden: float
    cpu: float  # seconds of processor time, all processes together
    hoofd: float  # MB, peak of the main process
    grootste_werker: float  # MB, peak of the largest child
    werkers: float  # MB, the children's peaks summed (sampled; 0 without /proc)
    boom: float  # MB, peak of the whole tree at one moment (sampled; 0 without /proc)
    processen: int  # how many processes the tree had in all


class Bemonstering(threading.Thread):
    """Samples the process tree under `wortel` through /proc: the peak of each process
    (VmHWM) and the peak of their sum at one moment (VmRSS)."""

    def __init__(self, wortel: int) -> None:
        super().__init__(daemon=True)
        self.wortel = wortel
        self.stop = threading.Event()
        self.pieken: dict[int, int] = {}  # pid -> VmHWM in kB
        self.boom = 0  # kB

    def run(self) -> None:
        while not self.stop.is_set():
            som = 0
            for pid in _boom(self.wortel):
                rss, hwm = _geheugen(pid)
                som += rss
                self.pieken[pid] = max(self.pieken.get(pid, 0), hwm)
            self.boom = max(self.boom, som)
            self.stop.wait(INTERVAL)


def _boom(wortel: int) -> list[int]:
    kinderen: dict[int, list[int]] = {}
    for pad in Path("/proc").iterdir():
        if pad.name.isdigit():
            try:
                ouder = int((pad / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kinderen.setdefault(ouder, []).append(int(pad.name))
    uit, open_ = [], [wortel]
    while open_:
        pid = open_.pop()
        uit.append(pid)
        open_ += kinderen.get(pid, [])
    return uit


def _geheugen(pid: int) -> tuple[int, int]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    waarden = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M))
    return int(waarden.get("VmRSS", 0)), int(waarden.get("VmHWM", 0))


def contracten_cli(regios: Path, *argumenten: str, werkmap: Path) -> tuple[Meting, str]:
    """Run `python -m contracten --regios REGIOS ARGUMENTEN…`; its measurement and stdout."""
    meting = werkmap / "meting.json"
    uit, fout = werkmap / "stdout.txt", werkmap / "stderr.txt"
    with uit.open("w") as stdout, fout.open("w") as stderr:
        begin = time.perf_counter()
        proces = subprocess.Popen([sys.executable, "-c", METER, str(meting), "--regios",
                                   str(regios), *argumenten], stdout=stdout, stderr=stderr,
                                  cwd=werkmap)
        bemonstering = Bemonstering(proces.pid)
        if Path("/proc/self/status").is_file():
            bemonstering.start()
        proces.wait()
        seconden = time.perf_counter() - begin
        bemonstering.stop.set()
        if bemonstering.is_alive():
            bemonstering.join()
    if proces.returncode:
        sys.exit(f"contracten {' '.join(argumenten)} faalde:\n{fout.read_text()}")
    rusage = json.loads(meting.read_text())
    werkers = sum(hwm for pid, hwm in bemonstering.pieken.items() if pid != proces.pid)
    return Meting(seconden, rusage["cpu"], rusage["zelf"] / KB, rusage["kind"] / KB, werkers / 1024,
                  bemonstering.boom / 1024, len(bemonstering.pieken)), uit.read_text()


def genereer(regios: Path, naam: str, uitvoer: Path, werkmap: Path) -> Meting:
    return contracten_cli(regios, "genereer", naam, "--uitvoer", str(uitvoer), "--datum",
                          DATUM.isoformat(), "--sjablonen", str(sjablonen()), werkmap=werkmap)[0]


def valideer(regios: Path, naam: str, werkmap: Path) -> Meting:
    return contracten_cli(regios, "valideer", naam, "--sjablonen", str(sjablonen()),
                          werkmap=werkmap)[0]


def word_bestanden(map_: Path) -> dict[str, int]:
    """Every .docx under `map_` with its inode: a file that was written anew has a new one."""
    return {p.relative_to(map_).as_posix(): p.stat().st_ino for p in map_.rglob("*.docx")}


# --- comparing the text ----------------------------------------------------------------------

def alineas(docx: Path) -> list[str]:
    """The text of every paragraph of word/document.xml, except the result of a table of contents
    field: the engine fills that with the document's headings, docxtpl leaves it for Word."""
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        document = etree.fromstring(z.read("word/document.xml"))
    uit = []
    diepte = 0  # > 0: inside a TOC field (nested fields counted)
    for p in document.iter(f"{W}p"):
        in_inhoudsopgave = diepte > 0
        for el in p.iter(f"{W}fldChar", f"{W}instrText"):
            if el.tag == f"{W}instrText":
                if not diepte and (el.text or "").strip().startswith("TOC"):
                    diepte = 1
                    in_inhoudsopgave = True
            elif diepte and el.get(f"{W}fldCharType") in ("begin", "end"):
                diepte += 1 if el.get(f"{W}fldCharType") == "begin" else -1
        if not in_inhoudsopgave:
            uit.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return uit


def verschillen(a: Path, b: Path) -> tuple[int, list[str]]:
    """The number of documents compared, and a description of each that differs."""
    paden_a, paden_b = set(word_bestanden(a)), set(word_bestanden(b))
    uit = [f"{p}: alleen in de docxtpl-lus" for p in sorted(paden_a - paden_b)]
    uit += [f"{p}: alleen in contracten genereer" for p in sorted(paden_b - paden_a)]
    for pad in sorted(paden_a & paden_b):
        tekst_a, tekst_b = alineas(a / pad), alineas(b / pad)
        if tekst_a != tekst_b:
            i = next((i for i, (x, y) in enumerate(zip(tekst_a, tekst_b, strict=False)) if x != y),
                     min(len(tekst_a), len(tekst_b)))
            uit.append(f"{pad}: alinea {i + 1} verschilt "
                       f"({tekst_a[i:i + 1]!r} tegen {tekst_b[i:i + 1]!r})")
    return len(paden_a | paden_b), uit


# --- the run ---------------------------------------------------------------------------------

def getal(waarde: float, decimalen: int = 1) -> str:
    """Dutch notation: 1.234,5."""
    return (f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",")
            .replace(" ", "."))


@dataclasses.dataclass
class Schaal:
    aanbieders: int
    documenten: int
    genereer: Meting
    rerun: Meting
    rerun_gemaakt: int  # documents written by the unchanged rerun (should be none)
    gewijzigd: Meting
    gemaakt: int  # documents remade after changing one aanbieder
    verwacht: int
    valideer: Meting


def schaal(regios: Path, naam: str, aantal: int, uitvoer: Path, werkmap: Path,
           eerste: Meting | None) -> Schaal:
    """The scale figures of one region; `eerste` is a `genereer` run into `uitvoer` already
    measured (else one is made)."""
    if eerste is None:
        eerste = genereer(regios, naam, uitvoer, werkmap)
    profiel = contracten.laad_regio(regios, naam)
    map_ = uitvoer / naam / str(profiel.laatste_prijspeil())
    kinds = genereer_soorten(profiel)
    documenten = sum(len(profiel.contracten) if s.per_contract else 1 for s in kinds)
    verwacht = sum(1 for s in kinds if s.per_contract or s.alle_aanbieders)
    voor = word_bestanden(map_)
    rerun = genereer(regios, naam, uitvoer, werkmap)
    na_rerun = word_bestanden(map_)
    wijzig_een_aanbieder(regios, naam)
    gewijzigd = genereer(regios, naam, uitvoer, werkmap)
    na = word_bestanden(map_)
    return Schaal(aantal, documenten, eerste, rerun, nieuw(voor, na_rerun), gewijzigd,
                  nieuw(na_rerun, na), verwacht, valideer(regios, naam, werkmap))


def nieuw(voor: dict[str, int], na: dict[str, int]) -> int:
    """How many documents were written anew between two looks at a folder."""
    return sum(1 for pad, inode in na.items() if voor.get(pad) != inode)


def main() -> int:
    if sys.argv[1:2] == ["_basislijn"]:
        regios, naam, manifest, uitvoer = sys.argv[2:6]
        print(json.dumps(basislijn(Path(regios), naam, Path(manifest), Path(uitvoer))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", type=int, nargs=2, default=GROOTTES, metavar="N",
                        help="two numbers of aanbieders (default 1000 5000)")
    parser.add_argument("--klein", action="store_true",
                        help=f"quick run: {KLEIN[0]} and {KLEIN[1]} aanbieders")
    parser.add_argument("--paren", type=int, default=PAREN,
                        help="runs of the loop and of the command each, alternated")
    parser.add_argument("--werkmap", type=Path, help="an empty folder to keep everything in "
                        "(default: a temporary folder, removed afterwards)")
    args = parser.parse_args()
    groottes = KLEIN if args.klein else tuple(args.groottes)
    if args.werkmap is not None and args.werkmap.exists() and any(args.werkmap.iterdir()):
        sys.exit(f"De werkmap {args.werkmap} is niet leeg.")
    werkmap = args.werkmap or Path(tempfile.mkdtemp(prefix="contracten-bench-"))
    werkmap.mkdir(parents=True, exist_ok=True)
    try:
        return meet(werkmap, groottes, args.paren, verhouding_telt=not args.klein)
    finally:
        if args.werkmap is None:
            shutil.rmtree(werkmap, ignore_errors=True)


def meet(werkmap: Path, groottes: tuple[int, ...], paren: int, verhouding_telt: bool) -> int:
    kopieer_code(werkmap)
    regios = werkmap / "regios"
    namen = [f"groot-{n}" for n in groottes]
    for naam, n in zip(namen, groottes, strict=True):
        maak_regio(regios, naam, n)
    print(f"Werkmap {werkmap}; {os.cpu_count()} kernen, Python {sys.version.split()[0]}; "
          f"belasting van de machine vooraf {getal(os.getloadavg()[0], 2)}.", flush=True)

    # 1. The ratio, at the smaller size: B first (A needs its version stamps), then A B A B …
    naam = namen[0]
    lussen: list[tuple[float, float]] = []
    metingen_b: list[Meting] = []
    for i in range(1, paren + 1):
        metingen_b.append(genereer(regios, naam, werkmap / f"b{i}", werkmap))
        print(f"  contracten genereer {i}: {getal(metingen_b[-1].seconden)} s", flush=True)
        manifest = next((werkmap / "b1" / naam).glob("*/manifest.json"))
        lussen.append(draai_basislijn(regios, naam, manifest, werkmap / f"a{i}"))
        print(f"  docxtpl-lus {i}:         {getal(lussen[-1][0])} s", flush=True)
    aantal, afwijkend = verschillen(werkmap / "a1", manifest.parent)
    for i in range(2, paren + 1):
        shutil.rmtree(werkmap / f"a{i}", ignore_errors=True)
        shutil.rmtree(werkmap / f"b{i}", ignore_errors=True)

    # 2. Scale: the first size goes on with the output of B's first run.
    eerste = dataclasses.replace(
        metingen_b[0], seconden=statistics.median(m.seconden for m in metingen_b),
        cpu=statistics.median(m.cpu for m in metingen_b),
        hoofd=max(m.hoofd for m in metingen_b), werkers=max(m.werkers for m in metingen_b),
        grootste_werker=max(m.grootste_werker for m in metingen_b),
        boom=max(m.boom for m in metingen_b))
    schalen = []
    for i, (naam, n) in enumerate(zip(namen, groottes, strict=True)):
        print(f"  schaal: {getal(n, 0)} aanbieders …", flush=True)
        schalen.append(schaal(regios, naam, n, werkmap / ("b1" if i == 0 else f"s{i}"),
                              werkmap, eerste if i == 0 else None))
    return rapport(lussen, metingen_b, aantal, afwijkend, schalen, verhouding_telt)


def rapport(lussen: list[tuple[float, float]], metingen_b: list[Meting], aantal: int,
            afwijkend: list[str], schalen: list[Schaal], verhouding_telt: bool) -> int:
    mislukt: list[str] = []

    def toets(goed: bool, wat: str) -> str:
        if not goed:
            mislukt.append(wat)
        return "ok" if goed else "NIET GEHAALD"

    klein, groot = schalen
    print(f"\n1. Tegen een gewone docxtpl-lus ({getal(klein.aanbieders, 0)} aanbieders, "
          f"{getal(klein.documenten, 0)} documenten, afwisselend, elk een eigen proces)")
    print(f"   {'run':<5}{'docxtpl-lus':>14}{'contracten genereer':>22}{'verhouding':>13}")
    tijden_a = [wand for wand, _ in lussen]
    for i, (a, b) in enumerate(zip(tijden_a, metingen_b, strict=True), 1):
        print(f"   {i:<5}{getal(a) + ' s':>14}{getal(b.seconden) + ' s':>22}"
              f"{getal(a / b.seconden) + '×':>13}")
    verhouding = sum(tijden_a) / sum(b.seconden for b in metingen_b)
    oordeel = (toets(verhouding >= MIN_VERHOUDING, "verhouding") if verhouding_telt
               else "alleen ter indicatie (--klein)")
    print(f"   samen: {getal(verhouding)}× (doel ≥ {getal(MIN_VERHOUDING, 0)}×): {oordeel}")
    print(f"   per document: lus {getal(sum(tijden_a) / len(tijden_a) / klein.documenten * 1000)}"
          f" ms, contracten genereer "
          f"{getal(statistics.median(b.seconden for b in metingen_b) / klein.documenten * 1000)}"
          " ms (hele opdracht: opstarten, laden, .md-tweelingen, manifest)")
    print(f"   processortijd: lus {getal(sum(c for _, c in lussen))} s, contracten genereer "
          f"{getal(sum(b.cpu for b in metingen_b))} s (alle processen): "
          f"{getal(sum(c for _, c in lussen) / sum(b.cpu for b in metingen_b))}× (zonder de winst "
          "van meer kernen; minder gevoelig voor ander werk op de machine)")
    gelijk = toets(not afwijkend, "tekst")
    print(f"   tekst gelijk in alle {getal(aantal, 0)} documenten: {gelijk}")
    for afwijking in afwijkend[:5]:
        print(f"     {afwijking}")

    print(f"\n2. Schaal (tijd in seconden, geheugen als piek-RSS in MB; {klein.aanbieders} → "
          f"{groot.aanbieders} aanbieders)")
    kolom = [f"{getal(s.aanbieders, 0)} aanbieders" for s in schalen]
    print(f"   {'':<48}{kolom[0]:>18}{kolom[1]:>18}{'groei':>8}  doel")
    print(f"   {'documenten':<48}{getal(klein.documenten, 0):>18}{getal(groot.documenten, 0):>18}"
          f"{getal(groot.documenten / klein.documenten) + '×':>8}")

    def regel(wat: str, waarden: tuple[float, float], max_groei: float | None = None,
              decimalen: int = 1) -> None:
        groei = waarden[1] / waarden[0] if waarden[0] else 0.0
        doel = (f"≤ {getal(max_groei)}×: {toets(groei <= max_groei, wat)}"
                if max_groei is not None else "")
        print(f"   {wat:<48}{getal(waarden[0], decimalen):>18}{getal(waarden[1], decimalen):>18}"
              f"{getal(groei) + '×':>8}  {doel}")

    def beide(waarde: Callable[[Schaal], float]) -> tuple[float, float]:
        return waarde(klein), waarde(groot)

    regel("genereer: tijd", beide(lambda s: s.genereer.seconden), MAX_TIJDGROEI)
    regel("genereer: processortijd, alle processen", beide(lambda s: s.genereer.cpu),
          MAX_TIJDGROEI)
    regel("genereer: piek hoofdproces", beide(lambda s: s.genereer.hoofd), MAX_GEHEUGENGROEI, 0)
    regel("genereer: piek grootste werkproces", beide(lambda s: s.genereer.grootste_werker),
          None, 0)
    if klein.genereer.werkers:
        regel("genereer: pieken werkprocessen opgeteld", beide(lambda s: s.genereer.werkers),
              MAX_GEHEUGENGROEI, 0)
        regel("genereer: hele procesboom tegelijk (bemonsterd)", beide(lambda s: s.genereer.boom),
              MAX_GEHEUGENGROEI, 0)
        print(f"   {'genereer: processen':<48}{klein.genereer.processen:>18}"
              f"{groot.genereer.processen:>18}")
    regel("ongewijzigde rerun: tijd", beide(lambda s: s.rerun.seconden), MAX_TIJDGROEI, 2)
    for s in schalen:
        toets(s.rerun_gemaakt == 0, f"ongewijzigde rerun bij {s.aanbieders}")
    print(f"   {'ongewijzigde rerun: documenten gemaakt':<48}{klein.rerun_gemaakt:>18}"
          f"{groot.rerun_gemaakt:>18}{'':>8}  geen: "
          f"{'ok' if not klein.rerun_gemaakt and not groot.rerun_gemaakt else 'NIET GEHAALD'}")
    regel("één aanbieder gewijzigd: tijd", beide(lambda s: s.gewijzigd.seconden), MAX_TIJDGROEI, 2)
    regel("één aanbieder gewijzigd: piek hoofdproces", beide(lambda s: s.gewijzigd.hoofd), None, 0)
    for s in schalen:
        toets(s.gemaakt == s.verwacht, f"opnieuw gemaakt bij {s.aanbieders}")
    print(f"   {'één aanbieder gewijzigd: documenten gemaakt':<48}"
          f"{f'{klein.gemaakt} (van {klein.verwacht})':>18}"
          f"{f'{groot.gemaakt} (van {groot.verwacht})':>18}{'':>8}  "
          f"alleen die aanbieder en het overzicht: "
          f"{'ok' if all(s.gemaakt == s.verwacht for s in schalen) else 'NIET GEHAALD'}")
    regel("valideer: tijd", beide(lambda s: s.valideer.seconden), MAX_TIJDGROEI, 2)
    regel("valideer: processortijd", beide(lambda s: s.valideer.cpu), MAX_TIJDGROEI, 2)
    regel("valideer: piek", beide(lambda s: s.valideer.hoofd), None, 0)

    print(f"\nBelasting van de machine na afloop: {getal(os.getloadavg()[0], 2)} "
          "(1-minuutgemiddelde; ander werk maakt vooral de verhouding en de tijden onbetrouwbaar).")
    if mislukt:
        print(f"Doelen niet gehaald: {', '.join(mislukt)}.")
        return 1
    print("Alle doelen gehaald.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
