"""Bulk generation, measured against the goals of issue 31: speed against a plain docxtpl loop
and against the floor, how time and memory scale, reruns, `valideer`, start-up and PDF.

    python benchmarks/bulk.py                  # 1,000 and 5,000 aanbieders
    python benchmarks/bulk.py --groottes 1000 5000 10000 20000
    python benchmarks/bulk.py --klein          # 100 and 500 aanbieders: a quick check
    python benchmarks/bulk.py --groottes 1000 --paren 3 --werkmap /tmp/bench --zonder-pdf

Uses only the public API and the command line as a user runs it (`python -m contracten`); the
baseline builds its contexts with the document kinds (`contracten.soorten.register.soorten`,
`Soort.context_van`), our filters (`contracten.opmaak`), the article counter
(`contracten.weergave.sjabloon.ArtikelTeller`) and `contracten.weergave.word.vul` for the
Fragments, and renders them with plain docxtpl.

A synthetic region is built per size from regios/assen by copying its aanbieders N times, each
copy with its own id, name, KvK and AGB number (about 2·N + 2 documents). Then:

1. Ratio and floor. At the smallest size, alternately (B V A B V A …, each a fresh process):
   A = a plain docxtpl loop: per document `DocxTemplate(path)`, `render(context, jinja_env=…)`
       (a sandboxed StrictUndefined autoescape environment with our filters) and `save`; the same
       templates and contexts (Fragments as docxtpl subdocuments), no deterministic re-zip.
       Timed: the loop only (contexts, render, save), not start-up or loading the region.
   B = `python -m contracten genereer` into an empty folder. Timed: the whole process (start-up,
       loading, .md twins, manifest, commit), on all cores as a user gets it.
   V = the floor: the least any generator must do per document. Every .docx B wrote is written
       again with Python's zipfile, with the same parts, only word/document.xml compressed (at
       zlib's default level; the other parts stored), to disk; the parts are read first, only
       the writing is timed (processor time).
   The ratio is sum(A) / sum(B) in wall time, and in processor time (all processes of B): that
   leaves out the gain of more cores and is less sensitive to other work on the machine. Beside
   it B's processor time per document against the floor's. The text of every paragraph of
   word/document.xml must be the same in A's and B's output, document by document, except a
   table of contents: our engine fills its field with the document's headings, docxtpl leaves
   it for Word to update.
2. Scale. At every size: wall time, processor time of all processes, and peak memory of
   `genereer` (the main process and the largest worker from getrusage; the peaks of all other
   processes summed, multiprocessing's resource tracker included, and the whole tree at one
   moment, both sampled every 0.1 s through /proc: Linux only), an unchanged rerun (must write
   nothing; run OPSTARTS times, the median counts), a rerun after changing one aanbieder's
   telephone number (must remake only its documents, not the overview that lists all
   aanbieders, which does not show it; OPSTARTS times, each time another number, the median
   counts), as a new process and taken up by `genereer --volg` (the goal counts the run that
   --volg makes, from taking the change up to its end, as it reports it; beside it the time
   from writing the change to that report, with the quiet --volg waits for), and `valideer`,
   each as a share of `genereer` (`valideer`'s goal from VALIDEER_VANAF aanbieders on, as
   issue 31 sets it; below that its start-up is most of it).
   Then, without a goal, a rerun after changing one aanbieder's aanneemsom, which the overview
   shows (OVERZICHT_KEER times, the median counts): its large table measures and fits only the
   piece with that row again, the rest comes from the cache folder.
   The measured processes have a cache folder of their own (`CONTRACTEN_CACHE` in the work
   folder), warmed by one run that is not measured (and, before the start-ups, one with PDFs,
   for the LibreOffice profile kept there); before each full `genereer` only what it keeps of
   the overview's table is emptied, so that a full run is a first generation.
3. Start-up and PDF. `python -m contracten --help` and `… regios`, each started OPSTARTS times
   (the median counts; Python's own start included), and once with `-X importtime`: all imports
   together and the heaviest. PDF: `genereer --formaat pdf` against `genereer` on a region of
   PDF_AANBIEDERS aanbieders, per document converted (the pdf that bundles the letters is
   not counted), PDF_PAREN pairs, the median of the differences (needs LibreOffice;
   --zonder-pdf leaves it out).

The code is copied into the work folder first (contracten/ and sjablonen/, byte-compiled), and
every process measured runs that copy: edits to the checkout while the benchmark runs do not
change what is measured. Before each measured command the disk is brought up to date
(`os.sync`, not timed): no command pays for the writeback of what the one before it wrote.
Nothing is removed while measuring (the floor's copies and every run's output stay until the
end, only the two PDF folders go right after their own measurement, the last): on ext4 without a
journal (as on the machine this was measured on), creating files within a minute or so of
removing thousands costs kernel time (the allocator passes over each recently freed inode), and
the next measured command would pay for the removal (a `genereer` of 1,000 aanbieders right
after removing 8,000 files took 2.5 to 3.6 s of system time instead of 0.6 s here). For the same
reason, do not start the benchmark right after removing a large folder (an earlier work
folder): wait a few minutes. The processor time spent in the kernel is printed beside the
ratio. At the four sizes the work folder takes some 12 GB of disk (the floor writes its copies
unpacked: 1.6 GB per pair at 1,000 aanbieders); with --werkmap it can be put on a disk rather
than a /tmp held in memory.
The goals are the constants below; the script exits with 1 when one
is not met. With --klein the ratio, the floor and the shares of a full run (the reruns,
`valideer`) are shown but not checked: at a few hundred documents the command's start-up
dominates. Results are printed in Dutch, with the machine's
cores and load before and after.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import queue
import re
import shutil
import signal
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

# Goals (issue 31): the script exits with 1 when one is not met.
MIN_VERHOUDING = 20.0  # contracten genereer at least this many times faster than the loop (wall)
MIN_VERHOUDING_CPU = 10.0  # … and in processor time (all processes)
MAX_BOVEN_VLOER = 1.5  # our processor time per document / the floor's (see `vloer`)
MAX_BOOM_MB = 320.0  # peak memory of the whole process tree at one moment, at every size
MAX_EEN_WIJZIGING = 0.05  # rerun after one aanbieder changed / full run (wall), at every size
MAX_ONGEWIJZIGD = 0.02  # unchanged rerun / full run (wall), at every size …
MAX_ONGEWIJZIGD_GROEI = 1.25  # … and not growing: that share at the largest / smallest size
MAX_VALIDEER = 0.10  # valideer / genereer (wall), …
VALIDEER_VANAF = 10_000  # … from this many aanbieders on (issue 31's row: 'valideer at 10,000')
MAX_TIJDGROEI = 1.25  # genereer's time per aanbieder, largest size / smallest: linear
MAX_HELP = 0.15  # seconds: `contracten --help`
MAX_REGIOS = 0.25  # seconds: `contracten regios`
MAX_PDF = 0.09  # seconds of PDF conversion per document (on the machine's cores)

GROOTTES = (1000, 5000)
KLEIN = (100, 500)
PAREN = 2
PDF_AANBIEDERS = 20  # the PDF goal is measured on a region of this size (42 documents), …
PDF_PAREN = 3  # … in this many pairs (the median of the differences counts)
OPSTARTS = 5  # start-ups and unchanged reruns measured per command (the median counts)
OVERZICHT_KEER = 3  # reruns after a change the overview shows (the median counts; no goal)
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


def wijzig_een_aanbieder(regios: Path, naam: str, keer: int = 0) -> None:
    """Change the telephone number of the first aanbieder only (each `keer` another one)."""
    pad = regios / naam / "aanbieders.yaml"
    tekst, n = re.subn(r'telefoon: "[^"]*"', f'telefoon: "0592 799 {900 + keer}"',
                       pad.read_text(encoding="utf-8"), count=1)
    assert n == 1, "geen telefoonnummer gevonden om te wijzigen"
    pad.write_text(tekst, encoding="utf-8")


def wijzig_een_bedrag(regios: Path, naam: str, keer: int = 0) -> None:
    """Change the aanneemsom of the first aanbieder only, by a few cents (each `keer` another
    amount): a change the social-return overview shows, in one of its rows."""
    pad = regios / naam / "aanbieders.yaml"
    tekst, n = re.subn(r"aanneemsom: (\d+)\.\d\d", rf"aanneemsom: \g<1>.{10 + keer:02d}",
                       pad.read_text(encoding="utf-8"), count=1)
    assert n == 1, "geen aanneemsom gevonden om te wijzigen"
    pad.write_text(tekst, encoding="utf-8")


def zonder_bewaarde_stukken(werkmap: Path) -> None:
    """Empty what runs keep of the overview's large table (the cache folder's `tabellen/`), so
    that a full run measures a first generation: a region generated before finds the pieces of
    its overview there. Done before each full `genereer`: a hundred small files or so, too few
    for the removal to cost the next command (see the module)."""
    shutil.rmtree(werkmap / "cache" / "tabellen", ignore_errors=True)


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
    begin, processor, kernel = time.perf_counter(), time.process_time(), os.times().system
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
            "kernel": os.times().system - kernel, "documenten": aantal}


def draai_basislijn(regios: Path, naam: str, manifest: Path, uitvoer: Path
                    ) -> tuple[float, float, float]:
    """Run A in a fresh process: the loop's wall time, processor time and the part of that in
    the kernel, in seconds."""
    schijf_bij()
    proces = subprocess.run(
        [sys.executable, __file__, "_basislijn", str(regios), naam, str(manifest), str(uitvoer)],
        capture_output=True, text=True)
    if proces.returncode:
        sys.exit(f"De docxtpl-lus faalde:\n{proces.stderr}")
    meting = json.loads(proces.stdout.strip().splitlines()[-1])
    return meting["seconden"], meting["cpu"], meting["kernel"]


# --- the floor: writing the same documents and nothing else (runs in its own process) -------

def vloer(map_: Path, doel: Path) -> dict[str, Any]:
    """The least any generator must do per document: write a .docx with the same parts, only
    word/document.xml compressed (Python's zipfile at zlib's default level, the other parts
    stored), to disk. The parts are read from `map_` (B's output) first; timed is the writing."""
    documenten = []
    for pad in sorted(map_.rglob("*.docx")):
        with zipfile.ZipFile(pad) as z:
            documenten.append((pad.relative_to(map_),
                               [(info.filename, z.read(info.filename)) for info in z.infolist()]))
    begin, processor = time.perf_counter(), time.process_time()
    for relatief, delen in documenten:
        plek = doel / relatief
        plek.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(plek, "w") as z:
            for naam, inhoud in delen:
                z.writestr(naam, inhoud, zipfile.ZIP_DEFLATED if naam == "word/document.xml"
                           else zipfile.ZIP_STORED)
    return {"seconden": time.perf_counter() - begin, "cpu": time.process_time() - processor,
            "documenten": len(documenten)}


def draai_vloer(map_: Path, doel: Path) -> tuple[float, int]:
    """The floor in a fresh process: its processor time in seconds, and how many documents."""
    schijf_bij()
    proces = subprocess.run([sys.executable, __file__, "_vloer", str(map_), str(doel)],
                            capture_output=True, text=True)
    if proces.returncode:
        sys.exit(f"De vloer faalde:\n{proces.stderr}")
    meting = json.loads(proces.stdout.strip().splitlines()[-1])
    return meting["cpu"], meting["documenten"]


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
                   "cpu": zelf.ru_utime + zelf.ru_stime + kind.ru_utime + kind.ru_stime,
                   "kernel": zelf.ru_stime + kind.ru_stime}, f)
