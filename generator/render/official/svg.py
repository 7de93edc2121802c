"""One page of the official flowchart as SVG text: grid, text, symbols, arrows (pure).

Everything an author wrote is XML-escaped (and stripped of characters XML cannot hold),
so the SVG stays well-formed whatever the SOP says. Text is real ``<text>``, each symbol
carries a ``<title>`` naming its step and executor, and no script is involved: the page
prints as it is. ``data-*`` attributes name what each element stands for, for tests and
for anyone reading the markup.

The markup is lean: this SVG is the largest part of the official document page (one per
SOP), and every byte is sent, parsed and printed. What many elements share (fill,
stroke, bold, centring, the arrow head) is said once on the group they stand in, and SVG
passes it down; the grid's body is its row rectangles and one path of column lines, not
a rectangle per cell. Elements of one kind stand in one group whose class names the kind
(``sop-heads``, ``sop-rows``, ``sop-texts``, ``sop-arrows``, ``sop-symbols``): a row, an
arrow or a symbol is a child of its group, named by its ``data-*`` attributes.
"""

from __future__ import annotations

import math

from generator.render.official.layout import LABEL_FONT, PageLayout
from generator.render.official.markup import n, points, rect, route, t
from generator.render.official.routing import Arrow
from generator.render.official.svg_text import texts
from generator.render.official.symbols import END_FONT, Symbol
from generator.render.official.table import BASE_WIDTH, FONT

FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif"
HEAD_LENGTH, HEAD_HALF = 7.0, 3.5
SCREEN_FONT = 12.0


def _shape(symbol: Symbol) -> str:
    box = symbol.box
    if symbol.kind == "decision":
        diamond = [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]
        return f'<polygon points="{points(diamond)}"/>'
    if symbol.kind == "connector":
        tip = box.bottom - box.h * 0.3
        pentagon = [(box.x, box.y), (box.right, box.y), (box.right, tip), (box.cx, box.bottom),
                    (box.x, tip)]
        return f'<polygon points="{points(pentagon)}"/>'
    rx = f' rx="{n(box.h / 2)}"' if symbol.kind in ("terminator", "end") else ""
    return rect(box, rx)


def _symbol(symbol: Symbol) -> str:
    """A symbol's group: the node it stands for (``step-3``, ``end-3``, ``in-A``: its
    step or its connector's letter and direction), the title a screen reader says, its
    shape and, for an end capsule or a connector, its word. Its kind is its shape and its
    column the one it is drawn in: the markup does not say them again."""
    inner = ""
    if symbol.kind == "connector":
        inner = (f'<text x="{n(symbol.box.cx)}" y="{n(symbol.box.y + symbol.box.h * 0.45)}" '
                 f'font-weight="bold" fill="#000" stroke="none">{t(symbol.letter)}</text>')
    elif symbol.kind == "end":
        inner = (f'<text x="{n(symbol.box.cx)}" y="{n(symbol.box.cy + END_FONT * 0.35)}" '
                 f'font-size="{n(END_FONT)}" fill="#000" stroke="none">{t(symbol.title)}</text>')
    return (f'<g data-node="{t(symbol.node)}"><title>{t(symbol.title)}</title>'
            f"{_shape(symbol)}{inner}</g>")


def _own_head(arrow: Arrow) -> str:
    """The head as a triangle of its own, for a line whose last piece is shorter than the
    written precision (a route can end with a sliver of a piece): written, that piece has
    no length, so a viewer could not tell the marker which way to point. Empty for every
    other line, whose head is the group's marker."""
    (px, py), (x, y) = arrow.points[-2], arrow.points[-1]
    if (n(px), n(py)) != (n(x), n(y)):
        return ""
    dx, dy = (x > px) - (x < px), (y > py) - (y < py)
    base = (x - dx * HEAD_LENGTH, y - dy * HEAD_LENGTH)
    head = [(x, y), (base[0] - dy * HEAD_HALF, base[1] + dx * HEAD_HALF),
            (base[0] + dy * HEAD_HALF, base[1] - dx * HEAD_HALF)]
    return f'<polygon points="{points(head)}" fill="#000" marker-end="none"/>'


