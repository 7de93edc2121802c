"""The nodes of the Mermaid swimlane: steps, exits, connectors, idle lanes (pure).

Split out of ``render.mermaid`` (which lays out the lanes and edges) so that a part of a
big SOP's diagram (``render.mermaid_parts``) is drawn from the same nodes as a whole one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check import flow
from generator.render.escape import mermaid_label
from generator.source.model import Sop, Step


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
    lanes = step_lanes(sop, step)
    return [f"s{index + 1}_{lane}" for lane in lanes]


def step_lanes(sop: Sop, step: Step) -> list[int]:
    """The lanes of a step's acting roles, in declared order (one node in each)."""
    order = [role.id for role in sop.roles]
    return sorted(order.index(actor) for actor in step.actors)


def _shape(sop: Sop, index: int, text: str) -> str:
    step = sop.steps[index]
    if step.decision is not None:
        return f'{{"{text}"}}'
    if index in (0, len(sop.steps) - 1):
        return f'(["{text}"])'
    return f'["{text}"]'


def step_nodes(sop: Sop, index: int) -> list[Node]:
    """A step's nodes: numbered by its place in the whole SOP, in every part."""
    step = sop.steps[index]
    label = (step.decision.question or step.action) if step.decision else step.action
    text = mermaid_label(f"{index + 1}. {label}")
    ids = step_node_ids(sop, index)
    return [Node(node_id, lane, f"{node_id}{_shape(sop, index, text)}")
            for node_id, lane in zip(ids, step_lanes(sop, step), strict=True)]


def exit_nodes(sop: Sop, n: int, edge: flow.Edge, labels: dict[str, str],
               arrow: str) -> tuple[list[Node], list[str]]:
    """An end, loop-back, not-stated or off-part exit: one small node per copy of the
    deciding step, each in that copy's lane, so every diamond shows both of its exits in
    its own lane. A forward arrow to a step drawn in a later part of a split diagram ends
    the same way as a loop back: on a connector naming the step."""
    nodes, lines = [], []
    ids = step_node_ids(sop, edge.source)
    for copy, (src, lane) in enumerate(zip(ids, step_lanes(sop, sop.steps[edge.source]),
                                           strict=True)):
        suffix = f"{n}" if len(ids) == 1 else f"{n}_{copy}"
        if edge.unknown:  # the source does not say where this answer leads
            target = f"unknown{suffix}"
            nodes.append(Node(target, lane, f'{target}["{mermaid_label(labels["not_stated"])}"]'))
        elif edge.target is None:
            target = f"end{suffix}"
            nodes.append(Node(target, lane, f'{target}(["{mermaid_label(labels["end"])}"])'))
        else:
            target = f"{'back' if edge.is_back else 'to'}{suffix}"
            text = mermaid_label(f"{labels['goes_to']} {edge.target + 1}")
            nodes.append(Node(target, lane, f'{target}(["{text}"])'))
        lines.append(f"{src} {arrow} {target}")
    return nodes, lines


def copy_pairs(sop: Sop, edge: flow.Edge) -> list[tuple[str, str]]:
    """Arrows between the nodes of two steps, when either has one node per role.

    Each source node points to the target node nearest its lane and each target node gets
    an arrow from the source node nearest its lane: max(m, n) arrows instead of m x n,
    which kept two consecutive meetings readable (and fast to lay out). Written nearest
    first: Mermaid routes in the order written, and a far copy's edge otherwise detours
    over a near one's (measured).
    """
    assert edge.target is not None
    src_ids, dst_ids = step_node_ids(sop, edge.source), step_node_ids(sop, edge.target)
    src_lanes = step_lanes(sop, sop.steps[edge.source])
    dst_lanes = step_lanes(sop, sop.steps[edge.target])

    def nearest(lane: int, lanes: list[int]) -> int:
        return min(range(len(lanes)), key=lambda i: (abs(lanes[i] - lane), lanes[i]))

    pairs = {(i, nearest(lane, dst_lanes)) for i, lane in enumerate(src_lanes)}
    pairs |= {(nearest(lane, src_lanes), j) for j, lane in enumerate(dst_lanes)}
    ordered = sorted(pairs, key=lambda p: (abs(src_lanes[p[0]] - dst_lanes[p[1]]), p))
    return [(src_ids[i], dst_ids[j]) for i, j in ordered]


def idle_lanes(sop: Sop, nodes: list[Node], titles: list[str]) -> list[Node]:
    """A blank node in each lane no step uses: an empty lane is moved to the far left and
    drawn 45 px wide (measured), whatever its declared place. An invisible node of blank
    space as wide as the lane's title (its longest line) keeps the lane in place and wide
    enough for it; a part of a 40-role diagram has 20 such lanes."""
    used = {node.lane for node in nodes}
    return [Node(f"idle{lane}", lane,
                 f'idle{lane}["{"#160;" * 2 * max(map(len, titles[lane].split(chr(10))))}"]')
            for lane in range(len(sop.roles)) if lane not in used]




def incoming_nodes(sop: Sop, steps: range, labels: dict[str, str]
                   ) -> tuple[list[Node], list[str]]:
    """Where a part of a split diagram is entered from an earlier part: a connector
    "dari langkah 60" in the lane of each copy of the step entered, with its arrow (the
    counterpart of the "ke langkah 61" the earlier part ends on). Loop backs are not
    entries: their connector in the later part names the step, as in a whole diagram."""
    sources: dict[int, set[int]] = {}
    for edge in flow.edges(sop):
        if (edge.target is not None and edge.target in steps and edge.source not in steps
                and not edge.is_back):
            sources.setdefault(edge.target, set()).add(edge.source)
    nodes, lines = [], []
    for target, froms in sorted(sources.items()):
        numbers = ", ".join(str(source + 1) for source in sorted(froms))
        text = mermaid_label(f"{labels['comes_from']} {numbers}")
        ids = step_node_ids(sop, target)
        for copy, (dst, lane) in enumerate(zip(ids, step_lanes(sop, sop.steps[target]),
                                               strict=True)):
            node_id = f"from{target + 1}_{copy}"
            nodes.append(Node(node_id, lane, f'{node_id}(["{text}"])'))
            lines.append(f"{node_id} --> {dst}")
    return nodes, lines
