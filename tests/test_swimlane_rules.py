"""The swimlane drawing rules (helpers/swimlane_rules), each shown to catch a drawing
built by hand that breaks it and to pass a clean one. The browser test
(test_browser_swimlane) runs them on what Mermaid draws."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from generator.render.official.geometry import Box
from helpers.swimlane_read import ends
from helpers.swimlane_rules import RULES, Drawing, Edge, Lane, Node, overlaps, violations

LANES = [Lane("A", Box(0, 0, 200, 20), Box(0, 20, 200, 600)),
         Lane("B. C", Box(200, 0, 200, 20), Box(200, 20, 200, 600))]
NODES = {"s1": Node(Box(50, 40, 100, 40)),
         "s2": Node(Box(50, 120, 100, 80), diamond=True),
         "end2": Node(Box(75, 240, 50, 20)),
         "s3": Node(Box(250, 300, 100, 40))}


def _down(x: float, y0: float, y1: float) -> tuple[tuple[float, float], ...]:
    return tuple((x, float(y)) for y in range(int(y0), int(y1) + 1, 2))


def _path(*corners: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """Points every 2 px along an orthogonal polyline (as the browser samples it)."""
    out = [corners[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(corners):
        steps = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / 2))
        out += [(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
                for i in range(1, steps + 1)]
    return tuple(out)


EDGES = [Edge("s1", "s2", _down(100, 80, 120)),
         Edge("s2", "end2", _down(100, 200, 240), "Tidak", Box(104, 204, 36, 16)),
         Edge("s2", "s3", _path((150, 160), (300, 160), (300, 300)), "Ya",
              Box(156, 142, 24, 16))]
CLEAN = Drawing(NODES, EDGES, LANES, {"s2": frozenset({"A"})})


def _with(**changes: object) -> Drawing:
    return dataclasses.replace(CLEAN, **changes)  # type: ignore[arg-type]


BROKEN = {
    "nodes apart": _with(nodes={**NODES, "s3": Node(Box(120, 60, 100, 40))}),
    "ends below, in the deciding lane": _with(nodes={**NODES, "end2": Node(Box(250, 240, 50, 20))}),
    "labels at exits": _with(edges=[*EDGES[:2], dataclasses.replace(
        EDGES[2], label_box=Box(304, 270, 24, 16))]),  # beside the target, as Mermaid does
    "labels off nodes": _with(edges=[*EDGES[:2], dataclasses.replace(
        EDGES[2], label_box=Box(140, 150, 24, 16))]),
    "labels inside the lanes": _with(edges=[*EDGES[:2], dataclasses.replace(
        EDGES[2], label_box=Box(392, 142, 24, 16))]),  # over the right side, clipped
    "paths clear of nodes": _with(edges=[*EDGES, Edge("s1", "s3", _path(
        (150, 60), (300, 60), (300, 300)))], nodes={**NODES, "s4": Node(Box(280, 150, 40, 40))}),
    "paths off lane lines": _with(edges=[*EDGES[:2], dataclasses.replace(
        EDGES[2], points=_path((150, 160), (200, 160), (200, 320), (250, 320)))]),
}


def test_a_clean_drawing_breaks_no_rule() -> None:
    assert violations(CLEAN) == {}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_catches_a_drawing_that_breaks_it(rule: str) -> None:
    assert RULES[rule](BROKEN[rule]), f"{rule} missed its broken drawing"
    assert RULES[rule](CLEAN) == []


def test_an_end_above_its_decision_or_in_a_lane_that_does_not_decide_is_caught() -> None:
    above = _with(nodes={**NODES, "end2": Node(Box(75, 90, 50, 20))})
    assert any("not below" in v for v in RULES["ends below, in the deciding lane"](above))
    other = _with(acting={"s2": frozenset({"B. C"})})
    assert any("deciding" in v for v in RULES["ends below, in the deciding lane"](other))


def test_a_label_nearer_the_other_exit_is_caught() -> None:
    swapped = _with(edges=[EDGES[0], dataclasses.replace(EDGES[1], label_box=Box(150, 150, 20, 16)),
                           EDGES[2]])
    assert any("nearer another exit" in v for v in RULES["labels at exits"](swapped))


def test_a_diamond_corner_is_empty_space() -> None:
    diamond = NODES["s2"]
    assert not overlaps(diamond, Box(50, 120, 20, 16)), "the top-left corner of its box"
    assert overlaps(diamond, Box(95, 155, 10, 10))


def test_a_path_under_a_lane_header_is_caught() -> None:
    header = _with(edges=[*EDGES, Edge("s1", "s3", _path((150, 60), (150, 10),
                                                           (300, 10), (300, 300)))])
    assert any("header" in v for v in RULES["paths off lane lines"](header))


def test_arrow_ends_are_found_among_node_ids_with_underscores() -> None:
    ids = ["s6_2", "s7_0", "s6", "s7", "end3_0"]
    assert ends("L_s6_2_s7_0_0", sorted(ids, key=len, reverse=True)) == ("s6_2", "s7_0")
    assert ends("L_s6_s7_12", ids) == ("s6", "s7")
    with pytest.raises(ValueError):
        ends("L_s9_s7_0", ids)
