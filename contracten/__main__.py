from contracten.cli.opdrachten import run

run()
