"""The table's text in the official flowchart SVG: header and body cells (pure).

SVG text does not wrap, so a cell's lines (broken in ``text``) are placed one by one: the
first in the ``<text>`` itself, each further one in a ``<tspan>`` at its own x and y. The
header's cells stand in one group that makes them bold and centred; body cells stand in
one group per row that names its step, and only the centred columns (No, Waktu) say so.
Each ``<text>`` names its column (``data-key``), so readers find a text's cell.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from generator.render.official.markup import n, t
from generator.render.official.table import FONT, LINE, PAD, Cell

CENTRED = {"no", "time"}
BASELINE = FONT * 0.35
"""From the middle of a line to its baseline: the text's x-height centred on the line."""


def _lines(x: float, tops: list[tuple[float, str]]) -> str:
    """``(y, line)`` pairs as the content of a ``<text>``: its position, then its lines."""
    (y, first), rest = tops[0], tops[1:]
    return (f' x="{n(x)}" y="{n(y)}">{t(first)}'
            + "".join(f'<tspan x="{n(x)}" y="{n(ty)}">{t(line)}</tspan>' for ty, line in rest)
            + "</text>")


def _text(cell: Cell) -> str:
    """A cell's lines: centred in header cells, top-left in body cells (No/Waktu centred)."""
    if cell.rotated:
        return _turned_text(cell)
    centred = cell.header or cell.key in CENTRED
    x = cell.box.cx if centred else cell.box.x + PAD
    top = cell.box.cy - len(cell.lines) * LINE / 2 if cell.header else cell.box.y + PAD
    tops = [(top + i * LINE + LINE / 2 + BASELINE, line)
            for i, line in enumerate(cell.lines) if line]
    if not tops:
        return ""
    anchor = ' text-anchor="middle"' if centred and not cell.header else ""
    return f'<text data-key="{cell.key}"{anchor}{_lines(x, tops)}'


def _turned_text(cell: Cell) -> str:
    """A header cell's lines turned a quarter round (read from the bottom up), centred."""
    lines = [line for line in cell.lines if line]
    tops = [((i - (len(lines) - 1) / 2) * LINE + BASELINE, line) for i, line in enumerate(lines)]
    return (f'<text data-key="{cell.key}" data-turned="1" '
            f'transform="translate({n(cell.box.cx)} {n(cell.box.cy)}) rotate(-90)"'
            f"{_lines(0, tops)}")


def texts(cells: Sequence[Cell]) -> str:
    """Every cell's text: the header's in one bold, centred group, then each row's."""
    head = "".join(_text(cell) for cell in cells if cell.header)
    rows = "".join(f'<g data-step="{step}">{"".join(_text(cell) for cell in group)}</g>'
                   for step, group in itertools.groupby(
                       (cell for cell in cells if not cell.header), key=lambda c: c.step))
    return (f'<g class="sop-texts" fill="#000"><g font-weight="bold" text-anchor="middle">'
            f"{head}</g>{rows}</g>")
