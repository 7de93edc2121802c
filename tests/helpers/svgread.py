"""The official flowchart SVG read back with an XML parser: columns, rows, symbols,
arrows and labels as the drawing shows them (for the tests, never for rendering)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.render.official.geometry import Box, Point

NS = {"s": "http://www.w3.org/2000/svg"}


@dataclass(frozen=True)
class Shape:
    node: str
    kind: str
    step: int | None
    column: str | None
    letter: str | None
    direction: str | None
    box: Box
    title: str
    text: str


@dataclass(frozen=True)
class Drawn:
    source: str
    target: str
    branch: str | None
    points: tuple[Point, ...]
    label: str | None
    label_box: Box | None


@dataclass(frozen=True)
class Page:
    """One SVG page as the tests see it."""

    root: ET.Element
    columns: dict[str, tuple[float, float]]
    rows: dict[int, tuple[float, float]]
    shapes: list[Shape]
    arrows: list[Drawn]

    def steps(self, number: int) -> list[Shape]:
        return [s for s in self.shapes if s.node == f"step-{number}"]


@dataclass(frozen=True)
class CellText:
    """A table cell's text as drawn: its column, its row's step (None in the header),
    whether it is turned upright or bold, and its lines."""

    key: str
    step: int | None
    turned: bool
    bold: bool
    lines: tuple[str, ...]


def box_of(element: ET.Element) -> Box:
    if element.tag.endswith("rect"):
        return Box(*(float(element.get(k, "0")) for k in ("x", "y", "width", "height")))
    pts = [tuple(map(float, p.split(","))) for p in element.get("points", "").split()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def header_cells(root: ET.Element) -> list[tuple[str, Box]]:
    """The header's cells: the rects of the header group, each naming its column."""
    return [(rect.get("data-key", ""), box_of(rect))
            for rect in root.iterfind(".//s:g[@class='sop-heads']/s:rect", NS)]


def _step_of(node: str) -> int | None:
    """The step a symbol stands for, from its node's name (step-3, end-3; in-A: none)."""
    kind, _, rest = node.partition("-")
    return int(rest) if kind in ("step", "end") else None


def cell_texts(root: ET.Element) -> list[CellText]:
    """Every cell's text, with what it inherits from the groups around it (SVG passes
    ``font-weight`` and ``data-step`` grouping down): bold is whatever the text or its
    nearest ancestor that says so says."""
    found: list[CellText] = []

    def walk(element: ET.Element, bold: bool, step: int | None) -> None:
        weight = element.get("font-weight")
        bold = weight == "bold" if weight is not None else bold
        if element.get("data-step") is not None:
            step = int(element.get("data-step", "0"))
        if element.tag.endswith("}text"):
            lines = ([element.text] if element.text else []) + [
                span.text or "" for span in element.iterfind("s:tspan", NS)]
            found.append(CellText(element.get("data-key", ""), step,
                                  element.get("data-turned") == "1", bold, tuple(lines)))
            return
        for child in element:
            walk(child, bold, step)

    group = root.find(".//s:g[@class='sop-texts']", NS)
    if group is not None:
        walk(group, False, None)
    return found


def parse(svg: str) -> Page:
    """Columns from the header cells, rows from the row bands, symbols, arrows, labels."""
    root = ET.fromstring(svg)
    columns = {}
    for key, box in header_cells(root):
        if key.startswith("role-") and key not in columns:
            columns[key] = (box.x, box.right)
    rows = {int(r.get("data-step", "0")): (box_of(r).y, box_of(r).bottom)
            for r in root.iterfind(".//s:g[@class='sop-rows']/s:rect", NS) if r.get("data-step")}
    shapes = []
    for g in root.iterfind(".//s:g[@class='sop-symbols']/s:g", NS):
        shape = next(el for el in g if el.tag.endswith(("rect", "polygon")))
        title = g.find("s:title", NS)
        text = g.find("s:text", NS)
        node = g.get("data-node", "")
        shapes.append(Shape(node, g.get("data-kind", ""), _step_of(node), g.get("data-column"),
                            g.get("data-letter"), g.get("data-direction"), box_of(shape),
                            title.text or "" if title is not None else "",
                            "".join(text.itertext()) if text is not None else ""))
    arrows = []
    for g in root.iterfind(".//s:g[@class='sop-arrows']/s:g", NS):
        line = g.find("s:polyline", NS)
        assert line is not None
        points = tuple(tuple(map(float, p.split(","))) for p in line.get("points", "").split())
        label = g.find("s:text[@class='sop-label']", NS)
        label_rect = g.find("s:rect[@class='sop-label-box']", NS)
        arrows.append(Drawn(g.get("data-from", ""), g.get("data-to", ""), g.get("data-branch"),
                            points,  # type: ignore[arg-type]
                            label.text if label is not None else None,
                            box_of(label_rect) if label_rect is not None else None))
    return Page(root, columns, rows, shapes, arrows)
