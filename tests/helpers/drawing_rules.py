"""The rules a flowchart drawing keeps, checked on what the SVG shows (see ``svgread``).

Each rule returns the violations it finds as short sentences, so one run over many
drawings can count them and a failing test says what is wrong where. The same rules are
used for the official SVG here and, on measured boxes, for the Mermaid swimlane.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from generator.render.official.geometry import Box, Point, collinear_overlap, segment_hits, segments
from helpers.svgread import Drawn, Page

EXIT_NEAR = 56.0
"""A Ya/Tidak label's box lies this close to its exit point: beside the first piece of
its arrow, slid along it at most 48 units past a table line."""


def _outline(point: Point, boxes: list[Box]) -> bool:
    """On the outline of a box (within half a unit), or a diamond's top or bottom vertex."""
    for box in boxes:
        if box.contains(point) and not box.inflate(-0.5).contains(point, tolerance=0):
            return True
    return False


def _boxes(page: Page, node: str) -> list[Box]:
    return [s.box for s in page.shapes if s.node == node]


def orthogonal(page: Page) -> list[str]:
    """Every piece of every arrow is horizontal or vertical."""
    return [f"{a.source}->{a.target} has a slanted piece" for a in page.arrows
            if not all(p[0] == q[0] or p[1] == q[1] for p, q in segments(a.points))]


def ends_on_outlines(page: Page) -> list[str]:
    """Every arrow starts on its source's outline and ends on its target's."""
    found = []
    for a in page.arrows:
        if not _outline(a.points[0], _boxes(page, a.source)):
            found.append(f"{a.source}->{a.target} does not start on {a.source}")
        if not _outline(a.points[-1], _boxes(page, a.target)):
            found.append(f"{a.source}->{a.target} does not end on {a.target}")
    return found


def no_arrow_through_a_symbol(page: Page) -> list[str]:
    """No arrow runs through a symbol, its own ends included (it may only touch them)."""
    found = []
    for a in page.arrows:
        own = _boxes(page, a.source) + _boxes(page, a.target)
        for shape in page.shapes:
            box = shape.box.inflate(-0.5) if shape.box in own else shape.box
            if any(segment_hits(p, q, box) for p, q in segments(a.points)):
                found.append(f"{a.source}->{a.target} runs through {shape.node}")
    return found


def no_arrows_along_each_other(page: Page) -> list[str]:
    """No two arrows share a stretch of line, unless they enter the same target (arrows
    merging into one input are one line on purpose)."""
    found = []
    for a, b in itertools.combinations(page.arrows, 2):
        if a.target == b.target:
            continue
        if any(collinear_overlap(s, t) for s in segments(a.points) for t in segments(b.points)):
            found.append(f"{a.source}->{a.target} runs along {b.source}->{b.target}")
    return found


def labels_clear(page: Page) -> list[str]:
    """No label is crossed by an arrow or overlaps a symbol or another label."""
    found = []
    labelled = [a for a in page.arrows if a.label_box is not None]
    for a in labelled:
        assert a.label_box is not None
        for b in page.arrows:
            if any(segment_hits(p, q, a.label_box) for p, q in segments(b.points)):
                found.append(f"label {a.label} of {a.source} crossed by {b.source}->{b.target}")
        for shape in page.shapes:
            if a.label_box.overlaps(shape.box):
                found.append(f"label {a.label} of {a.source} over {shape.node}")
    for a, b in itertools.combinations(labelled, 2):
        assert a.label_box is not None and b.label_box is not None
        if a.label_box.overlaps(b.label_box):
            found.append(f"labels of {a.source} and {b.source} overlap")
    return found


def labels_at_exits(page: Page) -> list[str]:
    """A Ya/Tidak label stands at its exit, on the side the arrow leaves by: never back
    beside the arrow coming in."""
    found = []
    for a in page.arrows:
        if a.branch is None:
            continue
        if a.label_box is None:
            found.append(f"exit {a.source} {a.branch} has no label")
            continue
        (x, y), (nx, ny) = a.points[0], a.points[1]
        box = a.label_box
        if not box.inflate(EXIT_NEAR).contains((x, y)):
            found.append(f"label {a.label} of {a.source} is far from its exit")
        wrong = ((ny > y and box.bottom <= y) or (ny < y and box.y >= y)
                 or (nx > x and box.right <= x) or (nx < x and box.x >= x))
        if wrong:
            found.append(f"label {a.label} of {a.source} is behind its exit")
    return found


def ends_in_acting_columns(page: Page) -> list[str]:
    """An end capsule stands in a column of a role acting at the step it ends."""
    found = []
    for shape in page.shapes:
        if shape.kind != "end":
            continue
        acting = {s.column for s in page.shapes if s.node == f"step-{shape.step}"}
        if shape.column not in acting:
            found.append(f"end of step {shape.step} in {shape.column}, not in {sorted(acting)}")
    return found


RULES: dict[str, Callable[[Page], list[str]]] = {
    "orthogonal": orthogonal,
    "ends on outlines": ends_on_outlines,
    "no arrow through a symbol": no_arrow_through_a_symbol,
    "no arrows along each other": no_arrows_along_each_other,
    "labels clear": labels_clear,
    "labels at exits": labels_at_exits,
    "ends in acting columns": ends_in_acting_columns,
}


def violations(page: Page) -> dict[str, list[str]]:
    """Every rule's violations on one page (rules with none left out)."""
    return {name: found for name, rule in RULES.items() if (found := rule(page))}


def arrow(source: str, target: str, *points: Point, branch: str | None = None,
          label_box: Box | None = None) -> Drawn:
    """A drawn arrow for tests that build a broken drawing by hand."""
    return Drawn(source, target, branch, tuple(points), branch and branch.title(), label_box)