"""
KB = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss is in bytes on macOS


@dataclasses.dataclass
class Meting:
    seconden: float
    cpu: float  # seconds of processor time, all processes together
    kernel: float  # of which in the kernel (system time)
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


def schijf_bij() -> None:
    """Before a measured command: wait until what the steps before it wrote is on disk. Else
    the kernel writes it back while the command runs, and the command pays for the one before
    it (a rerun right after a full run at 10,000 aanbieders took 3.0 s instead of 2.5 s here;
    `genereer` right after the docxtpl loop wrote 2,002 documents, likewise)."""
    if hasattr(os, "sync"):
        os.sync()


def contracten_cli(regios: Path, *argumenten: str, werkmap: Path) -> tuple[Meting, str]:
    """Run `python -m contracten --regios REGIOS ARGUMENTEN…`; its measurement and stdout."""
    meting = werkmap / "meting.json"
    schijf_bij()
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
    return Meting(seconden, rusage["cpu"], rusage["kernel"], rusage["zelf"] / KB,
                  rusage["kind"] / KB, werkers / 1024, bemonstering.boom / 1024,
                  len(bemonstering.pieken)), uit.read_text()


def genereer(regios: Path, naam: str, uitvoer: Path, werkmap: Path, *extra: str) -> Meting:
    return contracten_cli(regios, "genereer", naam, "--uitvoer", str(uitvoer), "--datum",
                          DATUM.isoformat(), "--sjablonen", str(sjablonen()), *extra,
                          werkmap=werkmap)[0]


def valideer(regios: Path, naam: str, werkmap: Path) -> Meting:
    return contracten_cli(regios, "valideer", naam, "--sjablonen", str(sjablonen()),
                          werkmap=werkmap)[0]


def word_bestanden(map_: Path) -> dict[str, int]:
    """Every .docx under `map_` with its inode: a file that was written anew has a new one."""
    return {p.relative_to(map_).as_posix(): p.stat().st_ino for p in map_.rglob("*.docx")}


def volgen_rust_ms() -> int:
    """How long `--volg` waits for quiet before it takes a change up (of the code measured)."""
    from contracten.opdrachten import volgen as volgmodule

    return volgmodule.RUST_MS


@dataclasses.dataclass
class Volgen:
    seconden: float  # median: from writing the change to the line that ends its run
    eigen: float  # median: what the run itself says it took ("Klaar in …")
    gemaakt: int  # documents the last run wrote anew
    piek: float  # MB, peak of the following process (its first run included)


def volgen(regios: Path, naam: str, uitvoer: Path, werkmap: Path, keer: int) -> Volgen:
    """`genereer --volg` started once on the folder as it is (its first run is not measured),
    then OPSTARTS times one telephone number changed (numbers from `keer` on), each timed from
    the write to the line with which its run ends; then Ctrl+C, which must end it with 0."""
    map_ = next(uitvoer.joinpath(naam).glob("*/manifest.json")).parent
    fout = werkmap / "volgen-stderr.txt"
    with fout.open("w") as stderr:
        proces = subprocess.Popen(
            [sys.executable, "-m", "contracten", "--regios", str(regios), "genereer", naam,
             "--uitvoer", str(uitvoer), "--datum", DATUM.isoformat(), "--sjablonen",
             str(sjablonen()), "--volg"], stdout=subprocess.PIPE, stderr=stderr, text=True,
            cwd=werkmap)
        uit = proces.stdout
        assert uit is not None
        regels: queue.Queue[tuple[float, str]] = queue.Queue()

        def lees() -> None:
            for regel in uit:
                regels.put((time.perf_counter(), regel))

        lezer = threading.Thread(target=lees, daemon=True)
        lezer.start()

        def tot_klaar() -> tuple[float, str]:
            while True:
                try:
                    tijdstip, regel = regels.get(timeout=600)
                except queue.Empty:
                    proces.kill()
                    sys.exit(f"genereer --volg antwoordt niet:\n{fout.read_text()}")
                if regel.startswith("Niet gelukt"):
                    proces.kill()
                    sys.exit(f"genereer --volg faalde:\n{fout.read_text()}")
                if regel.startswith("Klaar in "):
                    return tijdstip, regel

        tot_klaar()
        tijden, eigen, gemaakt = [], [], 0
        for i in range(OPSTARTS):
            schijf_bij()
            voor = word_bestanden(map_)
            begin = time.perf_counter()
            wijzig_een_aanbieder(regios, naam, keer + i)
            eind, regel = tot_klaar()
            tijden.append(eind - begin)
            eigen.append(float(regel.split()[2].replace(",", ".")))
            gemaakt = nieuw(voor, word_bestanden(map_))
        piek = _geheugen(proces.pid)[1] / 1024
        proces.send_signal(signal.SIGINT)
        proces.wait(timeout=60)
        lezer.join(60)
    if proces.returncode:
        sys.exit(f"genereer --volg stopte met {proces.returncode}:\n{fout.read_text()}")
    return Volgen(statistics.median(tijden), statistics.median(eigen), gemaakt, piek)


# --- start-up and PDF -------------------------------------------------------------------------

@dataclasses.dataclass
class Opstart:
    opdracht: str
    seconden: float  # median wall time of OPSTARTS runs, the interpreter's own start included
    importtijd: float  # seconds: all imports together, from -X importtime
    zwaarste: list[tuple[str, float]]  # the heaviest top-level imports (name, seconds)


def opstart(regios: Path, werkmap: Path, *argumenten: str) -> Opstart:
    """`python -m contracten ARGUMENTEN…` started afresh OPSTARTS times, and once with
    `-X importtime` to see what its start-up imports."""
    opdracht = [sys.executable, "-m", "contracten", *argumenten]
    tijden = []
    schijf_bij()
    for _ in range(OPSTARTS):
        begin = time.perf_counter()
        proces = subprocess.run(opdracht, capture_output=True, text=True, cwd=werkmap)
        tijden.append(time.perf_counter() - begin)
        if proces.returncode:
            sys.exit(f"contracten {' '.join(argumenten)} faalde:\n{proces.stderr}")
    proces = subprocess.run([sys.executable, "-X", "importtime", *opdracht[1:]],
                            capture_output=True, text=True, cwd=werkmap)
    bovenste: dict[str, float] = {}  # top-level imports: cumulative microseconds
    for regel in proces.stderr.splitlines():
        gevonden = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", regel)
        if gevonden:  # no spaces before the name: imported by __main__ itself
            bovenste[gevonden.group(2)] = int(gevonden.group(1)) / 1e6
    zwaarste = sorted(bovenste.items(), key=lambda paar: -paar[1])[:3]
    return Opstart(" ".join(argumenten[-1:]), statistics.median(tijden),
                   sum(bovenste.values()), zwaarste)


def pdf_per_document(regios: Path, werkmap: Path) -> float | None:
    """Seconds of PDF conversion per document: `genereer --formaat pdf` against `genereer`, each
    into an empty folder, on a region of PDF_AANBIEDERS aanbieders. None without LibreOffice."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        return None
    naam = f"pdf-{PDF_AANBIEDERS}"
    if not (regios / naam).exists():
        maak_regio(regios, naam, PDF_AANBIEDERS)
    verschillen, documenten = [], 0
    for i in range(PDF_PAREN):  # nothing removed until all pairs are measured
        zonder = genereer(regios, naam, werkmap / f"pdf-zonder-{i}", werkmap)
        met = genereer(regios, naam, werkmap / f"pdf-met-{i}", werkmap, "--formaat", "pdf")
        verschillen.append(met.seconden - zonder.seconden)
        # The documents converted, not the pdf that bundles the letters (made from theirs).
        documenten = len(list((werkmap / f"pdf-met-{i}").rglob("*.docx")))
    for i in range(PDF_PAREN):
        for map_ in (f"pdf-zonder-{i}", f"pdf-met-{i}"):
            shutil.rmtree(werkmap / map_, ignore_errors=True)
    return statistics.median(verschillen) / max(documenten, 1)


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
    overzicht: Meting  # rerun after changing an amount the overview shows (no goal)
    volg: Volgen  # the same change, taken up by `genereer --volg`


