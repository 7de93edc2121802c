"""One page of the official flowchart as SVG text: grid, text, symbols, arrows (pure).

Everything an author wrote is XML-escaped (and stripped of characters XML cannot hold),
so the SVG stays well-formed whatever the SOP says. Text is real ``<text>``, each symbol
carries a ``<title>`` naming its step and executor, and no script is involved: the page
prints as it is. ``data-*`` attributes name what each element stands for, for tests and
for anyone reading the markup.
"""

from __future__ import annotations

import math
import re
from html import escape

from generator.render.official.geometry import Box, Point
from generator.render.official.layout import LABEL_FONT, PageLayout
from generator.render.official.routing import Arrow
from generator.render.official.symbols import END_FONT, Symbol
from generator.render.official.table import BASE_WIDTH, FONT, LINE, PAD, Cell

FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif"
HEAD_LENGTH, HEAD_HALF = 7.0, 3.5
CENTRED = {"no", "time"}
SCREEN_FONT = 12.0
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _t(value: object) -> str:
    """Text or attribute value, escaped for XML (quotes too) without XML-illegal chars."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _points(points: tuple[Point, ...] | list[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _rect(box: Box, cls: str, extra: str = "") -> str:
    return (f'<rect class="{cls}" x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" '
            f'height="{_n(box.h)}"{extra}/>')


def _text(cell: Cell) -> str:
    """A cell's lines: centred in header cells, top-left in body cells (No/Waktu centred)."""
    if cell.rotated:
        return _turned_text(cell)
    centred = cell.header or cell.key in CENTRED
    x = cell.box.cx if centred else cell.box.x + PAD
    top = cell.box.cy - len(cell.lines) * LINE / 2 if cell.header else cell.box.y + PAD
    spans = "".join(f'<tspan x="{_n(x)}" y="{_n(top + i * LINE + LINE / 2 + FONT * 0.35)}">'
                    f"{_t(line)}</tspan>" for i, line in enumerate(cell.lines) if line)
    if not spans:
        return ""
    anchor = ' text-anchor="middle"' if centred else ""
    weight = ' font-weight="bold"' if cell.header else ""
    step = f' data-step="{cell.step}"' if cell.step is not None else ""
    return f'<text class="sop-text" data-key="{cell.key}"{step}{anchor}{weight}>{spans}</text>'


def _turned_text(cell: Cell) -> str:
    """A header cell's lines turned a quarter round (read from the bottom up), centred."""
    lines = [line for line in cell.lines if line]
    spans = "".join(f'<tspan x="0" y="{_n((i - (len(lines) - 1) / 2) * LINE + FONT * 0.35)}">'
                    f"{_t(line)}</tspan>" for i, line in enumerate(lines))
    return (f'<text class="sop-text" data-key="{cell.key}" data-turned="1" '
            f'transform="translate({_n(cell.box.cx)} {_n(cell.box.cy)}) rotate(-90)" '
            f'text-anchor="middle" font-weight="bold">{spans}</text>')


def _shape(symbol: Symbol) -> str:
    box = symbol.box
    if symbol.kind == "decision":
        diamond = [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]
        return f'<polygon points="{_points(diamond)}"/>'
    if symbol.kind == "connector":
        tip = box.bottom - box.h * 0.3
        pentagon = [(box.x, box.y), (box.right, box.y), (box.right, tip), (box.cx, box.bottom),
                    (box.x, tip)]
        return f'<polygon points="{_points(pentagon)}"/>'

    rx = f' rx="{_n(box.h / 2)}"' if symbol.kind in ("terminator", "end") else ""
    return _rect(box, "sop-shape", rx)


def _symbol(symbol: Symbol) -> str:
    data = "".join(f' data-{name}="{_t(value)}"' for name, value in (
        ("node", symbol.node), ("kind", symbol.kind), ("step", symbol.step),
        ("column", symbol.column), ("letter", symbol.letter),
        ("direction", symbol.direction)) if value is not None)
    inner = ""
    if symbol.kind == "connector":
        inner = (f'<text x="{_n(symbol.box.cx)}" y="{_n(symbol.box.y + symbol.box.h * 0.45)}" '
                 f'text-anchor="middle" font-weight="bold" fill="#000" stroke="none">'
                 f"{_t(symbol.letter)}</text>")
    elif symbol.kind == "end":
        inner = (f'<text x="{_n(symbol.box.cx)}" y="{_n(symbol.box.cy + END_FONT * 0.35)}" '
                 f'text-anchor="middle" font-size="{_n(END_FONT)}" fill="#000" stroke="none">'
                 f"{_t(symbol.title)}</text>")
    return (f'<g class="sop-symbol"{data}><title>{_t(symbol.title)}</title>'
            f"{_shape(symbol)}{inner}</g>")


