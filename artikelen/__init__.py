"""The shipped article library of the Contractstandaard Wmo (data; see README.md here)."""
