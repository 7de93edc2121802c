"""The router's two ways out of a crowded page, each on a drawing made to need it: a
Ya/Tidak label never stands far from its exit, and an arrow that finds every way taken is
routed first in another round (the drawing rules then hold on 500 random SOPs, see
``test_drawing_rules``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.render.official.candidates import NodeId
from generator.render.official.geometry import Box, segments
from generator.render.official.labels import REACH, place_label
from generator.render.official.routing import RETRIES, Arrow, Link, route_page

AREA = Box(0, 0, 300, 300)


def test_a_label_never_stands_far_from_its_exit() -> None:
    """The arrow leaves (100, 200) upwards between two symbols, then turns right far
    above: the free spots beside its second piece are 100 units away, where 'Tidak'
    would name some other line. No spot near the exit is free, so the label says so
    (quality 3: the router takes this route only when no other is clean)."""
    points = ((100.0, 200.0), (100.0, 100.0), (150.0, 100.0), (150.0, 110.0))
    crowd = [Box(40, 140, 55, 110), Box(105, 140, 55, 110)]
    _, quality = place_label("Tidak", points, 10, AREA, crowd, [], [])
    assert quality == 3
    free, quality = place_label("Tidak", points, 10, AREA, [], [], [])
    assert quality == 0 and free.box.inflate(REACH).contains(points[0])


def test_a_label_stands_where_it_reads_as_its_own_arrows() -> None:
    """Right of the arrow going down is the first spot tried, but another line passes 1
    unit from it, nearer than the label's own arrow (3 units): it goes to the left."""
    points = ((100.0, 100.0), (100.0, 200.0))
    right, _ = place_label("Tidak", points, 10, AREA, [], [], list(segments(points)))
    other = ((right.box.right + 1, 50.0), (right.box.right + 1, 250.0))
    label, quality = place_label("Tidak", points, 10, AREA, [], [],
                                 [*segments(points), other])
    assert quality == 0 and label.box.right < 100 < right.box.x
    crowded = [Box(0, 0, 97, 300)]  # nothing free on the left: the right, said unclear
    label, quality = place_label("Tidak", points, 10, AREA, crowded, [],
                                 [*segments(points), other])
    assert quality == 2 and label.box == right.box


def _link(name: str) -> Link:
    return Link(NodeId("step", 1), NodeId("out", name))


@dataclass
class _OneChannel:
    """A stand-in router for a page with one free channel: the first arrow routed takes
    it, every later one is blocked (that is what a greedy router does on a full page)."""

    rounds: list[list[str]]
    routed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rounds.append(self.routed)

    def route(self, link: Link) -> Arrow:
        self.routed.append(str(link.target))
        blocked = len(self.routed) > 1 and str(link.target) != "out-free"
        return Arrow(link.source, link.target, None, ((0, 0), (0, 1)), None, blocked)


def test_blocked_arrows_are_routed_first_in_another_round() -> None:
    rounds: list[list[str]] = []
    links = [_link("free"), _link("A"), _link("B")]
    arrows = route_page(lambda: _OneChannel(rounds), links)  # type: ignore[arg-type,return-value]
    assert rounds[0] == ["out-free", "out-A", "out-B"]
    assert rounds[1] == ["out-A", "out-B", "out-free"]  # B still blocked: it goes first next
    assert rounds[2] == ["out-B", "out-A", "out-free"]
    assert len(rounds) == RETRIES + 1  # one arrow stays blocked whatever the order
    assert [str(a.target) for a in arrows] == ["out-free", "out-A", "out-B"]  # page order
    assert [a.blocked for a in arrows] == [False, False, True]  # the first best round


def test_a_page_routed_cleanly_is_routed_once() -> None:
    rounds: list[list[str]] = []
    route_page(lambda: _OneChannel(rounds), [_link("free")])  # type: ignore[arg-type,return-value]
    assert rounds == [["out-free"]]
