"""Errors an author can act on, kept apart from internal bugs.

Every problem found in SOP files becomes an :class:`SopError` naming the file, the line
and column, and the field, so that all of them can be shown together in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts a
sequence that can retitle or clear the terminal, BEL rings, CR and LF could forge a second
error line), line separators, the bidirectional overrides that reorder what is shown, and
lone surrogates (undecodable file names) that cannot be printed at all. Tab stays."""


def printable(text: str) -> str:
    """``text`` with every unsafe character written as an escape (ESC -> ``\\x1b``).

    Error messages quote what a file says; a hostile file must not reach the terminal."""
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class SopError:
    """One problem in one SOP file, at one place."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        """``file:line:col: field: message``, one line, safe to print to a terminal."""
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        return printable(f"{where}:{field} {self.message}")


class SopValidationError(Exception):
    """Raised with every author error found; an internal bug is any other exception."""

    def __init__(self, errors: Sequence[SopError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self) -> str:
        """All errors, one per line, followed by a count."""
        count = len(self.errors)
        lines = [str(error) for error in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''} found")
        return "\n".join(lines)


def format_path(path: FieldPath) -> str:
    """Render a field path the way authors read it: ``steps[3].actors``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint when a close match exists, else ''."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def known_list(choices: Iterable[str], limit: int = 8) -> str:
    """A short ' (known: a, b, ...)' list so the author sees what is allowed."""
    items = list(choices)
    shown = ", ".join(items[:limit]) + (", ..." if len(items) > limit else "")
    return f" (known: {shown})" if items else " (none declared)"
