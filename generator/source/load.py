"""Stage 1: read SOP YAML files into plain data, remembering where every value stands.

PyYAML forgets positions once it builds Python objects and silently keeps the last of two
duplicate keys, so we compose the node tree ourselves: that gives every value a line and
column (for error messages) and lets us refuse duplicate keys and alias bombs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.source.errors import FieldPath, SopError, format_path

MAX_FILE_BYTES = 1024 * 1024
"""An SOP is a few kilobytes; a file larger than this is a mistake, not an SOP."""

MAX_NODES = 50_000
"""Bound on values built from one file, so aliases cannot blow a file up exponentially."""


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


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SopLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML 1.2 scalars: only true/false are booleans and dates stay strings.

    YAML 1.1 reads ``no``, ``yes``, ``on`` as booleans (a decision's ``no:`` key would vanish)
    and turns dates into objects before pydantic can check them; both surprise authors.
    The C parser (libyaml) is used where PyYAML has it: it reads a thousand SOPs ~10x
    faster than the pure-Python one, with the same nodes and marks.
    """


SopLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in {
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
SopLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


_STR_TAG = "tag:yaml.org,2002:str"


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, refusing duplicate keys."""

    def __init__(self, loader: SopLoader, doc: SourceDocument) -> None:
        self.loader = loader
        self.doc = doc
        self.count = 0

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise LoadFailure(self.doc.error(path[:1], f"too many values (over {MAX_NODES}); "
                                                       "are YAML aliases (*name) repeating a "
                                                       "block?"))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR_TAG:  # most values: skip the constructor's machinery
            return node.value
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadFailure(self._at(key_node, path, "a key must be plain text"))
            key = key_node.value if key_node.tag == _STR_TAG else \
                self.loader.construct_object(key_node)
            if key in result:
                first = self.doc.position_of((*path, key))
                raise LoadFailure(self._at(key_node, (*path, key), (
                    f"duplicate key '{key}' (first given at line {first.line}); "
                    "YAML would silently keep only the last one")))
            result[key] = self.build(value_node, (*path, key))
        return result

    def _at(self, node: yaml.Node, path: FieldPath, message: str) -> SopError:
        mark = node.start_mark
        return SopError(self.doc.display_path, mark.line + 1, mark.column + 1,
                        format_path(path), message)


def decode(raw: bytes, display_path: str) -> str:
    """UTF-8 text (a BOM is accepted); a bad byte is named with its line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        raise LoadFailure(SopError(display_path, line, column, "", (
            f"the file is not UTF-8: byte 0x{byte:02X} cannot be read; "
            "save the file as UTF-8"))) from None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display_path: str) -> SopError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if _is_tab(text, line, column) or "'\\t'" in (exc.problem or ""):
        return SopError(display_path, line, column, "",
                        "YAML syntax error: a tab character; YAML indents with spaces only")
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context and exc.context not in problem else ""
    return SopError(display_path, line, column, "", f"YAML syntax error: {problem}{context}")


def _is_tab(text: str, line: int, column: int) -> bool:
    """Whether the character at a 1-based line and column is a tab (libyaml does not say)."""
    lines = text.splitlines()
    return 0 < line <= len(lines) and lines[line - 1][column - 1:column] == "\t"


def parse_text(text: str, path: Path, display_path: str) -> SourceDocument:
    """Parse YAML text into a :class:`SourceDocument` or raise :class:`LoadFailure`."""
    doc = SourceDocument(path=path, display_path=display_path, data=None)
    loader = SopLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LoadFailure(SopError(display_path, 1, 1, "", "the file is empty"))
        doc.root = node
        doc.data = _Builder(loader, doc).build(node, ())
    except yaml.MarkedYAMLError as exc:
        raise LoadFailure(_syntax_error(exc, text, display_path)) from None
    except yaml.YAMLError as exc:
        raise LoadFailure(SopError(display_path, 1, 1, "", f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise LoadFailure(doc.error((), f"the file holds {kind}; an SOP file is a mapping "
                                        "of keys (title:, roles:, steps:, ...)"))
    return doc


def load_file(path: Path, display_path: str) -> SourceDocument:
    """Read one SOP file from disk, with size and encoding checks first."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LoadFailure(SopError(display_path, 1, 1, "", (
            f"the file is {size:,} bytes; an SOP file may be at most {MAX_FILE_BYTES:,}")))
    return parse_text(decode(path.read_bytes(), display_path), path, display_path)
