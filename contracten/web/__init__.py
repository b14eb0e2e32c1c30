"""`contracten web`: a small local web application over the same Python API the command line
uses: regions, documents, comparisons, approvals with their audit trail, the termijnenkalender,
and regeneration in the background."""
