"""The official flowchart, page by page: rows, symbols, connectors and routed arrows.

Pure geometry from the SOP's view: nothing here draws or reads a file. A page holds the
rows that fit on A4 landscape, at most a configurable number of steps (``paging``); an
arrow whose ends fall on different pages becomes a pair
of off-page connectors with the same letter (A, B, ... Z, AA, ...), one on each page.
Connectors of arrows going on to a later page stand in a band below the last row, those
arriving from an earlier page in a band above the first row; loops do the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check import flow
from generator.render.official.crossings import crossings, page_connectors, page_links
from generator.render.official.geometry import Box, Point
from generator.render.official.paging import PAGE_H, Paper, Part, Row, paginate
from generator.render.official.routing import Arrow, Router, route_page
from generator.render.official.symbols import (
    Placed,
    Symbol,
    band_rows,
    group_height,
    place_connectors,
    place_step,
)
from generator.render.official.table import (
    BASE_WIDTH,
    LINE,
    PAD,
    Cell,
    Column,
    columns,
    header,
    step_cells,
)
from generator.render.view import SopView

ROW_PAD = 14.0
DECISION_ROW_PAD = 20.0
"""Below a diamond there must be room for the Ya/Tidak label of its downward exit."""
BAND_H = 44.0
LABEL_FONT = 10.0


@dataclass(frozen=True)
class PageLayout:
    """Everything one page of the flowchart table shows, in SVG user units."""

    number: int
    count: int
    width: float
    height: float
    columns: tuple[Column, ...]
    cells: tuple[Cell, ...]
    rows: tuple[tuple[int | None, Box], ...]
    symbols: tuple[Symbol, ...]
    joins: tuple[tuple[Point, Point], ...]
    arrows: tuple[Arrow, ...]


def flowchart_pages(view: SopView, labels: dict[str, str], steps_per_page: int
                    ) -> tuple[PageLayout, ...]:
    """The flowchart table of one SOP on pages of at most ``steps_per_page`` steps, as many
    rows as fit in a printed page; a row taller than a page continues on the next."""
    chart = _Chart(view, labels)
    paper = Paper(chart.budget, LINE, PAD)
    pages = paginate([chart.row(i) for i in range(len(view.steps))], steps_per_page, paper)
    page_of = {part.step: p for p, page in enumerate(pages) for part in page if part.opens}
    letters = crossings(chart.edges, page_of)
    return tuple(chart.page(p, page, page_of, letters, len(pages))
                 for p, page in enumerate(pages))


class _Chart:
    """What every page of one SOP shares: columns, header, edges, each step's text lines."""

    def __init__(self, view: SopView, labels: dict[str, str]) -> None:
        self.view, self.labels = view, labels
        self.cols = columns(len(view.sop.roles), labels)
        self.roles = [col for col in self.cols if col.key.startswith("role-")]
        self.width = self.cols[-1].x + self.cols[-1].w
        self.head, self.head_h = header(self.cols, [r.name for r in view.sop.roles], labels)
        self.edges = flow.edges(view.sop)
        self.ends = {e.source for e in self.edges if e.target is None and e.branch is not None}
        self.lines = [step_cells(step, self.cols) for step in view.steps]
        # a wider table is printed smaller, so more of its units fit in the page's height
        self.budget = PAGE_H * self.width / BASE_WIDTH - self.head_h - 2 * BAND_H
        self.titles = {"step": labels["step"], "start": labels["start"], "end": labels["end"],
                       "decision": labels["decision"], "process": labels["official_process"]}

    def row(self, i: int) -> Row:
        """What step ``i`` needs: its lines, its height, its symbols' height."""
        step, (lines, text_h) = self.view.steps[i], self.lines[i]
        symbols_h = group_height(step, len(self.roles), i in self.ends) \
            + 2 * (DECISION_ROW_PAD if step.question else ROW_PAD)
        count = max(len(cell) for cell in lines.values())
        return Row(i, count, max(text_h, symbols_h), symbols_h)

    def _cells(self, part: Part, y: float, h: float) -> list[Cell]:
        """A row's cells: the lines of this part; a continuation says so first."""
        step, (lines, _) = self.view.steps[part.step], self.lines[part.step]
        more = () if part.opens else (f"({self.labels['official_continued']})",)
        shown = {key: (*more, *cell[part.first:part.last]) if key == "activity"
                 else (str(step.number),) if key == "no" else cell[part.first:part.last]
                 for key, cell in lines.items()}
        return [Cell(col.key, Box(col.x, y, col.w, h), shown.get(col.key, ()),
                     step=step.number) for col in self.cols]

    def page(self, p: int, page: list[Part], page_of: dict[int, int],
             letters: dict[flow.Edge, str], count: int) -> PageLayout:
        tops, bottoms = page_connectors(self.view, self.labels, letters, page_of, p)
        unknown = {e.source for e in self.edges if e.unknown}
        placed, cells = Placed(), list(self.head)
        rows: list[tuple[int | None, Box]] = []
        y = self.head_h
        if tops:
            rows.append((None, Box(0, y, self.width, BAND_H * band_rows(len(tops), self.roles))))
            place_connectors(placed, tops, rows[-1][1], -1, self.roles)
            y += rows[-1][1].h
        for row_index, part in enumerate(page):
            step, i = self.view.steps[part.step], part.step
            row = Box(0, y, self.width, part.height)
            rows.append((step.number if part.opens else None, row))
            cells += self._cells(part, y, row.h)
            if part.opens:
                titles = {**self.titles, "end": self.labels["not_stated"]} if i in unknown \
                    else self.titles  # an answer the source omits ends in a 'not stated' mark
                place_step(placed, step, self.roles, row, row_index, titles, i in self.ends)
            y += row.h
        if bottoms:
            band_h = BAND_H * band_rows(len(bottoms), self.roles)
            rows.append((None, Box(0, y, self.width, band_h)))
            place_connectors(placed, bottoms, rows[-1][1], len(page), self.roles)
            y += band_h
        area = Box(self.roles[0].x, self.head_h, self.roles[-1].x + self.roles[-1].w
                   - self.roles[0].x, y - self.head_h)
        rules = [Box(area.x, box.y - 0.5, area.w, 1.0) for _, box in rows]
        rules += [Box(col.x - 0.5, area.y, 1.0, area.h) for col in self.roles[1:]]
        inner = tuple(col.x for col in self.roles[1:])
        links = page_links(self.edges, self.labels, letters, page_of, p)
        arrows = route_page(lambda: Router(placed.nodes, area, LABEL_FONT, rules,
                                           list(placed.joins), inner=inner), links)
        return PageLayout(p + 1, count, self.width, y, self.cols, tuple(cells),
                          tuple(rows), tuple(placed.symbols), tuple(placed.joins), arrows)
