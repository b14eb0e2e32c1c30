"""Reading the files people edit: YAML with line numbers (`bron`), and validation errors turned
into Dutch Meldingen that name file, line and field (`meldingen`)."""
