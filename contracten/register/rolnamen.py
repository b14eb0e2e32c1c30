"""The roles a user of the register has, and their names as people read them. Apart from the
schema, so that the command line can offer them without loading the database library."""

from __future__ import annotations

ROLLEN = ("inkoper", "jurist", "contractmanager", "beheerder")