def _arrow(arrow: Arrow) -> str:
    """An arrow: its line (a path of horizontal and vertical pieces) naming its ends, its
    head the group's marker. An arrow with more to draw (a Ya/Tidak label: the group's one
    rect, its white ground, and its one text; a head of its own) is a group naming them."""
    ends = f'data-from="{t(arrow.source)}" data-to="{t(arrow.target)}"'
    if arrow.branch:
        ends += f' data-branch="{arrow.branch}"'
    own = _own_head(arrow)
    stop = ' marker-end="none"' if own else ""  # a polygon or line would take the marker
    d = f'd="{route(arrow.points)}"{stop}'
    if arrow.label is None and not own:
        return f"<path {ends} {d}/>"
    label = ""
    if arrow.label is not None:
        bx, by = arrow.label.baseline
        label = (rect(arrow.label.box, ' fill="#fff" stroke="none"')
                 + f'<text x="{n(bx)}" y="{n(by)}" '
                   f'font-size="{n(LABEL_FONT)}" fill="#000" stroke="none">'
                   f"{t(arrow.label.text)}</text>")
    return f"<g {ends}><path {d}/>{own}{label}</g>"


def _head(number: int) -> tuple[str, str]:
    """The arrow head as a marker (its id, its definition): a filled triangle, tip at the
    line's end, pointing along its last piece, outlined like the line. Ids are per sheet:
    a document shows several sheets, and an id must be unique in it. A marker is drawn
    only where a line ends, wherever it stands: it needs no ``<defs>`` around it."""
    ident = f"sopgen-head-{number}"
    return ident, (f'<marker id="{ident}" orient="auto" markerUnits="userSpaceOnUse" '
                   f'overflow="visible"><path d="M0,0l{n(-HEAD_LENGTH)},{n(-HEAD_HALF)}'
                   f'v{n(2 * HEAD_HALF)}z" fill="#000" stroke="#000" stroke-width="1.2"/>'
                   f"</marker>")


def _grid(page: PageLayout) -> str:
    """Header cells as grey rects that name their column (``data-key``); the body as its
    rows (white rects naming their step; a band of connectors names none) and one path of the
    column lines between them: the same lines as a rectangle per cell, in a tenth of the
    bytes. A body cell is its column's header cell across its row."""
    heads = "".join(rect(cell.box, f' data-key="{cell.key}"') for cell in page.cells
                    if cell.header)
    rows = "".join(rect(row, f' data-step="{step}"' if step is not None else "")
                   for step, row in page.rows)
    top = page.rows[0][1].y if page.rows else page.height
    lines = "".join(f"M{n(col.x)},{n(top)}V{n(page.height)}" for col in page.columns[1:])
    return (f'<g class="sop-grid" stroke="#000" stroke-width="0.8">'
            f'<g class="sop-heads" fill="#eee">{heads}</g>'
            f'<g class="sop-rows" fill="#fff">{rows}</g>'
            f'<path class="sop-lines" fill="none" d="{lines}"/></g>')


def _screen_width(page: PageLayout) -> str:
    """A table wider than the A4 sheet (many roles) keeps, on screen, the width at which
    its 11-unit text is 12 px and scrolls sideways in its frame: shrunk to the page, 40
    roles put it at 4 px. On paper it is still scaled to the sheet (official.css)."""
    if page.width <= BASE_WIDTH + 0.5:
        return ""
    return f' style="--sopgen-sheet-width: {math.ceil((page.width + 2) * SCREEN_FONT / FONT)}px"'


def page_svg(page: PageLayout, title: str) -> str:
    """The SVG element of one flowchart page; ``title`` names it for screen readers."""
    head, marker = _head(page.number)
    joins = "".join(f'<line x1="{n(a[0])}" y1="{n(a[1])}" x2="{n(b[0])}" '
                    f'y2="{n(b[1])}"/>' for a, b in page.joins)
    return "".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sopgen-official-svg" '
        f'viewBox="-1 -1 {n(page.width + 2)} {n(page.height + 2)}" '  # room for the border
        f'width="{n(page.width + 2)}" height="{n(page.height + 2)}" '
        f'font-family="{FONT_FAMILY}" font-size="{n(FONT)}"{_screen_width(page)}>',
        f"<title>{t(title)}</title>{marker}",
        _grid(page),
        texts(page.cells),
        f'<g class="sop-joins" stroke="#000" stroke-width="1.2">{joins}</g>',
        f'<g class="sop-arrows" fill="none" stroke="#000" stroke-width="1.2" '
        f'marker-end="url(#{head})">{"".join(_arrow(a) for a in page.arrows)}</g>',
        f'<g class="sop-symbols" fill="#fff" stroke="#000" stroke-width="1.2" '
        f'text-anchor="middle">{"".join(_symbol(s) for s in page.symbols)}</g>',
        "</svg>",
    ])
