"""Where the five official symbols stand: steps in their executors' columns, connectors in bands.

A process is a rectangle, a decision a diamond, the first and last steps capsules. A step
done by several executors gets one symbol in each of their columns, joined by a line. A
decision exit that ends the procedure leads to a small end capsule right below the
diamond, in the deciding role's column: a capsule in a free column beside it stood under a
role that does not act at that step. Symbols keep a margin on both sides of
their column: the outer margins are the channels loop arrows run in.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from generator.render.official.candidates import Node, NodeId
from generator.render.official.geometry import Box, Point
from generator.render.official.table import Column, asks_more
from generator.render.official.text import text_width
from generator.render.view import StepView

SYMBOL_MARGIN = 16.0
SYMBOL_MAX_W = 80.0
PROCESS_H, DECISION_H = 28.0, 44.0
END_H, END_GAP = 22.0, 22.0
CONNECTOR_W, CONNECTOR_H, CONNECTOR_GAP = 24.0, 26.0, 8.0
END_FONT = 10.0


@dataclass(frozen=True)
class Symbol:
    """One drawn symbol; ``kind``: terminator, process, decision, end or connector."""

    node: NodeId
    kind: str
    box: Box
    title: str
    step: int | None = None
    column: str | None = None
    letter: str | None = None
    direction: str | None = None


@dataclass
class Placed:
    """The symbols of a page as they are placed, and the routing nodes they form."""

    nodes: dict[NodeId, Node] = field(default_factory=dict)
    symbols: list[Symbol] = field(default_factory=list)
    joins: list[tuple[Point, Point]] = field(default_factory=list)

    def add(self, row: int, top: float, symbols: Sequence[Symbol]) -> None:
        """Symbols of one node, in row ``row`` (-1: the top band) whose top is ``top``."""
        node = symbols[0].node
        self.symbols += symbols
        self.nodes[node] = Node(node, row, tuple(symbol.box for symbol in symbols), top,
                                symbols[0].kind == "decision")


def step_kind(step: StepView) -> str:
    """decision for a question, terminator for the first and last step, else process."""
    return "decision" if step.question else "terminator" if step.is_terminator else "process"


def group_height(step: StepView, role_count: int, has_end: bool) -> float:
    """Height of the step's symbols, with its end capsule stacked below."""
    height = DECISION_H if step.question else PROCESS_H
    return height + END_GAP + END_H if has_end else height


def place_step(placed: Placed, step: StepView, roles: Sequence[Column], row: Box,
               row_index: int, titles: dict[str, str], has_end: bool) -> None:
    """Put a step's symbols (and its end capsule) into its row, centred vertically."""
    kind = step_kind(step)
    top = row.cy - group_height(step, len(roles), has_end) / 2
    height = DECISION_H if step.question else PROCESS_H
    node = NodeId("step", step.number)
    word = titles[kind] if kind != "terminator" else \
        titles["start"] if step.number == 1 else titles["end"]
    question = f" {step.question}" if asks_more(step) else ""
    symbols = []
    for lane, name in zip(step.lane_indexes, step.actor_names, strict=True):
        col = roles[lane]
        w = min(col.w - 2 * SYMBOL_MARGIN, SYMBOL_MAX_W)
        symbols.append(Symbol(node, kind, Box(col.cx - w / 2, top, w, height),
                              f"{word}: {titles['step']} {step.number} ({name}): "
                              f"{step.action}{question}", step.number, col.key))
    placed.add(row_index, row.y, symbols)
    boxes = sorted(symbols, key=lambda symbol: symbol.box.x)
    placed.joins += [((a.box.right, a.box.cy), (b.box.x, b.box.cy))
                     for a, b in itertools.pairwise(boxes)]
    if has_end:
        col = roles[step.lane_indexes[0]]
        w = min(col.w - 2 * SYMBOL_MARGIN, text_width(titles["end"], END_FONT) + 18)
        y = top + height + END_GAP
        placed.add(row_index, row.y, [Symbol(NodeId("end", step.number), "end",
                                      Box(col.cx - w / 2, y, w, END_H), titles["end"],
                                      step.number, col.key)])


@dataclass(frozen=True)
class Connector:
    """An off-page connector to place: its letter, direction and preferred column."""

    letter: str
    direction: Literal["in", "out"]
    lane: int
    title: str


def _slots(col: Column) -> list[float]:
    """Centres for connectors side by side in a column, clear of its margins (channels),
    the middle first."""
    step = CONNECTOR_W + CONNECTOR_GAP
    count = max(1, int((col.w - 2 * SYMBOL_MARGIN + CONNECTOR_GAP) // step))
    count -= 1 - count % 2  # an odd count keeps a slot in the middle, under the symbols
    centres = [col.cx + (i - (count - 1) / 2) * step for i in range(count)]
    return sorted(centres, key=lambda x: (abs(x - col.cx), x))


def band_rows(count: int, roles: Sequence[Column]) -> int:
    """Rows of connectors a band needs: more crossings than slots stack a second row."""
    return max(1, -(-count // sum(len(_slots(col)) for col in roles)))


def place_connectors(placed: Placed, connectors: Sequence[Connector], band: Box,
                     row_index: int, roles: Sequence[Column]) -> None:
    """Connectors of one band, each in its preferred column or the nearest with room."""
    rows = band_rows(len(connectors), roles)
    free = [(row, lane, x) for row in range(rows) for lane, col in enumerate(roles)
            for x in _slots(col)]
    for conn in connectors:
        row, lane, x = min(free, key=lambda spot: (spot[0], abs(spot[1] - conn.lane),
                                                   spot[1], free.index(spot)))
        free.remove((row, lane, x))
        cy = band.y + (row + 0.5) * band.h / rows
        box = Box(x - CONNECTOR_W / 2, cy - CONNECTOR_H / 2, CONNECTOR_W, CONNECTOR_H)
        placed.add(row_index, band.y, [Symbol(NodeId(conn.direction, conn.letter), "connector",
                                              box, conn.title, None, roles[lane].key,
                                              conn.letter, conn.direction)])
