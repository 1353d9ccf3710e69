"""Static briefing-site generator: YAML records in, Markdown pages for MkDocs out."""
