"""The Ya/Tidak label of a decision exit: beside the start of its arrow.

A label must be readable: it may not cover a symbol, another label, an arrow or a table
line, and it stays inside the executors' columns (the text columns belong to the text).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.render.official.geometry import Box, Point, distance, segment_hits, segments
from generator.render.official.text import text_width

PAD = 2.0
OFFSET = 3.0
SLIDE, MAX_SLIDE = 6.0, 48.0
NEAR = 32
"""How far from its exit a label may stand when nothing beside the arrow is free."""
REACH = OFFSET + MAX_SLIDE
"""No part of a label lies further than this from its exit, along either axis: a label
beside the arrow's second piece (a short first piece) must still read as the exit's,
not as a word beside some later stretch of the line."""


@dataclass(frozen=True)
class Label:
    """A label's text, its background box, and where its baseline starts."""

    text: str
    box: Box
    baseline: Point


def place_label(text: str, points: tuple[Point, ...], size: float, area: Box,
                obstacles: list[Box], rules: list[Box], taken: list[tuple[Point, Point]]
                ) -> tuple[Label, int]:
    """A spot beside the arrow's first piece (or, when that is too short, its second) and
    how good it is: 0 free, 1 over a table line, 2 free but nearer another line than its
    own arrow (it could be read as that line's), 3 over something else (no spot was free).
    Spots slide a little along the piece, so a table line at the exit does not push the
    label away from the symbol it belongs to; the last resort is any spot near the exit.
    ``taken`` holds the lines already drawn and the arrow's own pieces.
    """
    w, h = text_width(text, size) + 2 * PAD, size + 2 * PAD
    pieces: list[Iterable[Box]] = [_spots(a, b, w, h)
                                   for a, b in list(itertools.pairwise(points))[:2]]
    own = segments(points)
    others = [t for t in taken if t not in own]
    unclear: Box | None = None
    for boxes in [*pieces, None]:
        for quality, blockers in enumerate((obstacles + rules, obstacles)):
            for box in boxes if boxes is not None else _around(points[0], w, h):
                inside = area.x <= box.x and box.right <= area.right and area.y <= box.y \
                    and box.bottom <= area.bottom
                if inside and near(points[0], box) and ahead(points, box) \
                        and not any(box.overlaps(other) for other in blockers) \
                        and not any(segment_hits(p, q, box) for p, q in taken):
                    if _reads_as_own(box, own, others):
                        return _label(text, box, size), quality
                    unclear = unclear or box
                    if boxes is None:  # the nearest free spot: no search of all 625
                        return _label(text, unclear, size), 2
    if unclear is not None:
        return _label(text, unclear, size), 2
    return _label(text, next(iter(pieces[0])), size), 3


def _reads_as_own(box: Box, own: list[tuple[Point, Point]],
                  others: list[tuple[Point, Point]]) -> bool:
    """True when the label's own arrow is nearer to it than every other line: a reader
    gives a label to the nearest line (a 'Tidak' beside the arrow coming in names it)."""
    mine = min(distance(box, p, q) for p, q in own)
    return all(distance(box, p, q) > mine for p, q in others)


def near(exit: Point, box: Box) -> bool:
    """True when ``box`` comes within ``REACH`` of the exit point along both axes."""
    return box.inflate(REACH).contains(exit, tolerance=0)


def ahead(points: tuple[Point, ...], box: Box) -> bool:
    """True when ``box`` is not behind the exit, i.e. on the side the arrow leaves by: a
    label behind a diamond's bottom exit sits beside the arrow coming in from above and
    names the wrong line."""
    (x, y), (nx, ny) = points[0], points[1]
    return not ((ny > y and box.bottom <= y) or (ny < y and box.y >= y)
                or (nx > x and box.right <= x) or (nx < x and box.x >= x))


def _spots(a: Point, b: Point, w: float, h: float) -> list[Box]:
    """Label boxes beside the piece a-b, nearest to ``a`` first, on both sides."""
    (x, y), (nx, ny) = a, b
    length = abs(nx - x) + abs(ny - y)
    steps = [OFFSET + i * SLIDE for i in range(int(MAX_SLIDE / SLIDE) + 1)
             if i == 0 or OFFSET + i * SLIDE + (w if nx != x else h) <= length]
    boxes = []
    for t in steps:
        if nx == x:
            top = y + t if ny > y else y - t - h
            boxes += [Box(x + OFFSET, top, w, h), Box(x - OFFSET - w, top, w, h)]
        else:
            left = x + t if nx > x else x - t - w
            boxes += [Box(left, y - OFFSET - h, w, h), Box(left, y + OFFSET, w, h)]
    return boxes


@functools.cache
def _offsets_nearest_first() -> tuple[tuple[int, int], ...]:
    """Offsets around a point, nearest first: the same for every point, so sorted once."""
    offsets = [(dx, dy) for dx in range(-NEAR, NEAR + 1, 4) for dy in range(-NEAR, NEAR + 1, 4)]
    return tuple(sorted(offsets, key=lambda o: abs(o[0]) + abs(o[1])))


def _around(point: Point, w: float, h: float) -> Iterator[Box]:
    """Boxes near ``point`` in every direction, nearest first: where a label goes when
    there is no room along its arrow (a short exit between two symbols). Made lazily:
    the first free one ends the search, most of the 625 are never needed."""
    x, y = point
    return (Box(x + dx - w / 2, y + dy - h / 2, w, h) for dx, dy in _offsets_nearest_first())


def _label(text: str, box: Box, size: float) -> Label:
    return Label(text, box, (box.x + PAD, box.bottom - PAD - size * 0.18))
