"""Page crossings of the official flowchart: which steps stand on which page, and the
lettered off-page connectors an arrow becomes when its ends fall on different pages.

Letters run A..Z, AA, AB, ... in step order over the whole SOP, so the two halves of one
arrow carry the same letter on both pages and no two arrows share one. A connector names
the flowchart sheet it leads to ("lembar bagan 3"), not the page of the printed document:
how many pages the identity page and the worksheet take before the flowchart depends on
their text and on the printer, and the printed margin numbers the whole document.
"""

from __future__ import annotations

from generator.check import flow
from generator.render.official.candidates import NodeId
from generator.render.official.routing import Link
from generator.render.official.symbols import Connector
from generator.render.view import SopView


def letter(index: int) -> str:
    """The connector letter of the ``index``-th page crossing: A..Z, AA, AB, ..."""
    text, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def crossings(edges: list[flow.Edge], page_of: dict[int, int]) -> dict[flow.Edge, str]:
    """The letter of every arrow whose ends stand on different pages, in step order."""
    crossing = [edge for edge in edges if edge.target is not None
                and page_of[edge.source] != page_of[edge.target]]
    return {edge: letter(i) for i, edge in enumerate(crossing)}


def page_connectors(view: SopView, labels: dict[str, str], letters: dict[flow.Edge, str],
                    page_of: dict[int, int], p: int) -> tuple[list[Connector], list[Connector]]:
    """The connectors of page ``p``: (top band, bottom band). Arrows on to a later page
    leave through the bottom band and arrive through the next page's top band; loops back
    to an earlier page do the reverse."""
    tops: list[Connector] = []
    bottoms: list[Connector] = []
    steps = view.steps
    for edge, mark in letters.items():
        assert edge.target is not None
        forward = edge.target > edge.source
        source, target = steps[edge.source], steps[edge.target]
        if page_of[edge.source] == p:
            lane = _nearest(source.lane_indexes, target.lane_indexes)
            title = (f"{labels['official_connector']} {mark}: {labels['goes_to']} "
                     f"{target.number}, {labels['official_sheet']} {page_of[edge.target] + 1}")
            (bottoms if forward else tops).append(Connector(mark, "out", lane, title))
        elif page_of[edge.target] == p:
            lane = _nearest(target.lane_indexes, source.lane_indexes)
            title = (f"{labels['official_connector']} {mark}: {labels['official_from']} "
                     f"{source.number}, {labels['official_sheet']} {page_of[edge.source] + 1}")
            (tops if forward else bottoms).append(Connector(mark, "in", lane, title))
    return tops, bottoms


def page_links(edges: list[flow.Edge], labels: dict[str, str], letters: dict[flow.Edge, str],
               page_of: dict[int, int], p: int) -> list[Link]:
    """The arrows of page ``p`` in routing order; a crossing ends or starts at a connector."""
    links = []
    for edge in edges:
        label = labels[edge.branch] if edge.branch else None
        source = NodeId("step", edge.source + 1)
        if edge.target is None:
            if edge.branch and page_of[edge.source] == p:
                links.append(Link(source, NodeId("end", edge.source + 1), edge.branch, label))
            continue
        target = NodeId("step", edge.target + 1)
        here = page_of[edge.source] == p, page_of[edge.target] == p
        if all(here):
            links.append(Link(source, target, edge.branch, label))
        elif here[0]:
            links.append(Link(source, NodeId("out", letters[edge]), edge.branch, label))
        elif here[1]:
            links.append(Link(NodeId("in", letters[edge]), target))
    return sorted(links, key=_routing_order)



def _routing_order(link: Link) -> int:
    """The plain flow first, then decision exits to the next row, then jumps and loops:
    long routes go around what is already drawn, so the short ones stay straight."""
    if link.branch is None:
        return 0
    source, target = link.source, link.target
    consecutive = (source.kind == target.kind == "step" and isinstance(source.key, int)
                   and target.key == source.key + 1)
    return 1 if consecutive else 2


def _nearest(own: tuple[int, ...], other: tuple[int, ...]) -> int:
    """The lane of ``own`` closest to any lane of ``other`` (the leftmost on a tie)."""
    return min(own, key=lambda lane: (min(abs(lane - o) for o in other), lane))
