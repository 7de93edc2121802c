"""Orthogonal arrows between the symbols of one flowchart page.

Every arrow is tried as each candidate route of ``official_candidates``. A route through
another symbol or label, or through a port another arrow uses, loses to any that is not;
among those, the cheapest wins: short and with few turns, crossing and running along as
few lines as it can, with room near its exit for its Ya/Tidak label. Routing is greedy,
in the order the page gives (plain flow first), so each arrow avoids those drawn before
it; an arrow left without a clean way is routed first in another round (``route_page``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.check.flow import Branch
from generator.render.official.candidates import Node, NodeId, Route, candidates
from generator.render.official.geometry import (
    Box,
    Point,
    collinear_overlap,
    crosses,
    extent,
    polyline_length,
    segment_hits,
    segments,
)
from generator.render.official.labels import Label, place_label

PER_UNIT_LENGTH = 100.0
TURN, CROSSING, ALONG = 1.0, 8.0, 20.0
RETRIES = 4
"""Rounds of routing a page again when an arrow found no clean way (see ``route_page``)."""
LABEL_COST = (0.0, 3.0, 6.0)
"""Costs of a route, in the units of 100 units of length: a label over a table line costs
less than a long way round, one nearer another line than its own arrow more (a reader
could give it to that line), a crossing more, running along another line most. A route
whose label finds no free spot near its exit is blocked, like one through a symbol."""


@dataclass(frozen=True)
class Link:
    """An arrow to draw on this page; ``label`` is 'Ya'/'Tidak' for decision exits."""

    source: NodeId
    target: NodeId
    branch: Branch | None = None
    label: str | None = None


@dataclass(frozen=True)
class Arrow:
    """A routed arrow: an orthogonal polyline ending with its head at the target."""

    source: NodeId
    target: NodeId
    branch: Branch | None
    points: tuple[Point, ...]
    label: Label | None
    blocked: bool = False
    """No clean candidate was left: it runs through or along something drawn before."""


@dataclass
class Router:
    """Routes links one by one, remembering what earlier arrows and labels occupy.

    ``rules`` are the table lines (labels avoid them), ``joins`` the lines joining the
    symbols of a step done by several executors (arrows may cross them, not run along).
    """

    nodes: dict[NodeId, Node]
    area: Box
    label_size: float
    rules: list[Box] = field(default_factory=list)
    joins: list[tuple[Point, Point]] = field(default_factory=list)
    taken: list[tuple[Point, Point]] = field(default_factory=list)
    targets: list[NodeId] = field(default_factory=list)
    """The target of the arrow each ``taken`` piece belongs to."""
    labels: list[Box] = field(default_factory=list)
    inner: tuple[float, ...] = ()
    """The x of the lines between executor columns (channels run beside them)."""
    ports: dict[tuple[Box, str], str] = field(default_factory=dict)

    def route(self, link: Link) -> Arrow:
        """The best candidate of ``link``: nothing hit first, then the lowest cost.

        The label is placed only for a candidate whose cost without it can still win
        (a label never lowers the cost): the same choice, at a fraction of the work."""
        best: tuple[tuple[int, float], Route, Label | None] | None = None
        obstacles = self._obstacles()

        def worth(first: Point, channel: float, last: Point) -> bool:
            """False when even the shortest way through the channel costs more than the
            best clean route so far (a tiny margin keeps rounding from deciding)."""
            if best is None or best[0][0] != 0:
                return True
            shortest = abs(first[0] - channel) + abs(channel - last[0]) + abs(first[1] - last[1])
            return shortest / PER_UNIT_LENGTH - 1e-9 < best[0][1]

        for candidate in candidates(self.nodes[link.source], self.nodes[link.target],
                                    self.area, self.inner, worth):
            bound = best[0] if best is not None else None
            base = self._base_score(candidate, obstacles, link.target, bound)
            if bound is not None and base >= bound:
                continue
            score, label = self._with_label(candidate, link, base)
            if best is None or score < best[0]:
                best = (score, candidate, label)
        assert best is not None, "every link has at least one candidate route"
        (hard, _), chosen, label = best
        if link.label is not None and label is None:  # no clean route: still say Ya/Tidak
            label, _ = place_label(link.label, chosen.points, self.label_size, self.area,
                                   [b for n in self.nodes.values() for b in n.boxes]
                                   + self.labels, self.rules, self.taken)
        self.ports[(chosen.a, chosen.exit)] = "out"
        self.ports[(chosen.b, chosen.entry)] = "in"
        pieces = segments(chosen.points)
        self.taken += pieces
        self.targets += [link.target] * len(pieces)
        if label is not None:
            self.labels.append(label.box)
        return Arrow(link.source, link.target, link.branch, chosen.points, label, hard > 0)

    def _obstacles(self) -> list[tuple[Box, Box]]:
        """Every symbol box (and its 2-unit margin) plus the labels placed so far."""
        boxes = [(box, box.inflate(2)) for node in self.nodes.values() for box in node.boxes]
        return boxes + [(label, label) for label in self.labels]

    def _base_score(self, route: Route, obstacles: list[tuple[Box, Box]], target: NodeId,
                    bound: tuple[int, float] | None = None) -> tuple[int, float]:
        """(hard, cost) without the label. Hard: 0 fine, 1 through a symbol or label or
        along another arrow (two arrows on one line read as one: which goes where?), 2 a
        port in use. Arrows into the same target may merge: that is one input. Cost:
        length and turns (direct routes first), lines crossed or run along.

        Exact below ``bound`` (the best score so far); at or above it, any score that is
        too (the route loses either way), so most candidates stop after their length and
        turns, a lower bound of the cost, or at their first hit."""
        length, count = polyline_length(route.points)
        cost = length / PER_UNIT_LENGTH
        cost += TURN * (count - 1)
        if bound is not None and (0, cost) >= bound:
            return (0, cost)  # the other terms only add (and a port in use loses too)
        if self.ports.get((route.a, route.exit)) is not None \
                or self.ports.get((route.b, route.entry)) == "out":
            return (2, 0.0)
        pieces = segments(route.points)
        lo_x, hi_x, lo_y, hi_y = extent(route.points)
        near = [margin for box, margin in obstacles
                if margin.x < hi_x and margin.right > lo_x and margin.y < hi_y
                and margin.bottom > lo_y and box is not route.a and box is not route.b]
        ends = [box.inflate(-0.5) for box in (route.a, route.b)]
        hit = (segment_hits(p, q, box) for p, q in pieces for box in (*near, *ends))
        taken = [(t, other) for t, other in zip(self.taken, self.targets, strict=True)
                 if other != target and _near(t, lo_x, hi_x, lo_y, hi_y)]
        along = (collinear_overlap(s, t) for s in pieces for t, _ in taken)
        if bound is not None and bound[0] == 0:  # one hit loses: no need to count them
            if any(hit) or any(along):
                return (1, 0.0)
        else:
            hits, runs = sum(hit), sum(along)
            if hits or runs:
                return (1, 3.0 * hits + runs)
        lines = [t for t in (*self.taken, *self.joins) if _near(t, lo_x, hi_x, lo_y, hi_y)]
        cost += ALONG * sum(collinear_overlap(s, t) for s in pieces for t in lines)
        cost += CROSSING * sum(crosses(s, t) for s in pieces for t in lines)
        return (0, cost)

    def _with_label(self, route: Route, link: Link, base: tuple[int, float]
                    ) -> tuple[tuple[int, float], Label | None]:
        """The score with the Ya/Tidak label's place: beside the arrow, over a table
        line, or anywhere."""
        if base[0] != 0 or link.label is None:  # a blocked route is a last resort
            return base, None
        symbols = [box for node in self.nodes.values() for box in node.boxes]
        join_boxes = [Box(min(a[0], b[0]), a[1] - 1, abs(b[0] - a[0]), 2)
                      for a, b in self.joins]
        label, quality = place_label(link.label, route.points, self.label_size, self.area,
                                     symbols + self.labels + join_boxes, self.rules,
                                     self.taken + self.joins + segments(route.points))
        if quality >= len(LABEL_COST):
            return (1, 1.0), label
        return (0, base[1] + LABEL_COST[quality]), label


def route_page(router: Callable[[], Router], links: list[Link]) -> tuple[Arrow, ...]:
    """The arrows of one page, in the order of ``links``. Routing is greedy, so an arrow
    can find every way blocked by those drawn before it; then the page is routed again
    (by a fresh ``router()``) with the blocked links first, up to ``RETRIES`` times: an
    arrow that had to give way is drawn before the ones that took its place. The round
    with the fewest blocked arrows wins, the first on a tie."""
    order = list(range(len(links)))
    best: tuple[int, dict[int, Arrow]] | None = None
    for _ in range(RETRIES + 1):
        fresh = router()
        arrows = {i: fresh.route(links[i]) for i in order}
        blocked = [i for i in order if arrows[i].blocked]
        if best is None or len(blocked) < best[0]:
            best = (len(blocked), arrows)
        if not blocked:
            break
        order = blocked + [i for i in order if i not in blocked]
    assert best is not None
    return tuple(best[1][i] for i in range(len(links)))


def _near(t: tuple[Point, Point], lo_x: float, hi_x: float, lo_y: float, hi_y: float,
          reach: float = 3.0) -> bool:
    """Whether segment ``t`` comes within ``reach`` of the extent: a segment further
    away can neither cross the route nor run along it (``collinear_overlap`` looks 2.5
    units aside), so it is skipped before the exact tests."""
    (ax, ay), (bx, by) = t
    return (min(ax, bx) <= hi_x + reach and max(ax, bx) >= lo_x - reach
            and min(ay, by) <= hi_y + reach and max(ay, by) >= lo_y - reach)
