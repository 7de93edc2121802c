"""Stage 2, check: each SOP against itself, then every SOP against the others."""
