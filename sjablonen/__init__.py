"""The Word templates: package data, so an installed contracten has them too."""
