"""The benchmark's synthetic corpus is made of SOPs that pass ``sopgen check``."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import make_corpus
from generator.check.library import load_library
from generator.render.catalog import site_roles


def test_synthetic_corpus_passes_check(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "sop", 120)
    library = load_library(tmp_path / "sop")
    assert len(paths) == len(library.entries) == 120
    steps = [len(entry.sop.steps) for entry in library.entries]
    assert min(steps) >= 5 and max(steps) <= 30
    assert all(3 <= len(entry.sop.roles) <= 8 for entry in library.entries)
    assert any(step.decision for entry in library.entries for step in entry.sop.steps)
    assert any(entry.sop.related for entry in library.entries)
    assert len(library.units()) == 2  # about 50 SOPs per unit
    assert max(len(role.uses) for role in site_roles(library)) > 10  # roles are shared
