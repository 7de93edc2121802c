"""The swimlane diagram of an SOP as Mermaid ``swimlane-beta`` text (pure; returns text).

One lane per role, in the declared order, flow from top to bottom. A step done by several
roles gets one node in each of their lanes, chained in turn when the source says what
each does (see ``mermaid_nodes``). The first and last steps are terminators,
decisions are diamonds with Ya/Tidak edges. An exit that ends the procedure or loops back
to an earlier step is drawn as a small node of its own ("Selesai", "ke langkah 3") in the
deciding role's lane, right below the diamond: a back edge pulls the layout out of step
order, a shared end node lands wherever the layout has room (once on another edge).
"""

from __future__ import annotations

from generator.check import flow
from generator.render.escape import mermaid_label
from generator.render.mermaid_nodes import (
    Node,
    chain_lines,
    entries,
    exits,
    idle_lanes,
    incoming_nodes,
    step_node_ids,
    step_nodes,
)
from generator.render.palette import lane_colour
from generator.source.model import Sop

__all__ = ["readable_width", "render_mermaid", "sizing", "step_node_ids"]

CONFIG = """---
config:
  themeVariables:
    fontSize: 14px
  flowchart:
    wrappingWidth: {wrap}
    nodeSpacing: 20
    rankSpacing: 24
    padding: 8
    htmlLabels: true
  swimlane:
    useMaxWidth: {fit}
    ignoreCrossLaneEdges: false
    automaticLaneOrdering: false
---"""
"""Measured with mermaid 11.17 at 1366x900 (content column 938 px): ``ignoreCrossLaneEdges:
false`` keeps every step below the one before it; spacing below these values makes lanes
overlap. The label width and ``useMaxWidth`` come from :func:`sizing`."""

FLOWCHART = "\n  flowchart:"
NATURAL_SIZE = "\n    useMaxWidth: false"
"""The swimlane takes its ``useMaxWidth`` from the flowchart settings, not from its own
(measured with 11.17: ``swimlane.useMaxWidth: false`` still drew 40 lanes at the page's
width, text 2 px, and 6 lanes at 8 px). A diagram too wide to shrink is drawn at its own
size, text at 14 px, and scrolls sideways in its frame; one that fits keeps the text it
had before this line existed."""

LANE_EXTRA = 80.0
"""A lane is this much wider than its label width (padding, node gap, lane border)."""
TITLE_CHAR, TITLE_MARGIN = 8.5, 20.0
"""Width of a 14 px bold character, generously (Trebuchet/Verdana/Arial), and what a
lane's title leaves free at its sides."""
PAGE_WIDTH = 1060.0
"""938 px of content column at 1366 px, divided by the 12/14 scale that keeps the 14 px
text at 12 px, with a margin: a diagram up to this wide may be shrunk to the page."""
WRAP_MIN, WRAP_MAX = 100, 200
"""A box wider than 200 px reads as a paragraph; under 100 px every word is a line."""
WRAP_WIDE = 160
"""Label width of a diagram that scrolls: a box of 150 characters in 6 lines, not 11
(measured, 300 steps in 6 lanes: parts 11,600 px tall instead of 17,200, 8% wider)."""


def sizing(role_count: int) -> tuple[int, bool]:
    """(label width, shrink to page): labels as wide as the lanes allow, so boxes fill
    their lane (the seed: 3-5 lines a box instead of 9, 2,563 px -> under 1,500 px tall). When
    even the narrowest labels make the diagram too wide to shrink without the text going
    under 12 px, it keeps its natural size and scrolls sideways in its frame; its labels
    are then ``WRAP_WIDE`` wide, since narrow ones would no longer save scrolling."""
    wrap = int(PAGE_WIDTH / max(1, role_count) - LANE_EXTRA)
    wrap = max(WRAP_MIN, min(WRAP_MAX, wrap))
    fit = role_count * (wrap + LANE_EXTRA) <= PAGE_WIDTH
    return (wrap if fit else WRAP_WIDE), fit


def readable_width(role_count: int) -> int:
    """The narrowest the diagram may be drawn with its 14 px text still at 12 px: on a
    narrow screen its frame keeps this width and scrolls sideways instead of shrinking."""
    wrap, _ = sizing(role_count)
    return int(max(1, role_count) * (wrap + LANE_EXTRA) * 12 / 14) + 1


def _exit_nodes(sop: Sop, n: int, edge: flow.Edge, labels: dict[str, str],
                arrow: str) -> tuple[list[Node], list[str]]:
    """An end, loop-back, not-stated or off-part exit: one small node per copy of the
    deciding step, each in that copy's lane, so every diamond shows both of its exits in
    its own lane. A forward arrow to a step drawn in a later part of a split diagram ends
    the same way as a loop back: on a connector naming the step."""
    nodes, lines = [], []
    ids = exits(sop, edge.source)
    for copy, (src, lane) in enumerate(ids):
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


