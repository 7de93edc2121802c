"""A big SOP's swimlane in parts: consecutive step ranges, each its own Mermaid diagram.

Mermaid refuses a diagram over 50,000 characters ("Maximum text size in diagram
exceeded"): a 300-step SOP with 150-character actions is about 60,000. And one diagram of
300 steps is some 30,000 px tall, with arrows from step 12 to step 250 running the height
of the page. So an SOP over ``MAX_STEPS`` steps, or whose text is over ``MAX_CHARS``, is
drawn in parts of equal step counts, as few as keep every part's *measured* text under
``MAX_CHARS``. Each part keeps every lane in declared order (the same lane widths, so the
parts line up one under another); an arrow that leaves the part ends on a connector
naming its step ("ke langkah 61") and the next part starts from one ("dari langkah 60"),
like the off-page connectors of the official chart. An SOP under both limits is one
diagram, the same text as before parts existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from generator.render.mermaid import render_mermaid
from generator.source.model import Sop

MAX_CHARS = 40_000
"""Mermaid's limit is 50,000 characters; 10,000 to spare for what the page adds around the
text and for a Mermaid that counts differently (entities, line ends)."""
MAX_STEPS = 30
"""A part of 50 steps is about 5,000 px tall at 1366x900 (the seed's 14 steps: ~1,400 px),
some five screens: long enough to follow a loop, short enough to lay out in a second or
two. Every SOP of the test corpora and the benchmark corpus (5-30 steps) is one diagram."""


@dataclass(frozen=True)
class Part:
    """One diagram: ``number`` from 1, the step indexes it draws, its Mermaid text."""

    number: int
    steps: range
    text: str

    @property
    def first(self) -> int:
        """Number (from 1) of the part's first step."""
        return self.steps.start + 1

    @property
    def last(self) -> int:
        """Number (from 1) of the part's last step."""
        return self.steps.stop

    def title(self, labels: dict[str, str]) -> str:
        """The part's heading, e.g. "Bagian 2 (langkah 31-60)" with an en dash."""
        return labels["diagram_part"].format(part=self.number, first=self.first,
                                             last=self.last)


def _ranges(count: int, parts: int) -> list[range]:
    """``parts`` consecutive ranges covering ``range(count)``, sizes differing by at most 1."""
    bounds = [i * count // parts for i in range(parts + 1)]
    return [range(lo, hi) for lo, hi in pairwise(bounds)]


def swimlane_parts(sop: Sop, labels: dict[str, str]) -> list[Part]:
    """The diagrams of the SOP's swimlane: one, or as few parts as keep each part under
    ``MAX_STEPS`` steps and ``MAX_CHARS`` characters of measured Mermaid text.

    A part still over the limit is split further (more parts, each shorter); a part of
    one step cannot be split, and is drawn as it is (a single step longer than the limit
    would need 40,000 characters of text)."""
    count = len(sop.steps)
    whole = render_mermaid(sop, labels)
    if count <= MAX_STEPS and len(whole) <= MAX_CHARS:
        return [Part(1, range(count), whole)]
    parts = max(2, -(-count // MAX_STEPS))
    while True:
        ranges = _ranges(count, parts)
        texts = [render_mermaid(sop, labels, steps) for steps in ranges]
        longest = max(len(text) for text in texts)
        if longest <= MAX_CHARS or parts >= count:
            return [Part(n, steps, text)
                    for n, (steps, text) in enumerate(zip(ranges, texts, strict=True), 1)]
        parts = min(count, max(parts + 1, -(-parts * longest // MAX_CHARS)))
