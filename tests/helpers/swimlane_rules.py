"""The rules a Mermaid swimlane keeps, checked on boxes and sampled paths measured in the
browser (``swimlane_read``). Pure Python, so each rule can be shown to catch a drawing
built by hand that breaks it; the browser only collects what was drawn.

All lengths are CSS pixels of the page as drawn at 1366x900: what a reader sees."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.render.official.geometry import Box, Point

EXIT_NEAR = 40.0
"""A Ya/Tidak label's box comes this close to the point where its arrow leaves the
diamond: about two lines of label text. Mermaid's swimlane puts a label on the middle of
the arrow's *last* piece, so on a long arrow it stands beside the next step, where it
reads as the name of that step's incoming arrows (measured: 200 px from the exit)."""
SHRINK = 2.0
"""A path may touch a box it passes (outline, arrowhead), not enter it shrunk by this."""
OWN_SHRINK = 4.0
"""A path starts and ends on its own nodes' outlines, a little inside a diamond (measured
under 2 px): deeper is a path that crosses its own source or target."""
BORDER, ALONG = 1.5, 12.0
"""A path piece closer than BORDER to a lane's side runs along the border line itself,
and counts when it does so for longer than ALONG (a crossing is shorter)."""


@dataclass(frozen=True)
class Node:
    """One drawn node: its shape's box; ``diamond`` for decisions (the box's corners are
    empty space, so a label or arrow there is not on the node)."""

    box: Box
    diamond: bool = False


@dataclass(frozen=True)
class Edge:
    """One arrow as drawn: points sampled along its path, its label and label box."""

    source: str
    target: str
    points: tuple[Point, ...]
    label: str | None = None
    label_box: Box | None = None


@dataclass(frozen=True)
class Lane:
    """A role's lane: its title (header) and its body."""

    name: str
    title: Box
    body: Box


@dataclass(frozen=True)
class Drawing:
    """One swimlane as the rules see it. ``acting`` names, per decision node, the roles
    that take the decision (from the source, not from the drawing)."""

    nodes: dict[str, Node]
    edges: list[Edge]
    lanes: list[Lane]
    acting: dict[str, frozenset[str]] = field(default_factory=dict)


def gap(box: Box, point: Point) -> float:
    """Distance from a point to a box (0 inside)."""
    dx = max(box.x - point[0], 0.0, point[0] - box.right)
    dy = max(box.y - point[1], 0.0, point[1] - box.bottom)
    return math.hypot(dx, dy)


def overlaps(node: Node, box: Box) -> bool:
    """True when ``box``'s interior meets the node's shape: for a diamond, when the point
    of ``box`` nearest the centre lies inside the diamond (|dx|/a + |dy|/b < 1)."""
    if not node.diamond:
        return node.box.overlaps(box)
    shape = node.box
    dx = min(max(shape.cx, box.x), box.right) - shape.cx
    dy = min(max(shape.cy, box.y), box.bottom) - shape.cy
    return abs(dx) / (shape.w / 2) + abs(dy) / (shape.h / 2) < 1


def inside(node: Node, point: Point, shrink: float = SHRINK) -> bool:
    """True when ``point`` lies in the node's shape shrunk by ``shrink`` on every side."""
    return overlaps(Node(node.box.inflate(-shrink), node.diamond), Box(*point, 0, 0))


def nodes_apart(drawing: Drawing) -> list[str]:
    """No two nodes overlap."""
    return [f"{a} overlaps {b}" for (a, p), (b, q)
            in itertools.combinations(sorted(drawing.nodes.items()), 2)
            if p.box.overlaps(q.box) and (overlaps(p, q.box) and overlaps(q, p.box))]


def _lane_of(drawing: Drawing, box: Box) -> Lane | None:
    return next((lane for lane in drawing.lanes
                 if lane.body.x <= box.cx <= lane.body.right), None)


def ends_below_in_deciding_lane(drawing: Drawing) -> list[str]:
    """An end reached from a decision stands below the diamond, wholly inside the lane
    of the diamond, and that lane belongs to a role taking the decision."""
    found = []
    for edge in drawing.edges:
        if edge.target.startswith("end") and edge.source in drawing.acting:
            diamond, end = drawing.nodes[edge.source].box, drawing.nodes[edge.target].box
            lane = _lane_of(drawing, diamond)
            if end.y < diamond.bottom - 0.5:
                found.append(f"{edge.target} is not below {edge.source}")
            if lane is None or lane.name not in drawing.acting[edge.source]:
                found.append(f"{edge.source} is not in a lane of a role deciding it")
            elif not (lane.body.x - 0.5 <= end.x and end.right <= lane.body.right + 0.5):
                found.append(f"{edge.target} is not inside the lane {lane.name}")
    return found


