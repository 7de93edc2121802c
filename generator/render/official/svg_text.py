"""The table's text in the official flowchart SVG: header and body cells (pure).

SVG text does not wrap, so a cell's lines (broken in ``text``) are placed one by one: the
first in the ``<text>`` itself, each further one in a ``<tspan>`` at its own x and y. The
header's cells stand in one group that makes them bold and centred; each is found by the
header cell it is drawn in. The body's texts stand in one group per column, which names
the column (``data-key``), says where its texts start (a ``translate``: every text of a
column starts at the same x, so a text says only its y) and, for the centred columns (No,
Waktu), that they are centred; a text's row is the row it is drawn in.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.render.official.markup import n, t
from generator.render.official.table import FONT, LINE, PAD, Cell

CENTRED = {"no", "time"}
BASELINE = FONT * 0.35
"""From the middle of a line to its baseline: the text's x-height centred on the line."""


def _lines(x: float, tops: list[tuple[float, str]]) -> str:
    """``(y, line)`` pairs as the content of a ``<text>``: its position, then its lines.
    An x or y of 0 is left out of the ``<text>`` (SVG's default); a ``<tspan>`` keeps
    its x, which takes the line back to the start."""
    (y, first), rest = tops[0], tops[1:]
    at = "".join(f' {name}="{n(value)}"' for name, value in (("x", x), ("y", y))
                 if n(value) != "0")
    return (f"{at}>{t(first)}"
            + "".join(f'<tspan x="{n(x)}" y="{n(ty)}">{t(line)}</tspan>' for ty, line in rest)
            + "</text>")


def _x(cell: Cell) -> float:
    """Where a cell's lines start: its centre (header, No, Waktu) or its padded left."""
    return cell.box.cx if cell.header or cell.key in CENTRED else cell.box.x + PAD


def _text(cell: Cell, x: float) -> str:
    """A cell's lines from ``x``: centred in header cells, top-left in body cells."""
    if cell.rotated:
        return _turned_text(cell)
    top = cell.box.cy - len(cell.lines) * LINE / 2 if cell.header else cell.box.y + PAD
    tops = [(top + i * LINE + LINE / 2 + BASELINE, line)
            for i, line in enumerate(cell.lines) if line]
    return f"<text{_lines(x, tops)}" if tops else ""


def _turned_text(cell: Cell) -> str:
    """A header cell's lines turned a quarter round (read from the bottom up), centred."""
    lines = [line for line in cell.lines if line]
    tops = [((i - (len(lines) - 1) / 2) * LINE + BASELINE, line) for i, line in enumerate(lines)]
    return (f'<text transform="translate({n(cell.box.cx)} {n(cell.box.cy)}) rotate(-90)"'
            f"{_lines(0, tops)}")


def _column(key: str, cells: list[Cell]) -> str:
    """A body column's texts in one group at the column's start; each text says its y
    (and its x only if it does not start where the column's texts do)."""
    start = _x(cells[0])
    anchor = ' text-anchor="middle"' if key in CENTRED else ""
    inner = "".join(_text(cell, _x(cell) - start) for cell in cells)
    return (f'<g data-key="{key}" transform="translate({n(start)})"{anchor}>{inner}</g>'
            if inner else "")


def texts(cells: Sequence[Cell]) -> str:
    """Every cell's text: the header's in one bold, centred group, then each column's."""
    head = "".join(_text(cell, _x(cell)) for cell in cells if cell.header)
    columns: dict[str, list[Cell]] = {}
    for cell in cells:
        if not cell.header:
            columns.setdefault(cell.key, []).append(cell)
    body = "".join(_column(key, group) for key, group in columns.items())
    return (f'<g class="sop-texts" fill="#000"><g font-weight="bold" text-anchor="middle">'
            f"{head}</g>{body}</g>")
