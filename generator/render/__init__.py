"""Stage 3, render (pure): a validated library becomes page texts; nothing is written."""
