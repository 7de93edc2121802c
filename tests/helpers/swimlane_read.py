"""The Mermaid swimlane of a page, measured in the browser for ``swimlane_rules``: shape
boxes of the nodes, lane titles and bodies, arrows sampled every 2 px along their path,
edge label boxes. Everything in page (CSS) pixels.

Mermaid names an arrow ``L_<source>_<target>_<n>``; node ids contain ``_`` (``s6_2``),
so the ends are found by matching the known node ids, never by splitting.
"""

from __future__ import annotations

import re
from typing import Any

from generator.render.official.geometry import Box
from helpers.swimlane_rules import Drawing, Edge, Lane, Node

COLLECT = r"""() => {
  const svg = document.querySelector('.mermaid').shadowRoot.querySelector('svg');
  const box = (el) => { const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height]; };
  const nodes = {};
  svg.querySelectorAll('g.node').forEach((g) => {
    const match = g.id.match(/-flowchart-(.+)-\d+$/);
    const shape = g.querySelector(':scope > .label-container');
    if (match && shape) nodes[match[1]] = {box: box(shape),
                                           diamond: shape.tagName === 'polygon'};
  });
  const lanes = [...svg.querySelectorAll('g.cluster.swimlane')].map((g) => ({
    name: g.querySelector('.swimlane-label').textContent.trim(),
    title: box(g.querySelector('rect.swimlane-title')),
    body: box(g.querySelector('rect.swimlane-body'))}));
  const labels = {};
  svg.querySelectorAll('g.edgeLabel').forEach((g) => {
    const text = g.textContent.trim(), fo = g.querySelector('foreignObject');
    if (text && fo) labels[g.id.replace(/^.*-(L_[^-]+)$/, '$1')] = {text, box: box(fo)};
  });
  const edges = [...svg.querySelectorAll('path.flowchart-link')]
    .filter((p) => !p.classList.contains('edge-thickness-invisible'))
    .map((p) => {
      const m = p.getScreenCTM(), length = p.getTotalLength(), points = [];
      for (let at = 0; at <= length; at += 2) {
        const q = new DOMPoint(p.getPointAtLength(at).x, p.getPointAtLength(at).y)
          .matrixTransform(m);
        points.push([q.x, q.y]);
      }
      const end = p.getPointAtLength(length), q = new DOMPoint(end.x, end.y).matrixTransform(m);
      points.push([q.x, q.y]);
      const id = p.dataset.id;
      return {id, points, label: labels[id] || null};
    });
  return {nodes, lanes, edges};
}"""
"""Script: the first Mermaid diagram of the page, measured (shadow roots opened by
``helpers.browser``)."""


def ends(edge_id: str, node_ids: list[str]) -> tuple[str, str]:
    """Source and target of an arrow named ``L_<source>_<target>_<n>``."""
    for source in node_ids:
        for target in node_ids:
            if re.fullmatch(rf"L_{re.escape(source)}_{re.escape(target)}_\d+", edge_id):
                return source, target
    raise ValueError(f"arrow {edge_id} joins no two known nodes")


def drawing(measured: dict[str, Any], acting: dict[str, frozenset[str]]) -> Drawing:
    """The measured diagram as the rules see it; invisible idle-lane nodes left out."""
    ids = sorted(measured["nodes"], key=len, reverse=True)
    nodes = {name: Node(Box(*n["box"]), n["diamond"]) for name, n in measured["nodes"].items()
             if not name.startswith("idle")}
    edges = []
    for e in measured["edges"]:
        source, target = ends(e["id"], ids)
        label = e["label"]
        edges.append(Edge(source, target, tuple((x, y) for x, y in e["points"]),
                          label and label["text"], label and Box(*label["box"])))
    lanes = [Lane(lane["name"], Box(*lane["title"]), Box(*lane["body"]))
             for lane in measured["lanes"]]
    return Drawing(nodes, edges, lanes, acting)
