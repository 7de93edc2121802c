"""Boxes, points and orthogonal segments: the few geometric facts the flowchart relies on.

Arrows must never run through a symbol or a label; routing asks these functions what a
candidate route hits, crosses or runs along, and scores it by the answers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

Point = tuple[float, float]
"""An (x, y) position in SVG user units, y downwards."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: a cell, a symbol's bounding box, a label's background."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inflate(self, d: float) -> Box:
        """The box grown by ``d`` on every side (shrunk when ``d`` is negative)."""
        return Box(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def overlaps(self, other: Box) -> bool:
        """True when the interiors intersect (touching edges do not count)."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)

    def contains(self, point: Point, tolerance: float = 0.5) -> bool:
        """True when ``point`` lies inside or on the edge (within ``tolerance``)."""
        x, y = point
        return (self.x - tolerance <= x <= self.right + tolerance
                and self.y - tolerance <= y <= self.bottom + tolerance)


def segment_hits(a: Point, b: Point, box: Box) -> bool:
    """True when the orthogonal segment a-b passes through the interior of ``box``."""
    lo_x, hi_x = sorted((a[0], b[0]))
    lo_y, hi_y = sorted((a[1], b[1]))
    return lo_x < box.right and hi_x > box.x and lo_y < box.bottom and hi_y > box.y


def distance(box: Box, a: Point, b: Point) -> float:
    """The shortest distance between ``box`` and the orthogonal segment a-b (0 touching)."""
    dx = max(box.x - max(a[0], b[0]), min(a[0], b[0]) - box.right, 0.0)
    dy = max(box.y - max(a[1], b[1]), min(a[1], b[1]) - box.bottom, 0.0)
    return float((dx * dx + dy * dy) ** 0.5)


def segments(points: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    """Consecutive pairs of a polyline, without zero-length pieces."""
    return [(a, b) for a, b in itertools.pairwise(points) if a != b]


def collinear_overlap(s: tuple[Point, Point], t: tuple[Point, Point],
                      tolerance: float = 2.5) -> bool:
    """True when two orthogonal segments run along each other for more than a few units."""
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    if ay == by and cy == dy and abs(ay - cy) < tolerance:
        lo, hi = max(min(ax, bx), min(cx, dx)), min(max(ax, bx), max(cx, dx))
        return hi - lo > tolerance
    if ax == bx and cx == dx and abs(ax - cx) < tolerance:
        lo, hi = max(min(ay, by), min(cy, dy)), min(max(ay, by), max(cy, dy))
        return hi - lo > tolerance
    return False


def crosses(s: tuple[Point, Point], t: tuple[Point, Point]) -> bool:
    """True when a horizontal and a vertical segment cross inside both (not at an end)."""
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    if ay == by and cx == dx:
        return min(ax, bx) < cx < max(ax, bx) and min(cy, dy) < ay < max(cy, dy)
    if ax == bx and cy == dy:
        return min(cx, dx) < ax < max(cx, dx) and min(ay, by) < cy < max(ay, by)
    return False


def polyline_length(points: tuple[Point, ...]) -> tuple[float, int]:
    """The length of a polyline and its number of pieces (zero-length ones left out):
    added in one pass, as most candidates are scored on these alone."""
    length, count = 0.0, 0
    last = points[0]
    for point in points[1:]:
        if point != last:
            length += abs(point[0] - last[0]) + abs(point[1] - last[1])
            count += 1
        last = point
    return length, count


def extent(points: tuple[Point, ...]) -> tuple[float, float, float, float]:
    """The smallest x, largest x, smallest y and largest y of a polyline."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), max(xs), min(ys), max(ys)
