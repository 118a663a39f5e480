"""Reading bulletin sources: YAML files with line numbers, validation, normalisation."""
