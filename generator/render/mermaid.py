"""The swimlane diagram of an SOP as Mermaid ``swimlane-beta`` text (pure; returns text).

One lane per role, in the declared order, flow from top to bottom. A step done by several
roles gets one node in each of their lanes. The first and last steps are terminators,
decisions are diamonds with Ya/Tidak edges. A loop back to an earlier step is drawn as an
arrow into a small connector ("ke langkah 3") beside the decision instead of a long edge
upwards: a back edge pulls the layout out of step order, a connector keeps it in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check import flow
from generator.render.escape import mermaid_label
from generator.render.palette import lane_colour
from generator.source.model import Sop, Step

CONFIG = """---
config:
  themeVariables:
    fontSize: 14px
  flowchart:
    wrappingWidth: 120
    nodeSpacing: 20
    rankSpacing: 50
    padding: 8
    htmlLabels: true
  swimlane:
    ignoreCrossLaneEdges: false
    automaticLaneOrdering: false
---"""
"""Measured with mermaid 11.17: ``ignoreCrossLaneEdges: false`` keeps every step below the
one before it (the default puts a hand-off on the same row); a 120px label width keeps four
lanes near 800px, readable at page width; spacing below these values makes lanes overlap."""


@dataclass(frozen=True)
class Node:
    """One drawn node: its Mermaid id, the lane it stands in, its source line."""

    id: str
    lane: int
    line: str


def step_node_ids(sop: Sop, index: int) -> list[str]:
    """Node ids of a step: ``s3``, or ``s5_0``, ``s5_1``... for one node per acting role."""
    step = sop.steps[index]
    if len(step.actors) == 1:
        return [f"s{index + 1}"]
    lanes = _lanes(sop, step)
    return [f"s{index + 1}_{lane}" for lane in lanes]


def _lanes(sop: Sop, step: Step) -> list[int]:
    order = [role.id for role in sop.roles]
    return sorted(order.index(actor) for actor in step.actors)


def _shape(sop: Sop, index: int, text: str) -> str:
    step = sop.steps[index]
    if step.decision is not None:
        return f'{{"{text}"}}'
    if index in (0, len(sop.steps) - 1):
        return f'(["{text}"])'
    return f'["{text}"]'


def _step_nodes(sop: Sop, index: int) -> list[Node]:
    step = sop.steps[index]
    label = (step.decision.question or step.action) if step.decision else step.action
    text = mermaid_label(f"{index + 1}. {label}")
    ids = step_node_ids(sop, index)
    return [Node(node_id, lane, f"{node_id}{_shape(sop, index, text)}")
            for node_id, lane in zip(ids, _lanes(sop, step), strict=True)]


def _edge_lines(sop: Sop, labels: dict[str, str]) -> tuple[list[Node], list[str]]:
    """Extra nodes (ends, connectors) and every edge line."""
    extra: list[Node] = []
    lines: list[str] = []
    for n, edge in enumerate(flow.edges(sop)):
        if edge.target is None and edge.branch is None:
            continue  # the last step: its terminator shape says the procedure ends
        arrow = f'-->|"{mermaid_label(labels[edge.branch])}"|' if edge.branch else "-->"
        if edge.target is not None and not edge.is_back:
            lines += [f"{src} {arrow} {dst}" for src, dst in _copy_pairs(sop, edge)]
            continue
        lane = _lanes(sop, sop.steps[edge.source])[0]
        if edge.unknown:  # the source does not say where this answer leads
            target = f"unknown{n}"
            extra.append(Node(target, lane, f'{target}["{mermaid_label(labels["not_stated"])}"]'))
        elif edge.target is None:
            target = f"end{n}"
            extra.append(Node(target, lane, f'{target}(["{mermaid_label(labels["end"])}"])'))
        else:
            target = f"back{n}"
            text = mermaid_label(f"{labels['goes_to']} {edge.target + 1}")
            extra.append(Node(target, lane, f'{target}(("{text}"))'))
        lines += [f"{src} {arrow} {target}" for src in step_node_ids(sop, edge.source)]
    return extra, lines


def _copy_pairs(sop: Sop, edge: flow.Edge) -> list[tuple[str, str]]:
    """Arrows between the nodes of two steps, when either has one node per role.

    Each source node points to the target node nearest its lane and each target node gets
    an arrow from the source node nearest its lane: max(m, n) arrows instead of m x n,
    which kept two consecutive meetings readable (and fast to lay out). Written nearest
    first: Mermaid routes in the order written, and a far copy's edge otherwise detours
    over a near one's (measured).
    """
    assert edge.target is not None
    src_ids, dst_ids = step_node_ids(sop, edge.source), step_node_ids(sop, edge.target)
    src_lanes = _lanes(sop, sop.steps[edge.source])
    dst_lanes = _lanes(sop, sop.steps[edge.target])

    def nearest(lane: int, lanes: list[int]) -> int:
        return min(range(len(lanes)), key=lambda i: (abs(lanes[i] - lane), lanes[i]))

    pairs = {(i, nearest(lane, dst_lanes)) for i, lane in enumerate(src_lanes)}
    pairs |= {(nearest(lane, src_lanes), j) for j, lane in enumerate(dst_lanes)}
    ordered = sorted(pairs, key=lambda p: (abs(src_lanes[p[0]] - dst_lanes[p[1]]), p))
    return [(src_ids[i], dst_ids[j]) for i, j in ordered]


def render_mermaid(sop: Sop, labels: dict[str, str]) -> str:
    """The full Mermaid source of the SOP's swimlane diagram."""
    nodes = [node for i in range(len(sop.steps)) for node in _step_nodes(sop, i)]
    extra, edge_lines = _edge_lines(sop, labels)
    out = [CONFIG, "swimlane-beta TB"]
    for lane, role in enumerate(sop.roles):
        out.append(f'  subgraph lane{lane}["{mermaid_label(role.name)}"]')
        out += [f"    {node.line}" for node in [*nodes, *extra] if node.lane == lane]
        out.append("  end")
    for lane in range(len(sop.roles)):
        fill, accent = lane_colour(lane)
        out.append(f"  style lane{lane} fill:{fill},stroke:{accent}")
    out += [f"  {line}" for line in edge_lines]
    return "\n".join(out)
