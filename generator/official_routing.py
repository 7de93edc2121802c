"""Orthogonal arrows between the symbols of one flowchart page.

Every arrow is tried as each candidate route of ``official_candidates``. A route through
another symbol or label, or through a port another arrow uses, loses to any that is not;
among those, the cheapest wins: short and with few turns, crossing and running along as
few lines as it can, with room beside it for its Ya/Tidak label. Routing is greedy, in
the order the page gives (plain flow first), so each arrow avoids those drawn before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .flow import Branch
from .official_candidates import Node, Route, candidates
from .official_geometry import Box, Point, collinear_overlap, crosses, segment_hits, segments
from .official_labels import Label, place_label

PER_UNIT_LENGTH = 100.0
TURN, CROSSING, ALONG = 1.0, 8.0, 20.0
LABEL_COST = (0.0, 3.0, 12.0)
"""Costs of a route, in the units of 100 units of length: a label over a table line costs
less than a long way round, a crossing more, running along another line most."""


@dataclass(frozen=True)
class Link:
    """An arrow to draw on this page; ``label`` is 'Ya'/'Tidak' for decision exits."""

    source: str
    target: str
    branch: Branch | None = None
    label: str | None = None


@dataclass(frozen=True)
class Arrow:
    """A routed arrow: an orthogonal polyline ending with its head at the target."""

    source: str
    target: str
    branch: Branch | None
    points: tuple[Point, ...]
    label: Label | None


@dataclass
class Router:
    """Routes links one by one, remembering what earlier arrows and labels occupy.

    ``rules`` are the table lines (labels avoid them), ``joins`` the lines joining the
    symbols of a step done by several executors (arrows may cross them, not run along).
    """

    nodes: dict[str, Node]
    area: Box
    label_size: float
    rules: list[Box] = field(default_factory=list)
    joins: list[tuple[Point, Point]] = field(default_factory=list)
    taken: list[tuple[Point, Point]] = field(default_factory=list)
    labels: list[Box] = field(default_factory=list)
    ports: dict[tuple[Box, str], str] = field(default_factory=dict)

    def route(self, link: Link) -> Arrow:
        """The best candidate of ``link``: nothing hit first, then the lowest cost."""
        best: tuple[tuple[int, float], Route, Label | None] | None = None
        for candidate in candidates(self.nodes[link.source], self.nodes[link.target],
                                    self.area):
            score, label = self._score(candidate, link)
            if best is None or score < best[0]:
                best = (score, candidate, label)
        assert best is not None, "every link has at least one candidate route"
        _, chosen, label = best
        if link.label is not None and label is None:  # no clean route: still say Ya/Tidak
            label, _ = place_label(link.label, chosen.points, self.label_size, self.area,
                                   [b for n in self.nodes.values() for b in n.boxes]
                                   + self.labels, self.rules, self.taken)
        self.ports[(chosen.a, chosen.exit)] = "out"
        self.ports[(chosen.b, chosen.entry)] = "in"
        self.taken += segments(chosen.points)
        if label is not None:
            self.labels.append(label.box)
        return Arrow(link.source, link.target, link.branch, chosen.points, label)

    def _score(self, route: Route, link: Link) -> tuple[tuple[int, float], Label | None]:
        """(hard, cost). Hard: 0 fine, 1 through a symbol or label, 2 a port in use. Cost:
        length and turns (direct routes first), lines crossed or run along, and where
        the Ya/Tidak label can stand (beside the arrow, over a table line, anywhere)."""
        if self.ports.get((route.a, route.exit)) is not None \
                or self.ports.get((route.b, route.entry)) == "out":
            return (2, 0.0), None
        obstacles = [box.inflate(2) for node in self.nodes.values() for box in node.boxes
                     if box not in (route.a, route.b)] + self.labels
        pieces = segments(route.points)
        if any(segment_hits(p, q, box) for p, q in pieces for box in obstacles) or any(
                segment_hits(p, q, box.inflate(-0.5)) for p, q in pieces
                for box in (route.a, route.b)):
            return (1, 0.0), None
        lines = self.taken + self.joins
        cost = sum(abs(q[0] - p[0]) + abs(q[1] - p[1]) for p, q in pieces) / PER_UNIT_LENGTH
        cost += TURN * (len(pieces) - 1)
        cost += ALONG * sum(collinear_overlap(s, t) for s in pieces for t in lines)
        cost += CROSSING * sum(crosses(s, t) for s in pieces for t in lines)
        label = None
        if link.label is not None:
            symbols = [box for node in self.nodes.values() for box in node.boxes]
            join_boxes = [Box(min(a[0], b[0]), a[1] - 1, abs(b[0] - a[0]), 2)
                          for a, b in self.joins]
            label, quality = place_label(link.label, route.points, self.label_size, self.area,
                                         symbols + self.labels + join_boxes, self.rules,
                                         lines + pieces)
            cost += LABEL_COST[quality]
        return (0, cost), label
