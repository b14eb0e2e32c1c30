"""Recompile messages.mo from messages.po."""

from contracten.cli.taal import MO, compileer

MO.write_bytes(compileer())
print(f"{MO} bijgewerkt.")
