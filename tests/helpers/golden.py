"""Golden files: compare generated text with a file kept in the repository.

Run with ``SOPGEN_REGEN_GOLDEN=1`` to rewrite the golden files after an intended change,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"


def assert_golden(name: str, text: str) -> None:
    """``text`` must equal ``tests/golden/<name>`` (or rewrite it when regenerating)."""
    path = GOLDEN_DIR / name
    if os.environ.get("SOPGEN_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run with SOPGEN_REGEN_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (SOPGEN_REGEN_GOLDEN=1)"
