"""The article library of the Contractstandaard Wmo: its model, loading (summaries with the
imported official text laid over them) and the importer of the official text."""
