"""Candidate routes for one arrow of the official flowchart, best first.

Straight down when both symbols share a column; an elbow out of the side and down into
the top; a step down, across and down; then around, through a channel in the outer margin
of the first or last executor column, where no symbol ever stands (symbols keep a margin
on both sides of their column). The router scores every candidate and takes the cheapest
(``routing.py``): the order here only breaks ties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from generator.render.official.geometry import Box, Point

LANES = 3
"""Channels per side; more loops than that share a channel (overlap, never a crossing)."""
INNER = 4
"""Channels beside column lines tried per route, nearest the two ends first (more cost
time and were never chosen in 500 random SOPs)."""
LANE_EDGE, LANE_STEP = 6.0, 5.0
"""The first channel keeps clear of the column line; the next lies further in."""
GAP = 8.0
"""How far below a symbol (or above its target) a route turns."""


@dataclass(frozen=True)
class NodeId:
    """What an arrow joins: a step (by number), the end capsule after a step, or an
    off-page connector arriving (``in``) or leaving (``out``) with its letter. Printed as
    ``step-3``, ``end-3``, ``in-A``: the SVG's ``data-node``/``data-from`` values."""

    kind: Literal["step", "end", "in", "out"]
    key: int | str

    def __str__(self) -> str:
        return f"{self.kind}-{self.key}"


@dataclass(frozen=True)
class Node:
    """Something arrows join: a step (one box per acting role), an end, a connector."""

    id: NodeId
    row: int
    boxes: tuple[Box, ...]
    top: float = 0.0
    """The top of the node's row: a route entering from above turns below this line."""
    decision: bool = False
    """A diamond: arrows enter only at its top, its other corners are for its exits."""


@dataclass
class Route:
    """A candidate route: its points, the boxes it joins and the ports it uses."""

    points: tuple[Point, ...]
    a: Box
    b: Box
    exit: str
    entry: str



Worth = Callable[[Point, float, Point], bool]
"""Whether a route from a point through a channel (its x) to a point can still win: the
router's bound, asked before a candidate is built (most around routes cannot win)."""


def _any(first: Point, channel: float, last: Point) -> bool:
    return True


def candidates(a_node: Node, b_node: Node, area: Box, inner: tuple[float, ...] = (),
               worth: Worth = _any) -> Iterator[Route]:
    """Candidate routes from ``a_node`` to ``b_node``, best first; ``inner`` are the
    x of the lines between executor columns, whose sides are channels too. Around routes
    that ``worth`` rejects are left out."""
    pairs = sorted(((a, b) for a in a_node.boxes for b in b_node.boxes),
                   key=lambda pair: abs(pair[0].cx - pair[1].cx))
    a, b = pairs[0]
    if b_node.row == a_node.row and b.y >= a.bottom:
        yield Route(((a.cx, a.bottom), (b.cx, b.y)), a, b, "bottom", "top")
    elif b_node.row == a_node.row:
        for a, b in pairs:
            side, back = ("right", "left") if b.cx > a.cx else ("left", "right")
            yield Route(((_side_x(a, side), a.cy), (_side_x(b, back), b.cy)),
                         a, b, side, back)
    elif b_node.row > a_node.row:
        if abs(a.cx - b.cx) < 0.5:
            yield Route(((a.cx, a.bottom), (b.cx, b.y)), a, b, "bottom", "top")
        else:
            side = "right" if b.cx > a.cx else "left"
            yield Route(((_side_x(a, side), a.cy), (b.cx, a.cy), (b.cx, b.y)),
                         a, b, side, "top")
            mid = b.y - min(GAP, (b.y - max(a.bottom, b_node.top)) / 2)
            yield Route(((a.cx, a.bottom), (a.cx, mid), (b.cx, mid), (b.cx, b.y)),
                         a, b, "bottom", "top")
    yield from _around(a_node, b_node, area, inner, worth)


def _around(a_node: Node, b_node: Node, area: Box, inner: tuple[float, ...], worth: Worth
            ) -> Iterator[Route]:
    """Routes through the channels: out of the side, along the margin, into the side.
    The outer margins come first; beside every column line there are more channels, for
    when the outer ones are taken (a crowded page routed everything through two lanes and
    drew arrows along each other or through symbols)."""
    middle = sum(box.cx for box in (*a_node.boxes, *b_node.boxes)) / (
        len(a_node.boxes) + len(b_node.boxes))
    sides = ("right", "left") if middle >= area.cx else ("left", "right")
    for side in sides:
        pick = max if side == "right" else min
        a = pick(a_node.boxes, key=lambda box: box.cx)
        b = pick(b_node.boxes, key=lambda box: box.cx)
        outer = [area.right - LANE_EDGE - LANE_STEP * lane if side == "right"
                 else area.x + LANE_EDGE + LANE_STEP * lane for lane in range(LANES)]
        beside = sorted((x + d for x in inner for d in (-LANE_EDGE, LANE_EDGE)),
                        key=lambda x: abs(x - (a.cx + b.cx) / 2))[:INNER]
        above = b.y - min(GAP, (b.y - b_node.top) / 2)
        # (first point, the y at which the route meets the channel, port) of each way out
        # of a and into b; a route's points are made only when worth() keeps it.
        outs = [((_side_x(a, side), a.cy), a.cy, side),
                ((a.cx, a.bottom), a.bottom + GAP, "bottom")]
        ins = [((_side_x(b, side), b.cy), b.cy, side), ((b.cx, b.y), above, "top")]
        if b_node.decision:
            ins = ins[1:]
        for channel in [*outer, *beside]:
            for first, out_y, exit_port in outs:
                for last, in_y, entry_port in ins:
                    # A route whose piece along the channel has a length keeps it: it
                    # runs out to the channel and back, which worth() can bound.
                    if out_y != in_y and not worth(first, channel, last):
                        continue
                    start = ((first, (channel, out_y)) if exit_port == side else
                             (first, (a.cx, out_y), (channel, out_y)))
                    end = (((channel, in_y), last) if entry_port == side else
                           ((channel, in_y), (b.cx, in_y), last))
                    yield Route(_clean(start + end), a, b, exit_port, entry_port)


def _side_x(box: Box, side: str) -> float:
    return box.right if side == "right" else box.x


def _clean(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three points on one line."""
    result: list[Point] = []
    for point in points:
        if result and result[-1] == point:
            continue
        if len(result) >= 2 and (result[-2][0] == result[-1][0] == point[0]
                                 or result[-2][1] == result[-1][1] == point[1]):
            result[-1] = point
            continue
        result.append(point)
    return tuple(result)
