"""The steps a document goes through, in order, and their names as people read them; back to
concept only by a new version. Apart from the schema, so that what shows them (the command line,
the web) need not load the database library."""

from __future__ import annotations

STAPPEN = ("concept", "juridisch_akkoord", "definitief", "getekend")
STAP_NAMEN = {"concept": "concept", "juridisch_akkoord": "juridisch akkoord",
              "definitief": "definitief", "getekend": "getekend"}