def _arrow(arrow: Arrow) -> str:
    (px, py), (x, y) = arrow.points[-2], arrow.points[-1]
    dx, dy = (x > px) - (x < px), (y > py) - (y < py)
    base = (x - dx * HEAD_LENGTH, y - dy * HEAD_LENGTH)
    head = [(x, y), (base[0] - dy * HEAD_HALF, base[1] + dx * HEAD_HALF),
            (base[0] + dy * HEAD_HALF, base[1] - dx * HEAD_HALF)]
    branch = f' data-branch="{arrow.branch}"' if arrow.branch else ""
    label = ""
    if arrow.label is not None:
        bx, by = arrow.label.baseline
        label = (_rect(arrow.label.box, "sop-label-box", ' fill="#fff" stroke="none"')
                 + f'<text class="sop-label" x="{_n(bx)}" y="{_n(by)}" '
                   f'font-size="{_n(LABEL_FONT)}" fill="#000" stroke="none">'
                   f"{_t(arrow.label.text)}</text>")
    return (f'<g class="sop-arrow" data-from="{_t(arrow.source)}" data-to="{_t(arrow.target)}"'
            f'{branch}><polyline points="{_points(arrow.points)}" fill="none"/>'
            f'<polygon class="sop-head" points="{_points(head)}" fill="#000"/>{label}</g>')


def _outlines(boxes: list[Box]) -> str:
    """The boxes as the subpaths of one path: a body cell costs ~35 bytes this way instead
    of ~115 as a ``<rect>`` of its own (the cells were ~45% of a sheet's bytes), and it is
    drawn the same (the same boxes, filled and stroked)."""
    return "".join(f"M{_n(b.x)},{_n(b.y)}h{_n(b.w)}v{_n(b.h)}h{_n(-b.w)}z" for b in boxes)


def _grid(page: PageLayout) -> list[str]:
    """Header cells as rects that name their column (``data-key``: a body cell is its
    column's header cell across its row, ``sop-row``), the body cells and connector bands'
    cells as one white path."""
    grid = [_rect(cell.box, "sop-cell", f' data-key="{cell.key}" fill="#eeeeee"')
            for cell in page.cells if cell.header]
    body = [cell.box for cell in page.cells if not cell.header]
    body += [Box(col.x, row.y, col.w, row.h) for step, row in page.rows if step is None
             for col in page.columns]
    return [*grid, f'<path class="sop-cells" fill="#fff" d="{_outlines(body)}"/>']


def _screen_width(page: PageLayout) -> str:
    """A table wider than the A4 sheet (many roles) keeps, on screen, the width at which
    its 11-unit text is 12 px and scrolls sideways in its frame: shrunk to the page, 40
    roles put it at 4 px. On paper it is still scaled to the sheet (official.css)."""
    if page.width <= BASE_WIDTH + 0.5:
        return ""
    return f' style="--sopgen-sheet-width: {math.ceil((page.width + 2) * SCREEN_FONT / FONT)}px"'


def page_svg(page: PageLayout, title: str) -> str:
    """The SVG element of one flowchart page; ``title`` names it for screen readers."""
    grid = _grid(page)
    rows = [_rect(row, "sop-row", f' data-step="{step}" fill="none" stroke="none"'
                  if step is not None else ' data-band="1" fill="none" stroke="none"')
            for step, row in page.rows]
    texts = [_text(cell) for cell in page.cells]
    joins = [f'<line class="sop-join" x1="{_n(a[0])}" y1="{_n(a[1])}" x2="{_n(b[0])}" '
             f'y2="{_n(b[1])}"/>' for a, b in page.joins]
    return "".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sopgen-official-svg" '
        f'viewBox="-1 -1 {_n(page.width + 2)} {_n(page.height + 2)}" '  # room for the border
        f'width="{_n(page.width + 2)}" height="{_n(page.height + 2)}" '
        f'font-family="{FONT_FAMILY}" font-size="{_n(FONT)}" '
        f'data-page="{page.number}" data-pages="{page.count}"{_screen_width(page)}>',
        f"<title>{_t(title)}</title>",
        f'<g class="sop-grid" stroke="#000" stroke-width="0.8">{"".join(grid)}</g>',
        f'<g class="sop-rows">{"".join(rows)}</g>',
        f'<g class="sop-texts" fill="#000">{"".join(texts)}</g>',
        f'<g class="sop-joins" stroke="#000" stroke-width="1.2">{"".join(joins)}</g>',
        f'<g class="sop-arrows" stroke="#000" stroke-width="1.2">'
        f'{"".join(_arrow(a) for a in page.arrows)}</g>',
        f'<g class="sop-symbols" fill="#fff" stroke="#000" stroke-width="1.2">'
        f'{"".join(_symbol(s) for s in page.symbols)}</g>',
        "</svg>",
    ])
