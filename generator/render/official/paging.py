"""Which rows of the official flowchart stand on which printed page.

A page of the table is printed on A4 landscape, so it holds as many rows as fit in its
height, never more than the configured number of steps. A row too tall for a page (an
activity of thousands of characters) continues on the next page in rows of its own: its
text is never shrunk to nothing nor cut. Pages are balanced: with as few pages as the rows
need, the steps are spread evenly, so no step stands alone on a sheet while the sheet
before it had room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAGE_H = 672.0
"""Height of one printed flowchart page in SVG units at the base table width (1047 units
= 277 mm, so 672 units = 178 mm: A4 landscape minus margins, page number and sheet title)."""


@dataclass(frozen=True)
class Row:
    """What step ``step`` (0-based) needs: ``lines`` lines of text in its tallest cell,
    ``height`` for the whole row, ``symbols_h`` for its symbols with their padding."""

    step: int
    lines: int
    height: float
    symbols_h: float


@dataclass(frozen=True)
class Part:
    """The part of step ``step`` shown in one row of a page: text lines ``first`` up to
    ``last`` of its cells. The part with the first line holds the step's symbols."""

    step: int
    first: int
    last: int
    height: float

    @property
    def opens(self) -> bool:
        """True for the row holding the step's number, symbols and the start of its text."""
        return self.first == 0


@dataclass(frozen=True)
class Paper:
    """The room of one page for rows, and the text metrics that cut a row in parts."""

    budget: float
    line_h: float
    pad: float


MIN_LINES = 3
"""A row taller than a page starts on the current page only if this many lines fit there."""


def paginate(rows: Sequence[Row], per_page: int, paper: Paper) -> list[list[Part]]:
    """The rows of each page: as few pages as the height and ``per_page`` allow, then
    the smallest number of steps per page that still needs no more pages."""
    if per_page < 1:
        raise ValueError("steps per page must be at least 1")
    fewest = _fill(rows, per_page, paper)
    needed = len(fewest)
    for cap in range(max(1, -(-len(rows) // max(needed, 1))), per_page):
        balanced = _fill(rows, cap, paper)
        if len(balanced) == needed:
            return balanced
    return fewest


def split(count: int, per_page: int) -> list[range]:
    """Step indexes per page when every row fits: ``per_page`` at most, spread evenly."""
    pages = paginate([Row(i, 1, 0.0, 0.0) for i in range(count)], per_page,
                     Paper(1.0, 0.0, 0.0))
    return [range(page[0].step, page[-1].step + 1) for page in pages]


def _fill(rows: Sequence[Row], cap: int, paper: Paper) -> list[list[Part]]:
    """Rows in order onto pages of at most ``cap`` steps and ``paper.budget`` height; a
    row taller than a page fills what is left of the page and continues on the next."""
    pages: list[list[Part]] = []
    height, opened = 0.0, 0

    def new_page() -> None:
        nonlocal height, opened
        pages.append([])
        height, opened = 0.0, 0

    for row in rows:
        room = paper.budget - height
        tall = row.height > paper.budget
        if not pages or opened >= cap or (not tall and row.height > room) or (
                tall and room < row.symbols_h + MIN_LINES * paper.line_h):
            new_page()
        if not tall:
            pages[-1].append(Part(row.step, 0, row.lines, row.height))
            height += row.height
            opened += 1
            continue
        first = 0
        while first < row.lines:
            if first:
                new_page()
            marker = 1 if first else 0  # a continuation says so in its first line
            fit = int((paper.budget - height - 2 * paper.pad) // paper.line_h) - marker
            last = min(row.lines, first + max(1, fit))
            part_h = (last - first + marker) * paper.line_h + 2 * paper.pad
            part = Part(row.step, first, last, max(part_h, row.symbols_h if not first else 0))
            pages[-1].append(part)
            height += part.height
            opened += part.opens
            first = last
    return pages
