"""The private LibreOffice profile of each LibreOffice a PDF run starts (see weergave/pdf.py):
the conversion macro in its Basic library, and what makes LibreOffice start fast.

A LibreOffice whose profile does not say which version last used it runs its graphics render
tests at every start (over a second of processor time, more than converting an overeenkomst): the
profile says it, from the installation's own registry, and the macro writes it again from inside
LibreOffice where that file was not found. A used profile starts faster still: the first run
keeps one (`bewaar`) in the user's cache folder, and every later LibreOffice starts with its own
copy of it (`maak`). The kept one is never used itself, so two runs at once never share a
profile, and a LibreOffice that crashes never spoils it. A kept profile that is not exactly what
this version of contracten makes (another macro, another LibreOffice, a file missing or
damaged) is thrown away and made again."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from contracten.lezen.cachemap import cachemap

from .pdfmacro import macro

# The kept profile, in the cache folder (lezen.cachemap).
_BEWAARD = "libreoffice-profiel"
_STEMPEL = "contracten-profiel.txt"

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_DTD = '<!DOCTYPE {wortel} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n'
_BIBLIOTHEEK = "http://openoffice.org/2000/library"
# Marked as set up (or LibreOffice would replace the macro library with its empty default on
# first start); no Java (the macro is Basic), no recovery data or autosave for documents that
# are only opened to be exported.
_INSTELLINGEN = [
    ("/org.openoffice.Setup/Office", "ooSetupInstCompleted", "true"),
    ("/org.openoffice.Office.Java/VirtualMachine", "Enable", "false"),
    ("/org.openoffice.Office.Recovery/RecoveryInfo", "Enabled", "false"),
    ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "false"),
]


def versie(soffice: str) -> str | None:
    """The version of the LibreOffice of `soffice` ('7.4'), from its registry (main.xcd beside
    its program folder); None when it is not where LibreOffice keeps it."""
    programma = Path(os.path.realpath(soffice)).parent
    for register in (programma.parent / "share/registry/main.xcd",  # Linux, Windows
                     programma.parent / "Resources/registry/main.xcd"):  # macOS
        try:
            tekst = register.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        gevonden = re.search(r'<prop oor:name="ooSetupVersion">\s*<value>([0-9.]+)</value>',
                             tekst)
        if gevonden:
            return gevonden.group(1)
    return None


def _schrijf(map_: Path, soffice: str) -> None:
    """A fresh profile in `map_`."""
    gebruiker = map_ / "user"
    basic = gebruiker / "basic"
    (basic / "Standard").mkdir(parents=True)
    gevonden = versie(soffice)
    instellingen = _INSTELLINGEN + ([("/org.openoffice.Setup/Product", "ooSetupLastVersion",
                                      gevonden)] if gevonden else [])
    (gebruiker / "registrymodifications.xcu").write_text(
        _XML + '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + "".join(f'<item oor:path="{pad}"><prop oor:name="{naam}" oor:op="fuse"><value>'
                  f'{escape(waarde)}</value></prop></item>\n'
                  for pad, naam, waarde in instellingen)
        + '</oor:items>\n', encoding="utf-8")
    for soort in ("script", "dialog"):
        (basic / f"{soort}.xlc").write_text(
            _XML + _DTD.format(wortel="library:libraries", dtd="libraries.dtd")
            + f'<library:libraries xmlns:library="{_BIBLIOTHEEK}" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            f' <library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/'
            f'{soort}.xlb/" xlink:type="simple" library:link="false"/>\n'
            '</library:libraries>\n', encoding="utf-8")
        element = ('>\n <library:element library:name="Pdf"/>\n</library:library>\n'
                   if soort == "script" else "/>\n")
        (basic / "Standard" / f"{soort}.xlb").write_text(
            _XML + _DTD.format(wortel="library:library", dtd="library.dtd")
            + f'<library:library xmlns:library="{_BIBLIOTHEEK}" library:name="Standard" '
            f'library:readonly="false" library:passwordprotected="false"{element}',
            encoding="utf-8")
    _schrijf_macro(map_)


def _schrijf_macro(map_: Path) -> None:
    (map_ / "user/basic/Standard/Pdf.xba").write_text(
        _XML + _DTD.format(wortel="script:module", dtd="module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Pdf" '
        f'script:language="StarBasic">{escape(macro())}</script:module>\n', encoding="utf-8")


def _stempel(soffice: str) -> str:
    """What a kept profile must have been made for: this macro and settings, this LibreOffice
    (its path, and the size and time of its registry, which an update changes)."""
    programma = Path(os.path.realpath(soffice))
    register = [programma.parent.parent / "share/registry/main.xcd",
                programma.parent.parent / "Resources/registry/main.xcd"]
    kenmerken = [f"{p.stat().st_size} {p.stat().st_mtime_ns}" for p in register if p.is_file()]
    return hashlib.sha256("\n".join([macro(), repr(_INSTELLINGEN), str(programma), *kenmerken])
                          .encode()).hexdigest()


_NODIG = ["user/registrymodifications.xcu", "user/basic/script.xlc", "user/basic/dialog.xlc",
          "user/basic/Standard/script.xlb", "user/basic/Standard/dialog.xlb"]


def _bewaard(soffice: str) -> Path | None:
    """The kept profile, when it is one this version made for this LibreOffice and whole: a kept
    profile that is not is thrown away. None when there is none (to use)."""
    cache = cachemap()
    if cache is None:
        return None
    bewaard = cache / _BEWAARD
    if not bewaard.exists():
        return None
    try:
        goed = (bewaard / _STEMPEL).read_text(encoding="utf-8") == _stempel(soffice)
        for deel in _NODIG:  # each one there and readable XML
            ElementTree.parse(bewaard / deel)
    except (OSError, UnicodeDecodeError, ElementTree.ParseError):
        goed = False
    if not goed:
        _weg(bewaard)
        return None
    return bewaard


def vergeet() -> None:
    """Throw the kept profile away (a run that started from it went wrong): the next run makes
    a fresh one."""
    cache = cachemap()
    if cache is not None and (cache / _BEWAARD).exists():
        _weg(cache / _BEWAARD)


def _weg(map_: Path) -> None:
    """Remove a folder another run may be reading: renamed first, so nobody copies half of it."""
    try:
        weg = map_.with_name(f"{map_.name}.weg-{os.urandom(8).hex()}")
        os.replace(map_, weg)
    except OSError:
        return
    shutil.rmtree(weg, ignore_errors=True)


def maak(map_: Path, soffice: str) -> bool:
    """A private profile in `map_`: a copy of the kept one, or a fresh one. Returns whether it
    is fresh (then `bewaar` may keep it once LibreOffice has used it)."""
    bewaard = _bewaard(soffice)
    if bewaard is not None:
        try:
            shutil.copytree(bewaard, map_, ignore=shutil.ignore_patterns(_STEMPEL, ".lock"))
            _schrijf_macro(map_)  # what runs is always this version's macro
            return False
        except OSError:
            shutil.rmtree(map_, ignore_errors=True)
    _schrijf(map_, soffice)
    return True


def bewaar(map_: Path, soffice: str) -> None:
    """Keep the profile in `map_`, which a LibreOffice used and closed without error, for later
    runs, unless one is kept already. Never raises: without it a run is only slower."""
    cache = cachemap()
    if cache is None or (cache / _BEWAARD).exists():
        return
    try:
        cache.mkdir(parents=True, exist_ok=True)
        nieuw = Path(tempfile.mkdtemp(prefix=f"{_BEWAARD}.nieuw-", dir=cache))
    except OSError:
        return
    try:
        shutil.copytree(map_, nieuw, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".lock"))
        (nieuw / _STEMPEL).write_text(_stempel(soffice), encoding="utf-8")
        os.replace(nieuw, cache / _BEWAARD)  # fails when another run kept one meanwhile
    except OSError:
        shutil.rmtree(nieuw, ignore_errors=True)
