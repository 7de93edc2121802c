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


def box_of(element: ET.Element) -> Box:
    if element.tag.endswith("rect"):
        return Box(*(float(element.get(k, "0")) for k in ("x", "y", "width", "height")))
    pts = [tuple(map(float, p.split(","))) for p in element.get("points", "").split()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def parse(svg: str) -> Page:
    """Columns from the header cells, rows from the row bands, symbols, arrows, labels."""
    root = ET.fromstring(svg)
    columns = {}
    for rect in root.iterfind(".//s:rect[@class='sop-cell']", NS):
        key = rect.get("data-key", "")
        box = box_of(rect)
        if key.startswith("role-") and key not in columns:
            columns[key] = (box.x, box.right)
    rows = {int(r.get("data-step", "0")): (box_of(r).y, box_of(r).bottom)
            for r in root.iterfind(".//s:rect[@class='sop-row']", NS) if r.get("data-step")}
    shapes = []
    for g in root.iterfind(".//s:g[@class='sop-symbol']", NS):
        shape = next(el for el in g if el.tag.endswith(("rect", "polygon")))
        title = g.find("s:title", NS)
        text = g.find("s:text", NS)
        step = g.get("data-step")
        shapes.append(Shape(g.get("data-node", ""), g.get("data-kind", ""),
                            int(step) if step else None, g.get("data-column"),
                            g.get("data-letter"), g.get("data-direction"), box_of(shape),
                            title.text or "" if title is not None else "",
                            "".join(text.itertext()) if text is not None else ""))
    arrows = []
    for g in root.iterfind(".//s:g[@class='sop-arrow']", NS):
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