def _edge_lines(sop: Sop, labels: dict[str, str], steps: range
                ) -> tuple[list[Node], list[str]]:
    """Extra nodes (ends, connectors) and every edge line of the steps drawn.

    A decision's end or loop-back exit node stands one row below the diamond, in its
    lane, its arrow written first (it takes the bottom corner); an invisible link from it
    (``~~~``) to the decision's other target puts that step a row further down. Left to
    itself the layout put the end node beside the next step, where it read as part of
    the next edge, and the exit ran along a lane border (measured). An arrow to a step
    not drawn here (a later part) ends on a connector naming it.
    """
    extra: list[Node] = []
    ends: list[str] = []
    onward: list[str] = []
    spacers: list[str] = []
    edges = flow.edges(sop)
    for n, edge in enumerate(edges):
        if edge.source not in steps or (edge.target is None and edge.branch is None):
            continue  # the last step: its terminator shape says the procedure ends
        arrow = f'-->|"{mermaid_label(labels[edge.branch])}"|' if edge.branch else "-->"
        if edge.target in steps and not edge.is_back:
            onward += [f"{src} {arrow} {dst}" for src, dst in _copy_pairs(sop, edge)]
            continue
        nodes, lines = _exit_nodes(sop, n, edge, labels, arrow)
        extra += nodes
        ends += lines
        others = [e.target for e in edges if e.source == edge.source and e != edge
                  and e.target in steps and not e.is_back]
        if edge.target is not None:
            continue  # measured: a spacer under a loop-back sends its arrow round the top
        spacers += [f"{node.id} ~~~ {dst}" for node in nodes for target in others
                    if target is not None for dst, _ in entries(sop, target)]
    return extra, ends + onward + spacers + chain_lines(sop, steps)


def _copy_pairs(sop: Sop, edge: flow.Edge) -> list[tuple[str, str]]:
    """Arrows between the nodes of two steps, when either has one node per role.

    Each source node points to the target node nearest its lane and each target node gets
    an arrow from the source node nearest its lane: max(m, n) arrows instead of m x n,
    which kept two consecutive meetings readable (and fast to lay out). Mermaid routes in
    the order written: cross-lane arrows go first, nearest first (a far copy's arrow
    otherwise detours over a near one's), the straight arrow within one lane last. Written
    first, it took the port the others needed: in a meeting after a first step, an arrow
    then started under the lane header and ran down through its own source, and in a
    decision shared by two lanes an arrow crossed the diamond (measured with the drawing
    rules of tests/helpers/swimlane_rules).
    """
    assert edge.target is not None
    src_ids, src_lanes = map(list, zip(*exits(sop, edge.source), strict=True))
    dst_ids, dst_lanes = map(list, zip(*entries(sop, edge.target), strict=True))

    def nearest(lane: int, lanes: list[int]) -> int:
        return min(range(len(lanes)), key=lambda i: (abs(lanes[i] - lane), lanes[i]))

    pairs = {(i, nearest(lane, dst_lanes)) for i, lane in enumerate(src_lanes)}
    pairs |= {(nearest(lane, src_lanes), j) for j, lane in enumerate(dst_lanes)}
    ordered = sorted(pairs, key=lambda p: (src_lanes[p[0]] == dst_lanes[p[1]],
                                           abs(src_lanes[p[0]] - dst_lanes[p[1]]), p))
    return [(src_ids[i], dst_ids[j]) for i, j in ordered]


def _lane_title(name: str, wrap: int, fit: bool) -> str:
    """A role's name as its lane's title (plain text, lines split by newlines): a name
    longer than the lane holds is broken into two lines at the space nearest its middle.
    Mermaid sets some long titles on one line and clips them at the lane's border
    (measured with 40 lanes: "Kepala Sub Bagian Perencanaan dan Keuangan" cut after "dan"
    in one lane, wrapped in another), and its title band holds two lines, not three. A
    name that fits, and every name in a diagram that fits the page (measured there with
    its own widths), is left as it is."""
    chars = int((wrap + LANE_EXTRA - TITLE_MARGIN) / TITLE_CHAR)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if fit or len(name) <= chars or not spaces:
        return name
    cut = min(spaces, key=lambda i: abs(2 * i - len(name)))
    return f"{name[:cut]}\n{name[cut + 1:]}"


def render_mermaid(sop: Sop, labels: dict[str, str], steps: range | None = None) -> str:
    """The Mermaid source of the SOP's swimlane diagram, or of the part drawing ``steps``
    (indexes) with connectors where the flow enters from or leaves to another part."""
    steps = range(len(sop.steps)) if steps is None else steps
    arrivals, arrival_lines = incoming_nodes(sop, steps, labels)
    nodes = [node for i in steps for node in step_nodes(sop, i)]
    extra, edge_lines = _edge_lines(sop, labels, steps)
    wrap, fit = sizing(len(sop.roles))
    titles = [_lane_title(role.name, wrap, fit) for role in sop.roles]
    idle = idle_lanes(sop, [*arrivals, *nodes, *extra], titles)
    config = CONFIG.replace("{wrap}", str(wrap)).replace("{fit}", str(fit).lower())
    if not fit:
        config = config.replace(FLOWCHART, FLOWCHART + NATURAL_SIZE)
    out = [config, "swimlane-beta TB"]
    for lane, title in enumerate(titles):
        out.append(f'  subgraph lane{lane}["<b>{mermaid_label(title)}</b>"]')
        out += [f"    {node.line}" for node in [*arrivals, *nodes, *extra, *idle]
                if node.lane == lane]
        out.append("  end")
    for lane in range(len(sop.roles)):
        fill, accent = lane_colour(lane)
        out.append(f"  style lane{lane} fill:{fill},stroke:{accent}")
    out += [f"  style {node.id} fill:none,stroke:none" for node in idle]
    out += [f"  {line}" for line in [*arrival_lines, *edge_lines]]
    return "\n".join(out)
