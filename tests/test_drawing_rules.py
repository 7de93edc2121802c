"""The drawing rules of the official flowchart: each shown to catch a drawing that breaks
it, then run on every SOP of the test corpora and on 500 random SOPs (seeded: the same
SOPs every run, within a fixed time budget)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import yaml
from test_official_svg import _generated_sop

from generator.check.library import load_library
from generator.render.locale import labels as locale_labels
from generator.render.official.document import sheets
from generator.render.official.geometry import Box
from generator.render.view import sop_view
from helpers.big_sops import forty_roles
from helpers.drawing_rules import RULES, arrow, violations
from helpers.site import REPO
from helpers.sops import write_sop
from helpers.svgread import Page, Shape, parse

LABELS = locale_labels("id")
DATA = Path(__file__).parent / "data"
CORPORA = [REPO / "sop", DATA / "corpus", DATA / "flows", DATA / "official" / "sop",
           DATA / "diagrams"]
RANDOM_SOPS, BUDGET = 500, 90.0
"""Measured 5-7 s (7.4 s of CPU) on a quiet two-core machine and 22-32 s when other runs
load it to 13: the budget leaves room for a busy machine, not for a slower router."""


def _shape(node: str, kind: str, box: Box, step: int | None = None,
           column: str | None = None) -> Shape:
    return Shape(node, kind, step, column, None, None, box, node, "")


A = _shape("step-1", "process", Box(10, 10, 60, 28), 1, "role-0")
B = _shape("step-2", "decision", Box(10, 80, 60, 44), 2, "role-0")
C = _shape("step-3", "process", Box(10, 170, 60, 28), 3, "role-0")
CLEAN = Page(None, {}, {}, [A, B, C], [  # type: ignore[arg-type]
    arrow("step-1", "step-2", (40, 38), (40, 80)),
    arrow("step-2", "step-3", (40, 124), (40, 170), branch="yes",
          label_box=Box(44, 128, 20, 14))])


def _broken(**changes: object) -> Page:
    fields = {"shapes": CLEAN.shapes, "arrows": CLEAN.arrows, **changes}
    return Page(None, {}, {}, fields["shapes"], fields["arrows"])  # type: ignore[arg-type]


BROKEN = {
    "orthogonal": _broken(arrows=[arrow("step-1", "step-2", (40, 38), (45, 80))]),
    "ends on outlines": _broken(arrows=[arrow("step-1", "step-2", (40, 38), (40, 70))]),
    "no arrow through a symbol": _broken(arrows=[
        arrow("step-1", "step-3", (40, 38), (40, 170))]),
    "no arrows along each other": _broken(arrows=[
        arrow("step-1", "step-3", (70, 24), (90, 24), (90, 184), (70, 184)),
        arrow("step-2", "step-1", (70, 102), (90, 102), (90, 24), (70, 24))]),
    "labels clear": _broken(arrows=[
        arrow("step-1", "step-2", (40, 38), (40, 80)),
        arrow("step-2", "step-3", (40, 124), (40, 170), branch="yes",
              label_box=Box(30, 128, 20, 14))]),
    "labels at exits": _broken(arrows=[
        arrow("step-1", "step-2", (40, 38), (40, 80)),
        arrow("step-2", "step-3", (40, 124), (40, 170), branch="yes",
              label_box=Box(44, 60, 20, 14))]),
    "ends in acting columns": _broken(shapes=[
        A, B, C, _shape("end-2", "end", Box(100, 130, 40, 20), 2, "role-1")]),
}


def test_a_clean_drawing_breaks_no_rule() -> None:
    assert violations(CLEAN) == {}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_catches_a_drawing_that_breaks_it(rule: str) -> None:
    assert RULES[rule](BROKEN[rule]), f"{rule} missed its broken drawing"
    assert RULES[rule](CLEAN) == []


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_corpus_drawing_keeps_the_rules(corpus: Path) -> None:
    library = load_library(corpus)
    for entry in library.entries:
        view = sop_view(entry, library, LABELS)
        for per_page in (3, 8, 100):
            for sheet in sheets(view, LABELS, per_page):
                assert violations(parse(str(sheet.svg))) == {}, (entry.id, per_page)


def test_forty_roles_keep_the_rules(tmp_path: Path) -> None:
    """40 narrow columns under upright role names: arrows and symbols keep every rule."""
    write_sop(tmp_path / "sop", "u/a.yaml", yaml.safe_dump(forty_roles()))
    library = load_library(tmp_path / "sop")
    view = sop_view(library.entries[0], library, LABELS)
    for sheet in sheets(view, LABELS, 8):
        assert violations(parse(str(sheet.svg))) == {}


def test_random_sops_keep_the_rules(tmp_path: Path) -> None:
    """500 random SOPs, the same every run; fails on any violation of any rule, or when
    the run takes longer than its budget."""
    start, found = time.monotonic(), []
    for number in range(RANDOM_SOPS):
        rng = random.Random(number)
        folder = tmp_path / str(number)
        write_sop(folder, "u/a.yaml", _generated_sop(rng))
        library = load_library(folder)
        view = sop_view(library.by_id("a"), library, LABELS)
        for sheet in sheets(view, LABELS, rng.randint(1, 10)):
            for rule, where in violations(parse(str(sheet.svg))).items():
                found += [f"SOP {number}, sheet {sheet.number}: {rule}: {w}" for w in where]
    elapsed = time.monotonic() - start
    assert not found, f"{len(found)} violations, e.g. {found[:10]}"
    assert elapsed < BUDGET, f"{RANDOM_SOPS} SOPs took {elapsed:.0f} s"
