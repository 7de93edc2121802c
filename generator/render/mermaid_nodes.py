"""The nodes of the swimlane (pure): which boxes a step is drawn as, in which lanes, and
which of them its arrows enter and leave by.

A step done by several roles gets one box in each of their lanes. When the source says
what each role does (``does``: one initials, the other signs) the roles act in turn: each
box shows its own role's part and the boxes are chained in the order ``does`` names them
(roles it leaves out follow in the order of ``actors``), the flow entering the first box
and leaving the last. Drawn as identical parallel boxes, a reader could not tell who acts
first. Without ``does`` the roles act together: the parallel boxes are that statement.
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


def _lane(sop: Sop, actor: str) -> int:
    return [role.id for role in sop.roles].index(actor)


def lanes(sop: Sop, step: Step) -> list[int]:
    """The lanes of a step's boxes, left to right."""
    return sorted(_lane(sop, actor) for actor in step.actors)


def _node_id(sop: Sop, index: int, lane: int) -> str:
    return f"s{index + 1}" if len(sop.steps[index].actors) == 1 else f"s{index + 1}_{lane}"


def step_node_ids(sop: Sop, index: int) -> list[str]:
    """Node ids of a step: ``s3``, or ``s5_0``, ``s5_1``... for one node per acting role."""
    return [_node_id(sop, index, lane) for lane in lanes(sop, sop.steps[index])]


def in_turn(step: Step) -> list[str]:
    """The step's roles in the order they act, or [] when they act together (or alone):
    a decision's question is asked once, by all its roles, so it is never chained."""
    if len(step.actors) < 2 or not step.does or step.decision is not None:
        return []
    return [*step.does, *(actor for actor in step.actors if actor not in step.does)]


def entries(sop: Sop, index: int) -> list[tuple[str, int]]:
    """(node id, lane) of the boxes the step's incoming arrows enter."""
    order = in_turn(sop.steps[index])
    chosen = [_lane(sop, order[0])] if order else lanes(sop, sop.steps[index])
    return [(_node_id(sop, index, lane), lane) for lane in chosen]


def exits(sop: Sop, index: int) -> list[tuple[str, int]]:
    """(node id, lane) of the boxes the step's outgoing arrows leave."""
    order = in_turn(sop.steps[index])
    chosen = [_lane(sop, order[-1])] if order else lanes(sop, sop.steps[index])
    return [(_node_id(sop, index, lane), lane) for lane in chosen]


def chain_lines(sop: Sop, steps: range | None = None) -> list[str]:
    """The arrows from each role's box to the next role's, for steps done in turn (of
    ``steps``, the part of a split diagram, when given)."""
    return [f"{_node_id(sop, i, _lane(sop, a))} --> {_node_id(sop, i, _lane(sop, b))}"
            for i, step in enumerate(sop.steps) if steps is None or i in steps
            for a, b in zip(in_turn(step), in_turn(step)[1:], strict=False)]


def _shape(text: str, decision: bool, terminator: bool) -> str:
    if decision:
        return f'{{"{text}"}}'
    return f'(["{text}"])' if terminator else f'["{text}"]'


def step_nodes(sop: Sop, index: int) -> list[Node]:
    """The boxes of one step. The first and last steps are capsules (in a chain, only the
    box the procedure starts at or ends with), decisions diamonds."""
    step = sop.steps[index]
    label = (step.decision.question or step.action) if step.decision else step.action
    order = in_turn(step)
    nodes = []
    for lane in lanes(sop, step):
        actor = sop.roles[lane].id
        text = step.does.get(actor, step.action) if order else label
        terminator = ((index == 0 and (not order or actor == order[0]))
                      or (index == len(sop.steps) - 1 and (not order or actor == order[-1])))
        shape = _shape(mermaid_label(f"{index + 1}. {text}"), step.decision is not None,
                       terminator)
        node_id = _node_id(sop, index, lane)
        nodes.append(Node(node_id, lane, f"{node_id}{shape}"))
    return nodes


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
    "dari langkah 60" in the lane of each box the arrows enter, with its arrow (the
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
        for copy, (dst, lane) in enumerate(entries(sop, target)):
            node_id = f"from{target + 1}_{copy}"
            nodes.append(Node(node_id, lane, f'{node_id}(["{text}"])'))
            lines.append(f"{node_id} --> {dst}")
    return nodes, lines
