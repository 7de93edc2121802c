"""Stage 1, source: SOP files read with positions, checked against the pydantic model."""
