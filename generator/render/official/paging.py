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

FRONT_PAGES = 2
"""Pages of the official document before the flowchart: the identity page and the
worksheet. Flowchart pages are numbered in the whole document ("halaman 3 dari 5")."""

PAGE_H = 672.0
"""Height of one printed flowchart page in SVG units at the base table width (1047 units
= 277 mm, so 672 units = 178 mm: A4 landscape minus margins, page number and sheet title)."""


@dataclass(frozen=True)
class Part:
    """The part of step ``step`` (0-based) shown in one row: text lines ``first`` up to
    ``last`` of its cells. The part with the first line holds the step's symbols."""

    step: int
    first: int
    last: int
    height: float

    @property
    def opens(self) -> bool:
        """True for the row holding the step's number, symbols and the start of its text."""
        return self.first == 0


def parts(step: int, lines: int, own_h: float, symbols_h: float, budget: float,
          line_h: float, pad: float) -> list[Part]:
    """The rows of one step: one when its text (``lines`` lines, ``own_h`` high with the
    symbols) fits in ``budget``; else pages of lines, the first holding the symbols. A
    continuation row spends one line on saying it continues."""
    if own_h <= budget:
        return [Part(step, 0, lines, own_h)]
    per_row = max(2, int((budget - 2 * pad) // line_h))
    result = [Part(step, 0, per_row, max(per_row * line_h + 2 * pad, symbols_h))]
    first = per_row
    while first < lines:
        last = min(lines, first + per_row - 1)
        result.append(Part(step, first, last, (last - first + 1) * line_h + 2 * pad))
        first = last
    return result


def paginate(steps: Sequence[Sequence[Part]], per_page: int, budget: float
             ) -> list[list[Part]]:
    """The rows of each page: as few pages as the height and ``per_page`` allow, then
    the smallest number of steps per page that still needs no more pages."""
    if per_page < 1:
        raise ValueError("steps per page must be at least 1")
    flat = [part for step in steps for part in step]
    fewest = _fill(flat, per_page, budget)
    needed = len(fewest)
    for cap in range(max(1, -(-len(steps) // max(needed, 1))), per_page):
        balanced = _fill(flat, cap, budget)
        if len(balanced) == needed:
            return balanced
    return fewest


def split(count: int, per_page: int) -> list[range]:
    """Step indexes per page when every row fits: ``per_page`` at most, spread evenly."""
    pages = paginate([[Part(i, 0, 1, 0.0)] for i in range(count)], per_page, 1.0)
    return [range(page[0].step, page[-1].step + 1) for page in pages]


def _fill(flat: Sequence[Part], cap: int, budget: float) -> list[list[Part]]:
    """Rows in order onto pages of at most ``cap`` steps and ``budget`` height."""
    pages: list[list[Part]] = []
    height, opened = 0.0, 0
    for part in flat:
        if not pages or height + part.height > budget or opened + part.opens > cap:
            pages.append([])
            height, opened = 0.0, 0
        pages[-1].append(part)
        height += part.height
        opened += part.opens
    return pages