def schaal(regios: Path, naam: str, aantal: int, uitvoer: Path, werkmap: Path,
           eerste: Meting | None) -> Schaal:
    """The scale figures of one region; `eerste` is a `genereer` run into `uitvoer` already
    measured (else one is made)."""
    if eerste is None:
        zonder_bewaarde_stukken(werkmap)
        eerste = genereer(regios, naam, uitvoer, werkmap)
    profiel = contracten.laad_regio(regios, naam)
    map_ = uitvoer / naam / str(profiel.laatste_prijspeil())
    kinds = genereer_soorten(profiel)
    documenten = sum(len(profiel.contracten) if s.per_contract else 1 for s in kinds)
    # a new telephone number: the overview that lists every aanbieder does not show it
    verwacht = sum(1 for s in kinds if s.per_contract)
    voor = word_bestanden(map_)
    # An unchanged rerun takes a tenth of a second: one sample is at the mercy of whatever else
    # the machine did in that tenth (one in twelve took half a second here). So, as start-up,
    # it is run OPSTARTS times and the median counts; none of them may write anything.
    reruns = sorted((genereer(regios, naam, uitvoer, werkmap) for _ in range(OPSTARTS)),
                    key=lambda meting: meting.seconden)
    rerun = reruns[len(reruns) // 2]
    na_rerun = word_bestanden(map_)
    # One run after a change is as much at the mercy of the machine as one unchanged rerun:
    # OPSTARTS changes, one after the other (each time another number), the median counts.
    gewijzigden = []
    for keer in range(OPSTARTS):
        wijzig_een_aanbieder(regios, naam, keer)
        gewijzigden.append(genereer(regios, naam, uitvoer, werkmap))
    gewijzigd = sorted(gewijzigden, key=lambda meting: meting.seconden)[len(gewijzigden) // 2]
    na = word_bestanden(map_)
    # The same changes, taken up by a process that follows the region (the goal's measure).
    gevolgd = volgen(regios, naam, uitvoer, werkmap, OPSTARTS)
    gecontroleerd = valideer(regios, naam, werkmap)
    # An amount in the overview: its large table measures and fits only the piece of the row
    # that changed (the rest comes from the cache folder); its workbook and CSVs are whole.
    bedragen = []
    for keer in range(OVERZICHT_KEER):
        wijzig_een_bedrag(regios, naam, keer)
        bedragen.append(genereer(regios, naam, uitvoer, werkmap))
    overzicht = sorted(bedragen, key=lambda meting: meting.seconden)[len(bedragen) // 2]
    return Schaal(aantal, documenten, eerste, rerun, nieuw(voor, na_rerun), gewijzigd,
                  nieuw(na_rerun, na), verwacht, gecontroleerd, overzicht, gevolgd)


def nieuw(voor: dict[str, int], na: dict[str, int]) -> int:
    """How many documents were written anew between two looks at a folder."""
    return sum(1 for pad, inode in na.items() if voor.get(pad) != inode)


def main() -> int:
    if sys.argv[1:2] == ["_basislijn"]:
        regios, naam, manifest, uitvoer = sys.argv[2:6]
        print(json.dumps(basislijn(Path(regios), naam, Path(manifest), Path(uitvoer))))
        return 0
    if sys.argv[1:2] == ["_vloer"]:
        print(json.dumps(vloer(Path(sys.argv[2]), Path(sys.argv[3]))))
        return 0
    # Started in the background by a shell (`nohup python benchmarks/bulk.py … &`), this process
    # ignores Ctrl+C, and so would every process it starts: `genereer --volg` would then not
    # end on the Ctrl+C that ends its measurement. A handler here is reset to the default in
    # the processes started.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", type=int, nargs="+", default=GROOTTES, metavar="N",
                        help="numbers of aanbieders, e.g. 1000 5000 10000 20000 (default "
                        "1000 5000); the ratio is measured at the smallest")
    parser.add_argument("--klein", action="store_true",
                        help=f"quick run: {KLEIN[0]} and {KLEIN[1]} aanbieders; the ratio and "
                        "the floor are shown, not checked")
    parser.add_argument("--paren", type=int, default=PAREN,
                        help="runs of the loop and of the command each, alternated")
    parser.add_argument("--zonder-pdf", action="store_true",
                        help="leave the PDF goal out (e.g. without LibreOffice)")
    parser.add_argument("--werkmap", type=Path, help="an empty folder to keep everything in "
                        "(default: a temporary folder, removed afterwards)")
    args = parser.parse_args()
    groottes = KLEIN if args.klein else tuple(sorted(set(args.groottes)))
    if any(n < 1 for n in groottes):
        sys.exit("Een grootte is een aantal aanbieders: 1 of meer.")
    if args.werkmap is not None and args.werkmap.exists() and any(args.werkmap.iterdir()):
        sys.exit(f"De werkmap {args.werkmap} is niet leeg.")
    werkmap = args.werkmap or Path(tempfile.mkdtemp(prefix="contracten-bench-"))
    werkmap.mkdir(parents=True, exist_ok=True)
    try:
        return meet(werkmap, groottes, args.paren, verhouding_telt=not args.klein,
                    met_pdf=not args.zonder_pdf)
    finally:
        if args.werkmap is None:
            shutil.rmtree(werkmap, ignore_errors=True)


@dataclasses.dataclass
class Verhouding:
    lussen: list[tuple[float, float, float]]  # A: (wall, processor, kernel) per run
    metingen_b: list[Meting]
    vloeren: list[float]  # processor seconds of the floor, one per run of B
    documenten: int
    aantal: int  # documents whose text was compared
    afwijkend: list[str]


def meet(werkmap: Path, groottes: tuple[int, ...], paren: int, verhouding_telt: bool,
         met_pdf: bool) -> int:
    kopieer_code(werkmap)
    regios = werkmap / "regios"
    namen = [f"groot-{n}" for n in groottes]
    for naam, n in zip(namen, groottes, strict=True):
        maak_regio(regios, naam, n)
    # A cache folder of its own (what the user's holds does not count), warmed by one run that
    # is not measured: compiled templates and read profiles are there from the start, as for a
    # user's every run after the first. Only the overview's pieces are emptied before each
    # full run (`zonder_bewaarde_stukken`).
    os.environ["CONTRACTEN_CACHE"] = str(werkmap / "cache")
    print("  opwarmen …", flush=True)
    genereer(regios, namen[0], werkmap / "opwarmen", werkmap)
    print(f"Werkmap {werkmap}; {os.cpu_count()} kernen, Python {sys.version.split()[0]}; "
          f"belasting van de machine vooraf {getal(os.getloadavg()[0], 2)}.", flush=True)

    # 1. The ratio and the floor, at the smallest size: B first (A needs its version stamps),
    #    then the floor on B's output, then A; and again.
    naam = namen[0]
    lussen: list[tuple[float, float, float]] = []
    metingen_b: list[Meting] = []
    vloeren: list[float] = []
    documenten = 0
    for i in range(1, paren + 1):
        zonder_bewaarde_stukken(werkmap)
        metingen_b.append(genereer(regios, naam, werkmap / f"b{i}", werkmap))
        print(f"  contracten genereer {i}: {getal(metingen_b[-1].seconden)} s", flush=True)
        manifest = next((werkmap / f"b{i}" / naam).glob("*/manifest.json"))
        cpu, documenten = draai_vloer(manifest.parent, werkmap / f"v{i}")
        vloeren.append(cpu)
        print(f"  vloer {i}:                {getal(cpu)} s processortijd", flush=True)
        manifest = next((werkmap / "b1" / naam).glob("*/manifest.json"))
        lussen.append(draai_basislijn(regios, naam, manifest, werkmap / f"a{i}"))
        print(f"  docxtpl-lus {i}:         {getal(lussen[-1][0])} s", flush=True)
    aantal, afwijkend = verschillen(werkmap / "a1", manifest.parent)
    verhouding = Verhouding(lussen, metingen_b, vloeren, documenten, aantal, afwijkend)

    # 2. Scale: the first size goes on with the output of B's first run.
    eerste = dataclasses.replace(
        metingen_b[0], seconden=statistics.median(m.seconden for m in metingen_b),
        cpu=statistics.median(m.cpu for m in metingen_b),
        kernel=statistics.median(m.kernel for m in metingen_b),
        hoofd=max(m.hoofd for m in metingen_b), werkers=max(m.werkers for m in metingen_b),
        grootste_werker=max(m.grootste_werker for m in metingen_b),
        boom=max(m.boom for m in metingen_b))
    schalen = []
    for i, (naam, n) in enumerate(zip(namen, groottes, strict=True)):
        print(f"  schaal: {getal(n, 0)} aanbieders …", flush=True)
        schalen.append(schaal(regios, naam, n, werkmap / ("b1" if i == 0 else f"s{i}"),
                              werkmap, eerste if i == 0 else None))

    # 3. Start-up and PDF. First the LibreOffice profile a run with PDFs keeps in the cache
    #    folder (else the PDF run measured would pay for making one, as only a user's very first
    #    run with PDFs does). Here, not with the first warm-up: each LibreOffice works in a copy
    #    of that profile, removed afterwards, and what is removed costs the next command that
    #    makes files (see the module); start-up makes none.
    if met_pdf and (shutil.which("soffice") or shutil.which("libreoffice")):
        naam = f"pdf-{PDF_AANBIEDERS}"
        maak_regio(regios, naam, PDF_AANBIEDERS)
        genereer(regios, naam, werkmap / "opwarmen-pdf", werkmap, "--formaat", "pdf")
    print("  opstarten …", flush=True)
    opstarts = [(opstart(regios, werkmap, "--help"), MAX_HELP),
                (opstart(regios, werkmap, "--regios", str(BRON.parent), "regios"), MAX_REGIOS)]
    pdf: float | None = None
    if met_pdf:
        print(f"  pdf ({PDF_AANBIEDERS} aanbieders) …", flush=True)
        pdf = pdf_per_document(regios, werkmap)
    return rapport(verhouding, schalen, opstarts, pdf, verhouding_telt, met_pdf)


def rapport(v: Verhouding, schalen: list[Schaal], opstarts: list[tuple[Opstart, float]],
            pdf: float | None, verhouding_telt: bool, met_pdf: bool) -> int:
    mislukt: list[str] = []

    def toets(goed: bool, wat: str, telt: bool = True) -> str:
        if not telt:
            return "alleen ter indicatie (--klein)"
        if not goed:
            mislukt.append(wat)
        return "ok" if goed else "NIET GEHAALD"

    klein = schalen[0]
    print(f"\n1. Tegen een gewone docxtpl-lus ({getal(klein.aanbieders, 0)} aanbieders, "
          f"{getal(klein.documenten, 0)} documenten, afwisselend, elk een eigen proces)")
    print(f"   {'run':<5}{'docxtpl-lus':>14}{'contracten genereer':>22}{'verhouding':>13}"
          f"{'vloer (processor)':>20}")
    tijden_a = [wand for wand, _, _ in v.lussen]
    for i, (a, b, vl) in enumerate(zip(tijden_a, v.metingen_b, v.vloeren, strict=True), 1):
        print(f"   {i:<5}{getal(a) + ' s':>14}{getal(b.seconden) + ' s':>22}"
              f"{getal(a / b.seconden) + '×':>13}{getal(vl, 2) + ' s':>20}")
    verhouding = sum(tijden_a) / sum(b.seconden for b in v.metingen_b)
    cpu_a, cpu_b = sum(c for _, c, _ in v.lussen), sum(b.cpu for b in v.metingen_b)
    kernel_a, kernel_b = sum(k for _, _, k in v.lussen), sum(b.kernel for b in v.metingen_b)
    print(f"   wandtijd: {getal(verhouding)}× (doel ≥ {getal(MIN_VERHOUDING, 0)}×): "
          f"{toets(verhouding >= MIN_VERHOUDING, 'verhouding', verhouding_telt)}")
    oordeel = toets(cpu_a / cpu_b >= MIN_VERHOUDING_CPU, "verhouding processortijd",
                    verhouding_telt)
    print(f"   processortijd: lus {getal(cpu_a)} s, contracten genereer {getal(cpu_b)} s (alle "
          f"processen): {getal(cpu_a / cpu_b)}× (doel ≥ {getal(MIN_VERHOUDING_CPU, 0)}×): "
          f"{oordeel}")
    print(f"   waarvan in de kernel: lus {getal(kernel_a)} s, contracten genereer "
          f"{getal(kernel_b)} s")
    per_doc = cpu_b / len(v.metingen_b) / klein.documenten * 1000
    per_vloer = sum(v.vloeren) / len(v.vloeren) / max(v.documenten, 1) * 1000
    print(f"   processortijd per document: contracten genereer {getal(per_doc, 2)} ms (de hele "
          f"opdracht, alle processen), vloer {getal(per_vloer, 2)} ms (dezelfde delen, alleen "
          f"word/document.xml ingepakt, naar schijf): {getal(per_doc / per_vloer, 2)}× (doel ≤ "
          f"{getal(MAX_BOVEN_VLOER)}×): "
          f"{toets(per_doc / per_vloer <= MAX_BOVEN_VLOER, 'vloer', verhouding_telt)}")
    gelijk = toets(not v.afwijkend, "tekst")
    print(f"   tekst gelijk in alle {getal(v.aantal, 0)} documenten: {gelijk}")
    for afwijking in v.afwijkend[:5]:
        print(f"     {afwijking}")

    print("\n2. Schaal (tijd in seconden, geheugen als piek-RSS in MB)")
    print(f"   {'':<46}" + "".join(f"{getal(s.aanbieders, 0) + ' aanb.':>13}" for s in schalen)
          + f"{'groei':>8}  doel")

    def regel(wat: str, waarde: Callable[[Schaal], float], decimalen: int = 1,
              doel: str = "") -> None:
        waarden = [waarde(s) for s in schalen]
        groei = waarden[-1] / waarden[0] if waarden[0] else 0.0
        print(f"   {wat:<46}" + "".join(f"{getal(w, decimalen):>13}" for w in waarden)
              + f"{getal(groei) + '×':>8}  {doel}")

    def per_grootte(wat: str, waarde: Callable[[Schaal], float], maximum: float,
                    decimalen: int = 1, procent: bool = False, telt: bool = True,
                    vanaf: int = 0) -> None:
        """A goal at every size (from `vanaf` aanbieders on; every size is shown)."""
        getoetst = [s for s in schalen if s.aanbieders >= vanaf]
        goed = all(waarde(s) <= maximum for s in getoetst)
        grens = f"{getal(maximum * 100, 0)} %" if procent else getal(maximum, decimalen)
        waar = f"vanaf {getal(vanaf, 0)} aanbieders" if vanaf else "bij elke grootte"
        uitslag = toets(goed, wat, telt) if getoetst else "niet getoetst (geen van die grootte)"
        regel(wat, (lambda s: waarde(s) * 100) if procent else waarde, decimalen,
              f"≤ {grens} {waar}: {uitslag}")

    regel("documenten", lambda s: s.documenten, 0)
    per_aanbieder = [s.genereer.seconden / s.aanbieders for s in schalen]
    regel("genereer: tijd", lambda s: s.genereer.seconden, 1,
          f"per aanbieder ≤ {getal(MAX_TIJDGROEI, 2)}× dat bij de kleinste: " +
          toets(per_aanbieder[-1] <= MAX_TIJDGROEI * per_aanbieder[0], "lineaire tijd"))
    regel("genereer: processortijd, alle processen", lambda s: s.genereer.cpu)
    regel("genereer: piek hoofdproces", lambda s: s.genereer.hoofd, 0)
    regel("genereer: piek grootste werkproces", lambda s: s.genereer.grootste_werker, 0)
    if klein.genereer.boom:
        regel("genereer: pieken werkprocessen opgeteld", lambda s: s.genereer.werkers, 0)
        per_grootte("genereer: hele procesboom tegelijk (MB)", lambda s: s.genereer.boom,
                    MAX_BOOM_MB, 0)
        print(f"   {'genereer: processen':<46}"
              + "".join(f"{s.genereer.processen:>13}" for s in schalen))
    else:
        toets(False, "geheugen (geen /proc om te meten)")
    regel("ongewijzigde rerun: tijd", lambda s: s.rerun.seconden, 2)
    per_grootte("ongewijzigde rerun: % van genereer", lambda s: s.rerun.seconden
                / s.genereer.seconden, MAX_ONGEWIJZIGD, 1, procent=True,
                telt=verhouding_telt)
    aandeel = [s.rerun.seconden / s.genereer.seconden for s in schalen]
    print(f"   {'ongewijzigde rerun: groeit niet':<46}{'':>{13 * len(schalen)}}"
          f"{getal(aandeel[-1] / aandeel[0]) + '×':>8}  ≤ {getal(MAX_ONGEWIJZIGD_GROEI, 2)}×: "
          + toets(aandeel[-1] <= MAX_ONGEWIJZIGD_GROEI * aandeel[0], "rerun groeit",
                  verhouding_telt))
    for s in schalen:
        toets(s.rerun_gemaakt == 0, f"ongewijzigde rerun bij {s.aanbieders}")
    print(f"   {'ongewijzigde rerun: documenten gemaakt':<46}"
          + "".join(f"{s.rerun_gemaakt:>13}" for s in schalen) + f"{'':>8}  geen: "
          + ("ok" if all(s.rerun_gemaakt == 0 for s in schalen) else "NIET GEHAALD"))
    regel("één aanbieder gewijzigd, --volg: de run", lambda s: s.volg.eigen, 2)
    per_grootte("één aanbieder gewijzigd, --volg: % van genereer", lambda s: s.volg.eigen
                / s.genereer.seconden, MAX_EEN_WIJZIGING, 1, procent=True,
                telt=verhouding_telt)
    regel("  van opslaan tot klaar (met de rust)", lambda s: s.volg.seconden, 2,
          f"de run, na {volgen_rust_ms()} ms zonder nieuwe wijziging: geen doel")
    regel("  piek van het --volg-proces", lambda s: s.volg.piek, 0, "geen doel")
    regel("één aanbieder gewijzigd, nieuw proces: tijd", lambda s: s.gewijzigd.seconden, 2)
    regel("  % van genereer", lambda s: s.gewijzigd.seconden / s.genereer.seconden * 100, 1,
          "ter vergelijking, geen doel (zie docs/snelheid.md)")
    regel("  piek hoofdproces", lambda s: s.gewijzigd.hoofd, 0)
    for s in schalen:
        toets(s.gemaakt == s.verwacht, f"opnieuw gemaakt bij {s.aanbieders}")
        toets(s.volg.gemaakt == s.verwacht, f"opnieuw gemaakt met --volg bij {s.aanbieders}")
    print(f"   {'één aanbieder gewijzigd: documenten gemaakt':<46}"
          + "".join(f"{f'{s.gemaakt}/{s.volg.gemaakt} van {s.verwacht}':>13}" for s in schalen)
          + f"{'':>8}  alleen die aanbieder (nieuw proces/--volg): "
          + ("ok" if all(s.gemaakt == s.volg.gemaakt == s.verwacht for s in schalen)
             else "NIET GEHAALD"))
    regel("bedrag in het overzicht gewijzigd: tijd", lambda s: s.overzicht.seconden, 2)
    regel("bedrag in het overzicht: % van genereer",
          lambda s: s.overzicht.seconden / s.genereer.seconden * 100, 1,
          "geen doel (zie docs/snelheid.md)")
    regel("valideer: tijd", lambda s: s.valideer.seconden, 2)
    per_grootte("valideer: × genereer", lambda s: s.valideer.seconden / s.genereer.seconden,
                MAX_VALIDEER, 2, telt=verhouding_telt, vanaf=VALIDEER_VANAF)
    regel("valideer: piek", lambda s: s.valideer.hoofd, 0)

    print("\n3. Opstarten (mediaan van "
          f"{OPSTARTS} keer, met de start van Python zelf) en pdf")
    for meting, maximum in opstarts:
        zwaarste = ", ".join(f"{naam} {getal(sec * 1000, 0)} ms" for naam, sec in meting.zwaarste)
        print(f"   contracten {meting.opdracht:<10} {getal(meting.seconden, 3)} s (doel ≤ "
              f"{getal(maximum, 2)} s): {toets(meting.seconden <= maximum, meting.opdracht)}; "
              f"imports {getal(meting.importtijd, 3)} s volgens -X importtime, de zwaarste: "
              f"{zwaarste}")
    if not met_pdf:
        print("   pdf: niet gemeten (--zonder-pdf)")
    elif pdf is None:
        print(f"   pdf: niet gemeten, LibreOffice ('soffice') ontbreekt: "
              f"{toets(False, 'pdf (geen LibreOffice)')}")
    else:
        print(f"   pdf: {getal(pdf, 3)} s per document bovenop genereer ({PDF_AANBIEDERS} "
              f"aanbieders, mediaan van {PDF_PAREN} paren, {os.cpu_count()} kernen; "
              f"doel ≤ {getal(MAX_PDF, 2)} s): "
              f"{toets(pdf <= MAX_PDF, 'pdf')}")

    print(f"\nBelasting van de machine na afloop: {getal(os.getloadavg()[0], 2)} "
          "(1-minuutgemiddelde; ander werk maakt vooral de verhouding en de tijden onbetrouwbaar).")
    if mislukt:
        print(f"Doelen niet gehaald: {', '.join(mislukt)}.")
        return 1
    print("Alle doelen gehaald.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
