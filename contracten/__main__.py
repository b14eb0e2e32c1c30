from contracten.cli import run

run()
