"""Text measurement and wrapping for the official flowchart, without a browser.

The flowchart is drawn as SVG, and SVG text does not wrap: every line break is decided
here. Widths come from the Helvetica/Arial metrics (Liberation Sans, which the SVG asks
for first, has the same advances), enlarged by a safety factor so that a viewer falling
back to a wider font still keeps the text inside its cell.
"""

from __future__ import annotations

import unicodedata

SAFETY = 1.17
"""Estimated widths are this much larger than the Arial advances: DejaVu Sans, the usual
fallback on Linux desktops without Liberation or Arial, is about 15% wider (measured in
Chromium: the fullest DejaVu line then fills 98% of its cell)."""

_REGULAR = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191,
    "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278,
    ":": 278, ";": 278, "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278,
    "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334, "|": 260, "}": 334,
    "~": 584,
    **dict.fromkeys("0123456789", 556),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
                556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
                667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611), strict=True)),
}
"""Advance widths of Helvetica/Arial in 1/1000 em (the public AFM metrics)."""

_BOLD = {
    **_REGULAR,
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
                611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
                667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611), strict=True)),
    **dict.fromkeys("-:().,", 333),
}
"""Helvetica-Bold: wider lowercase and punctuation."""


def char_width(char: str, bold: bool = False) -> float:
    """Width of one character in em; unknown characters are taken wide, never narrow."""
    table = _BOLD if bold else _REGULAR
    if char in table:
        return table[char] / 1000
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return 0.667


def _em(start: float, text: str, bold: bool) -> float:
    """``start`` plus the widths of ``text``'s characters in em, added one by one from the
    left: the same sum whether a line is measured whole or a word at a time (so wrapping
    can extend a line's width instead of measuring the line again for every word)."""
    total = start
    for char in text:
        total += char_width(char, bold)
    return total


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width of ``text`` at font size ``size`` (same unit as the size)."""
    return _em(0.0, text, bold) * size * SAFETY


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` that each fit in ``width``; author newlines are kept.

    Words break at spaces; a word longer than a whole line (a long number, a URL) is cut
    between characters, so no line is ever wider than the cell it stands in.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, em = "", 0.0
        for word in paragraph.split():
            candidate = _em(_em(em, " ", bold) if line else 0.0, word, bold)
            if candidate * size * SAFETY <= width:
                line, em = (f"{line} {word}" if line else word), candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _cut(word, width, size, bold):
                if line:
                    lines.append(line)
                line = piece
            em = _em(0.0, line, bold)
        lines.append(line)
    return lines


def _cut(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word in pieces that each fit in ``width`` (at least one character per piece)."""
    pieces: list[str] = []
    piece, em = "", 0.0
    for char in word:
        wider = em + char_width(char, bold)
        if piece and wider * size * SAFETY > width:
            pieces.append(piece)
            piece, wider = "", char_width(char, bold)
        piece, em = piece + char, wider
    pieces.append(piece)
    return pieces
