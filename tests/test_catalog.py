"""Across SOPs: one role in many SOPs, backlinks, reviews due, SOP names in notes."""

from __future__ import annotations

import datetime
import random
import re
import shutil
from pathlib import Path

import pytest

from generator.check.library import Library, load_library
from generator.render.catalog import MentionFinder, backlinks, due_for_review, site_roles
from helpers.sops import MINIMAL, write_sop

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


def _one_pattern_split(library: Library, text: str, current: str) -> list[tuple[str, str | None]]:
    """The finder's meaning, written as one pattern of every name (its former self)."""
    names = sorted((name for e in library.entries for name in (e.sop.title, e.sop.number)
                    if name and len(name) >= 4), key=lambda name: -len(name))
    by_name = {name.casefold(): e.id for e in library.entries
               for name in (e.sop.title, e.sop.number) if name}
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.I)
    parts: list[tuple[str, str | None]] = []
    last = 0
    for match in pattern.finditer(text):
        if by_name[match.group(0).casefold()] == current:
            continue
        parts += [(text[last:match.start()], None), (match.group(0), by_name[
            match.group(0).casefold()])]
        last = match.end()
    parts.append((text[last:], None))
    return [(chunk, entry) for chunk, entry in parts if chunk]


def _overlapping(sop_dir: Path, marked: bool) -> Library:
    """The corpus and SOPs whose names share words: "Rapat Kerja" within "Rapat Kerja
    Daerah", a number that begins another; ``marked``: one number starts with a mark."""
    shutil.copytree(CORPUS, sop_dir)
    for name, title, number in (("a", "Rapat Kerja", "RK/01"), ("b", "Rapat Kerja Daerah",
                                "RK/01/2025"), ("c", "Kerja Daerah",
                                                "'#KD-07'" if marked else None)):
        text = MINIMAL.replace("title: Pelayanan Contoh", f"title: {title}").replace(
            "organization: Dinas Contoh", "organization: Kantor Uji")
        write_sop(sop_dir, f"x/{name}.yaml", (f"number: {number}\n" if number else "") + text)
    return load_library(sop_dir)


@pytest.mark.parametrize("marked", [False, True])
def test_notes_find_the_same_mentions_as_one_pattern_of_every_name(tmp_path: Path,
                                                                   marked: bool) -> None:
    """Looking names up by their first word finds what one pattern of all names found:
    the leftmost, longest name, whole words only, in any case, never the SOP itself (a
    site with a name that starts with a mark takes that one pattern)."""
    library = _overlapping(tmp_path / "sop", marked)
    assert any(str(n).startswith("#") for e in library.entries for n in [e.sop.number]) \
        == marked
    names = [n for e in library.entries for n in (e.sop.title, e.sop.number) if n]
    glue = ["", " ", "-", "/", "x", "_", "nya ", ", ", " (", ")."]
    rng = random.Random(7)
    for _ in range(300):
        words = [rng.choice([*names, "SOP", "dan", "menurut"]) for _ in range(5)]
        words = [w.upper() if rng.random() < 0.2 else w for w in words]
        text = "".join(f"{w}{rng.choice(glue)}" for w in words)
        current = rng.choice([e.id for e in library.entries])
        found = [(chunk, e.id if e else None)
                 for chunk, e in MentionFinder(library).split(text, current)]
        assert found == _one_pattern_split(library, text, current), text
