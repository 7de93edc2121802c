"""One SOP file as read: its data, and the YAML node tree that knows where each value stands.

Kept apart from the YAML reading itself so that checks can locate errors without depending
on how the file was parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.source.errors import FieldPath, SopError, format_path


@dataclass(frozen=True)
class Position:
    """1-based line and column in the source file."""

    line: int
    column: int


@dataclass
class SourceDocument:
    """The data of one SOP file, and its YAML node tree for the position of every value.

    Positions are looked up in the node tree only when an error needs one: recording
    them for every value up front cost more than reading the file."""

    path: Path
    display_path: str
    data: Any
    root: Any = field(default=None, repr=False)

    def position_of(self, path: FieldPath) -> Position:
        """Position of the deepest known part of ``path`` (a missing key points at its parent)."""
        node = self.root
        if node is None:
            return Position(1, 1)
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return Position(node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, path: FieldPath, message: str) -> SopError:
        """An error located at ``path`` in this file."""
        pos = self.position_of(path)
        return SopError(self.display_path, pos.line, pos.column, format_path(path), message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    """The value node at key or index ``part`` of ``node``, if there is one."""
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value
                     if isinstance(key, yaml.ScalarNode) and key.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


class LoadFailure(Exception):
    """A file that cannot be read as YAML at all; carries the located error."""

    def __init__(self, error: SopError) -> None:
        self.error = error
        super().__init__(str(error))
