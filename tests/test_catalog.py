"""Across SOPs: one role in many SOPs, backlinks, reviews due, SOP names in notes."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.check.library import Library, load_library
from generator.render.catalog import MentionFinder, backlinks, due_for_review, site_roles

CORPUS = Path(__file__).parent / "data" / "corpus"


def corpus() -> Library:
    return load_library(CORPUS)


def test_corpus_spans_three_units_and_six_sops() -> None:
    library = corpus()
    assert len(library.entries) >= 6 and len(library.units()) == 3


def test_role_in_three_sops_with_its_minutes() -> None:
    sekretaris = next(r for r in site_roles(corpus()) if r.id == "sekretaris")
    uses = {use.entry.id: (use.step_numbers, use.time.clock_minutes) for use in sekretaris.uses}
    assert uses == {"surat-masuk": ((2,), 15), "rapat": ((2,), 120), "evaluasi": ((2,), 45)}
    assert sekretaris.time.clock_minutes == 180


def test_every_role_once_with_sop_counts() -> None:
    counts = {role.id: len(role.uses) for role in site_roles(corpus())}
    assert counts == {"staf": 3, "sekretaris": 3, "kepala_dinas": 4, "kasubag": 1,
                      "petugas": 2, "kabid": 3}


def test_backlinks_are_exact() -> None:
    found = {sop_id: sorted(e.id for e in entries) for sop_id, entries in
             backlinks(corpus()).items()}
    assert found == {"arsip": ["surat-masuk"], "surat-masuk": ["pengaduan"],
                     "pengaduan": ["legalisasi"], "rapat": ["evaluasi"], "legalisasi": [],
                     "evaluasi": []}


def test_review_due_at_a_fixed_date() -> None:
    due = due_for_review(corpus(), datetime.date(2026, 1, 1))
    assert [(d.entry.id, d.overdue) for d in due] == [
        ("rapat", True), ("surat-masuk", False), ("evaluasi", False)]
    assert [d.entry.id for d in due_for_review(corpus(), datetime.date(2025, 10, 1))] == []


def test_notes_link_to_sops_named_by_title_or_number() -> None:
    finder = MentionFinder(corpus())
    parts = finder.split("Dibahas menurut SOP pelaksanaan rapat atau 800/02/SEKR/2025.", "x")
    linked = [(text, entry.id) for text, entry in parts if entry is not None]
    assert linked == [("pelaksanaan rapat", "rapat"), ("800/02/SEKR/2025", "arsip")]
    assert "".join(text for text, _ in parts) == \
        "Dibahas menurut SOP pelaksanaan rapat atau 800/02/SEKR/2025."
    assert finder.split("Pelaksanaan Rapat", "rapat") == [("Pelaksanaan Rapat", None)]
