"""The small pieces of SVG markup the official flowchart is written with (pure).

Numbers are written with at most two decimals and no trailing zeros: a hundredth of a
unit is far below what a screen or a printer shows, and every sheet holds hundreds.
"""

from __future__ import annotations

import re
from html import escape

from generator.render.official.geometry import Box, Point

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def t(value: object) -> str:
    """Text or attribute value, escaped for XML (quotes too) without XML-illegal chars."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def n(value: float) -> str:
    """A coordinate or length: at most two decimals, no trailing zeros, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def points(values: tuple[Point, ...] | list[Point]) -> str:
    """A ``points`` attribute: ``x,y`` pairs separated by spaces."""
    return " ".join(f"{n(x)},{n(y)}" for x, y in values)


def rect(box: Box, extra: str = "") -> str:
    """A ``<rect>`` of ``box``; ``extra`` holds further attributes, each with its space.
    An x or y of 0 is left out: it is what SVG takes when none is given (the table's rows
    and left column start at 0)."""
    x = f' x="{n(box.x)}"' if n(box.x) != "0" else ""
    y = f' y="{n(box.y)}"' if n(box.y) != "0" else ""
    return f'<rect{x}{y} width="{n(box.w)}" height="{n(box.h)}"{extra}/>'


def route(values: tuple[Point, ...]) -> str:
    """A ``d`` attribute through ``values``, a route of horizontal and vertical pieces:
    each piece says only the coordinate it changes (``H`` across, ``V`` down or up), which
    is shorter than a ``points`` list repeating the one it keeps. A piece that changes
    both (none of the router's do) is a plain line (``L``)."""
    (x0, y0), rest = values[0], values[1:]
    parts, (px, py) = [f"M{n(x0)},{n(y0)}"], (n(x0), n(y0))
    for x, y in rest:
        wx, wy = n(x), n(y)
        parts.append(f"V{wy}" if wx == px and wy != py else f"H{wx}" if wy == py
                     else f"L{wx},{wy}")
        px, py = wx, wy
    return "".join(parts)
