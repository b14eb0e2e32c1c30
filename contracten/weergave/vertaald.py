"""Compiled templates kept between runs. Compiling a template's Jinja source to Python is a
good part of preparing it (the overeenkomst: a few hundredths of a second in every process of
every run, `valideer` included); the result depends only on the source and on the
environment that compiles it. So the compiled code (marshal) is kept in the user's cache
folder (`lezen.cachemap`), under the sha256 of the source together with everything else the
compilation depends on: Python's and Jinja's versions, the environment's class and code
generator, the files they are defined in, its options and the names of its filters and tests.
A changed source, program or environment looks for another key: it never finds an older
compilation. The record repeats its key; one that does not (cut off, damaged, another
program's) is compiled again. The cache is never needed: missing, unreadable or not writable,
the template is simply compiled, with the same errors as always. The variables a template uses
(for `valideer`) are kept the same way."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2 import Environment, Template, meta
from markupsafe import Markup, escape

from contracten.lezen.cachemap import bewaar_record, cachemap, lees_record

VERSIE = 1
MAP = "sjablonen"  # in the cache folder
MAXIMUM = 128  # records kept (compiled templates, their variables); beyond it the oldest go
_SOORTEN = (".code", ".variabelen")
# The C function MarkupSafe's `escape` uses for a str (MarkupSafe 3); None elsewhere.
_escape_inner: Any = getattr(markupsafe, "_escape_inner", None)


def vertaald(omgeving: Environment, bron: str) -> Template:
    """`omgeving.from_string(bron)`, with the compiled code from the cache when it is there
    (see the module). Raises what `from_string` raises (TemplateSyntaxError, …)."""
    sleutel = _sleutel(omgeving, bron)
    map_ = cachemap()
    pad = None if map_ is None else map_ / MAP / f"{sleutel}.code"
    code = None if pad is None else _lees(pad, sleutel)
    if code is None:
        code = omgeving.compile(bron)
        if pad is not None:
            _schrijf(pad, sleutel, code)
    sjabloon = omgeving.template_class.from_code(omgeving, code, omgeving.make_globals(None),
                                                 None)
    snel_ontsnapt(sjabloon)
    return sjabloon


def _ontsnapt(waarde: Any) -> Any:
    """`markupsafe.escape(waarde)` as text: the same characters, without making a Markup of
    every piece of output (hundreds per contract). A str is escaped by the function `escape`
    itself uses, a Markup is already escaped (`escape` returns its `__html__()`, itself);
    anything else goes through `escape`."""
    if type(waarde) is str:  # as `escape` asks it (a proxy may report another __class__)
        return _escape_inner(waarde)
    if type(waarde) is Markup:
        return waarde
    return escape(waarde)


def snel_ontsnapt(sjabloon: Template) -> None:
    """Let the compiled template escape its output with `_ontsnapt`. Jinja's compiled code
    calls `escape` only on what a `{{ … }}` outputs, and that output is only ever joined
    (yielded, or gathered and joined into a Markup for a macro, a `{% set %}` block or a filter
    block): the text is the same, only not each piece a Markup. Left as it is when the code
    does not use MarkupSafe's own `escape` (another version, another environment)."""
    namen = sjabloon.root_render_func.__globals__  # the module of the template's functions
    if _escape_inner is not None and namen.get("escape") is escape:
        namen["escape"] = _ontsnapt


def variabelen(omgeving: Environment, bron: str) -> set[str]:
    """`meta.find_undeclared_variables(omgeving.parse(bron))`: the variables the template uses
    that it does not define itself; kept beside the compiled code (see the module)."""
    sleutel = _sleutel(omgeving, bron)
    map_ = cachemap()
    pad = None if map_ is None else map_ / MAP / f"{sleutel}.variabelen"
    namen = None if pad is None else lees_record(pad, sleutel)
    with contextlib.suppress(ValueError):
        lijst = None if namen is None else json.loads(namen)
        if isinstance(lijst, list) and all(isinstance(n, str) for n in lijst):
            return set(lijst)
    gevonden = meta.find_undeclared_variables(omgeving.parse(bron))
    if pad is not None:
        bewaar_record(pad, sleutel, json.dumps(sorted(gevonden)).encode(), MAXIMUM, _SOORTEN)
    return gevonden


def _sleutel(omgeving: Environment, bron: str) -> str:
    return hashlib.sha256(f"{_omgeving_sleutel(omgeving)}\n{bron}".encode(
        "utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _omgeving_sleutel(omgeving: Environment) -> str:
    """What a compilation depends on besides the source, as text."""
    klassen = (type(omgeving), omgeving.code_generator_class, omgeving.context_class,
               omgeving.undefined)
    bronnen = []
    for klasse in klassen:
        bestand = getattr(sys.modules.get(klasse.__module__), "__file__", None)
        try:
            inhoud = Path(bestand).read_bytes() if bestand else b""
        except OSError:
            inhoud = os.urandom(16)  # not to be known: never the same key twice
        bronnen.append([klasse.__module__, klasse.__qualname__,
                        hashlib.sha256(inhoud).hexdigest()])
    opties: dict[str, Any] = {
        naam: repr(getattr(omgeving, naam, None)) for naam in (
            "block_start_string", "block_end_string", "variable_start_string",
            "variable_end_string", "comment_start_string", "comment_end_string",
            "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
            "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
            "sandboxed")}
    opties["autoescape"] = omgeving.autoescape if isinstance(omgeving.autoescape, bool) \
        else os.urandom(16).hex()  # a function: its answers cannot be known here
    opties["finalize"] = omgeving.finalize is not None
    return json.dumps([VERSIE, sys.version, sys.implementation.cache_tag, jinja2.__version__,
                       bronnen, opties, sorted(omgeving.extensions), sorted(omgeving.filters),
                       sorted(omgeving.tests)])


def _lees(pad: Path, sleutel: str) -> types.CodeType | None:
    inhoud = lees_record(pad, sleutel)  # loaded as code: only what this user wrote
    if inhoud is None:
        return None
    try:
        code = marshal.loads(inhoud)
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _schrijf(pad: Path, sleutel: str, code: types.CodeType) -> None:
    bewaar_record(pad, sleutel, marshal.dumps(code), MAXIMUM, _SOORTEN)
