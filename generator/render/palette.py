"""One colour per role lane, shared by the diagram, the step cards and the checklist.

A trainer points at "the green lane" and the card of that role is green too: the colour is
a function of the role's position in the SOP's lane order and nothing else.
"""

from __future__ import annotations

LANE_COLOURS: tuple[tuple[str, str], ...] = (
    ("#e3f2fd", "#1565c0"),  # blue
    ("#e8f5e9", "#2e7d32"),  # green
    ("#fff3e0", "#e65100"),  # orange
    ("#f3e5f5", "#6a1b9a"),  # purple
    ("#e0f7fa", "#00838f"),  # teal
    ("#fce4ec", "#ad1457"),  # pink
    ("#f9fbe7", "#827717"),  # olive
    ("#efebe9", "#4e342e"),  # brown
)
"""(background, border/text) pairs; light backgrounds keep dark text readable in print."""


def lane_colour(lane_index: int) -> tuple[str, str]:
    """The (background, accent) colour of the lane at ``lane_index`` (cycles after 8)."""
    return LANE_COLOURS[lane_index % len(LANE_COLOURS)]
