"""The official flowchart SVG read back with an XML parser: columns, rows, symbols,
arrows and labels as the drawing shows them (for the tests, never for rendering)."""

from __future__ import annotations

import re
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


def path_points(d: str) -> tuple[Point, ...]:
    """The corners of a path of ``M``, ``L``, ``H`` and ``V`` pieces (an arrow's line),
    in order."""
    found: list[Point] = []
    for command, args in re.findall(r"([MLHV])([^MLHV]*)", d):
        x, y = found[-1] if found else (0.0, 0.0)
        if command in "ML":
            x, y = map(float, args.split(","))
        elif command == "H":
            x = float(args)
        else:
            y = float(args)
        found.append((x, y))
    return tuple(found)


def header_cells(root: ET.Element) -> list[tuple[str, Box]]:
    """The header's cells: the rects of the header group, each naming its column."""
    return [(rect.get("data-key", ""), box_of(rect))
            for rect in root.iterfind(".//s:g[@class='sop-heads']/s:rect", NS)]


def _step_of(node: str) -> int | None:
    """The step a symbol stands for, from its node's name (step-3, end-3; in-A: none)."""
    kind, _, rest = node.partition("-")
    return int(rest) if kind in ("step", "end") else None


def _translate(element: ET.Element) -> Point:
    """Where an element's ``translate`` moves it (0, 0 without one)."""
    found = re.search(r"translate\(([-\d.]+)(?:[ ,]+([-\d.]+))?\)", element.get("transform", ""))
    return (float(found.group(1)), float(found.group(2) or 0)) if found else (0.0, 0.0)


def _containing(boxes: list[tuple[str, Box]], point: Point) -> str:
    """The name of the (first) box ``point`` stands in, or "" if none."""
    return next((name for name, box in boxes if box.contains(point, tolerance=0.01)), "")


def cell_texts(root: ET.Element) -> list[CellText]:
    """Every cell's text, with what it inherits from the groups around it (SVG passes
    ``font-weight`` down): bold is whatever the text or its nearest ancestor that says so
    says. A header text's cell is the header cell it is drawn in (its start, or the
    centre it is turned about); a body text's column is its column group's ``data-key``
    and its row the row its first line is drawn in."""
    heads = header_cells(root)
    rows = [(r.get("data-step", ""), box_of(r))
            for r in root.iterfind(".//s:g[@class='sop-rows']/s:rect", NS)]
    found: list[CellText] = []

    def walk(element: ET.Element, bold: bool, key: str | None, offset: Point) -> None:
        weight = element.get("font-weight")
        bold = weight == "bold" if weight is not None else bold
        key = element.get("data-key", key)
        if element.tag.endswith("}text"):
            lines = ([element.text] if element.text else []) + [
                span.text or "" for span in element.iterfind("s:tspan", NS)]
            turned = "rotate(" in element.get("transform", "")
            dx, dy = _translate(element) if turned else (
                float(element.get("x", "0")), float(element.get("y", "0")))
            at = (offset[0] + dx, offset[1] + dy)
            if key is None:
                found.append(CellText(_containing(heads, at), None, turned, bold, tuple(lines)))
            else:
                step = _containing(rows, at)
                found.append(CellText(key, int(step) if step else None, turned, bold,
                                      tuple(lines)))
            return
        move = _translate(element)
        for child in element:
            walk(child, bold, key, (offset[0] + move[0], offset[1] + move[1]))

    group = root.find(".//s:g[@class='sop-texts']", NS)
    if group is not None:
        walk(group, False, None, (0.0, 0.0))
    return found


def _kind(node: str, shape: ET.Element) -> str:
    """A symbol's kind as drawn: a capsule (a rect with round ends) is the first or last
    step, or an end when its node is one; a plain rect a process; a diamond a decision;
    a pentagon a connector."""
    if shape.tag.endswith("rect"):
        if shape.get("rx") is None:
            return "process"
        return "end" if node.startswith("end-") else "terminator"
    corners = len(shape.get("points", "").split())
    return {4: "decision", 5: "connector"}.get(corners, f"polygon-{corners}")


def parse(svg: str) -> Page:
    """Columns from the header cells, rows from the row bands, symbols, arrows, labels.
    A symbol's kind is its shape and its column the executor's column it stands in (what
    the drawing shows, not what its markup says); a connector's letter and direction
    are in its node's name (``in-A``, ``out-B``)."""
    root = ET.fromstring(svg)
    columns = {}
    for key, box in header_cells(root):
        if key.startswith("role-") and key not in columns:
            columns[key] = (box.x, box.right)
    rows = {int(r.get("data-step", "0")): (box_of(r).y, box_of(r).bottom)
            for r in root.iterfind(".//s:g[@class='sop-rows']/s:rect", NS) if r.get("data-step")}
    shapes = []
    lanes = [(key, Box(lo, 0, hi - lo, float("inf"))) for key, (lo, hi) in columns.items()]
    for g in root.iterfind(".//s:g[@class='sop-symbols']/s:g", NS):
        shape = next(el for el in g if el.tag.endswith(("rect", "polygon")))
        title = g.find("s:title", NS)
        text = g.find("s:text", NS)
        node = g.get("data-node", "")
        box = box_of(shape)
        direction, _, letter = node.partition("-")
        connector = direction in ("in", "out")
        shapes.append(Shape(node, _kind(node, shape), _step_of(node),
                            _containing(lanes, (box.cx, 0.0)) or None,
                            letter if connector else None, direction if connector else None,
                            box, title.text or "" if title is not None else "",
                            "".join(text.itertext()) if text is not None else ""))
    arrows = []
    for g in root.iterfind(".//s:g[@class='sop-arrows']/*", NS):
        # an arrow is its line, or a group of its line and its label or own head
        line = g if g.tag.endswith("}path") else g.find("s:path", NS)
        assert line is not None
        points = path_points(line.get("d", ""))
        label = g.find("s:text", NS)  # an arrow's one text is its label, its one rect
        label_rect = g.find("s:rect", NS)  # the label's white ground
        arrows.append(Drawn(g.get("data-from", ""), g.get("data-to", ""), g.get("data-branch"),
                            points,
                            label.text if label is not None else None,
                            box_of(label_rect) if label_rect is not None else None))
    return Page(root, columns, rows, shapes, arrows)