def labels_at_exits(drawing: Drawing) -> list[str]:
    """A Ya/Tidak label comes within EXIT_NEAR of the point its arrow leaves the diamond
    by, and nearer that exit than any other exit of the same diamond (so two labels of
    one diamond cannot be read the wrong way round)."""
    found = []
    for edge in drawing.edges:
        if edge.label is None:
            continue
        if edge.label_box is None:
            found.append(f"{edge.source}->{edge.target} has no label box")
            continue
        exit_gap = gap(edge.label_box, edge.points[0])
        if exit_gap > EXIT_NEAR:
            found.append(f"label {edge.label} of {edge.source} is {exit_gap:.0f} px "
                         f"from its exit")
        others = [e.points[0] for e in drawing.edges
                  if e.source == edge.source and e is not edge and e.label is not None]
        if any(gap(edge.label_box, point) < exit_gap for point in others):
            found.append(f"label {edge.label} of {edge.source} is nearer another exit")
    return found


def labels_off_nodes(drawing: Drawing) -> list[str]:
    """No label overlaps a node."""
    return [f"label {e.label} of {e.source}->{e.target} over {name}"
            for e in drawing.edges if e.label_box is not None
            for name, node in sorted(drawing.nodes.items()) if overlaps(node, e.label_box)]


def labels_inside(drawing: Drawing) -> list[str]:
    """Every label lies within the lanes (a label beyond them is clipped at the edge)."""
    boxes = [box for lane in drawing.lanes for box in (lane.title, lane.body)]
    if not boxes:  # no lanes measured: nothing to be inside
        return []
    x0, y0 = min(b.x for b in boxes) - 0.5, min(b.y for b in boxes) - 0.5
    x1, y1 = max(b.right for b in boxes) + 0.5, max(b.bottom for b in boxes) + 0.5
    return [f"label {e.label} of {e.source}->{e.target} outside the lanes"
            for e in drawing.edges if e.label_box is not None and not (
                x0 <= e.label_box.x and e.label_box.right <= x1
                and y0 <= e.label_box.y and e.label_box.bottom <= y1)]


def paths_clear(drawing: Drawing) -> list[str]:
    """No arrow passes through a node, its own source and target included (it leaves and
    enters them at their outline)."""
    return [f"{e.source}->{e.target} runs through {name}" for e in drawing.edges
            for name, node in sorted(drawing.nodes.items())
            if any(inside(node, p, OWN_SHRINK if name in (e.source, e.target) else SHRINK)
                   for p in e.points)]


def paths_off_lane_lines(drawing: Drawing) -> list[str]:
    """No arrow runs under a lane's header or along a lane's side (it reads as the
    border, and the reader loses it). Two lanes share a side: it is counted once."""
    found = []
    sides: dict[float, list[str]] = {}
    for lane in drawing.lanes:
        for x in (lane.body.x, lane.body.right):
            near = next((s for s in sides if abs(s - x) < 2 * BORDER), x)
            sides.setdefault(near, []).append(lane.name)
    for e in drawing.edges:
        for lane in drawing.lanes:
            if any(lane.title.inflate(-SHRINK).contains(p, tolerance=0) for p in e.points):
                found.append(f"{e.source}->{e.target} runs under the header {lane.name}")
        for x, names in sorted(sides.items()):
            if _run_along(e.points, x) > ALONG:
                found.append(f"{e.source}->{e.target} runs along the side of "
                             f"{' | '.join(names)}")
    return found


def _run_along(points: tuple[Point, ...], x: float) -> float:
    """The longest stretch of consecutive samples within BORDER of the vertical x."""
    best = run = 0.0
    for p, q in itertools.pairwise(points):
        if abs(p[0] - x) < BORDER and abs(q[0] - x) < BORDER:
            run += math.dist(p, q)
            best = max(best, run)
        else:
            run = 0.0
    return best


RULES: dict[str, Callable[[Drawing], list[str]]] = {
    "nodes apart": nodes_apart,
    "ends below, in the deciding lane": ends_below_in_deciding_lane,
    "labels at exits": labels_at_exits,
    "labels off nodes": labels_off_nodes,
    "labels inside the lanes": labels_inside,
    "paths clear of nodes": paths_clear,
    "paths off lane lines": paths_off_lane_lines,
}


def violations(drawing: Drawing) -> dict[str, list[str]]:
    """Every rule's violations on one drawing (rules with none left out)."""
    return {name: found for name, rule in RULES.items() if (found := rule(drawing))}
