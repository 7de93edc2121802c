"""YAML as the SOP format reads it: YAML 1.2 scalars, no duplicate keys, bounded size.

PyYAML forgets positions once it builds Python objects and silently keeps the last of two
duplicate keys, so we compose the node tree ourselves and build plain data from it: that
lets us refuse duplicate keys, alias bombs, merge keys and deep nesting, each in words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from generator.source.document import LoadFailure, SourceDocument
from generator.source.errors import FieldPath, SopError, format_path

MAX_NODES = 50_000
"""Bound on values built from one file, so aliases cannot blow a file up exponentially."""

MAX_DEPTH = 40
"""An SOP nests five levels (steps[1].standard.inputs[0]); far deeper is a broken file,
and building it recursively would exhaust Python's stack before libyaml's own limit."""

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
_MERGE_TAG = "tag:yaml.org,2002:merge"


class Builder:
    """Turns a composed node tree into dicts, lists and scalars, refusing what would
    silently change meaning (duplicate and merge keys) or exhaust memory or stack."""

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
        if len(path) > MAX_DEPTH:
            raise LoadFailure(self._at(node, path[:1], (
                f"values nested more than {MAX_DEPTH} levels deep; an SOP needs a few")))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: FieldPath) -> Any:
        if node.tag == _STR_TAG:  # most values: skip the constructor's machinery
            return node.value
        if node.tag not in self.loader.yaml_constructors:
            raise LoadFailure(self._at(node, path, (
                f"the YAML tag '{node.tag}' is not supported; write the plain value")))
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadFailure(self._at(key_node, path, "a key must be plain text"))
            if key_node.tag == _MERGE_TAG:
                raise LoadFailure(self._at(key_node, path, (
                    "merge keys ('<<: *name') are not supported: they hide where a value "
                    "comes from; write the keys out")))
            key = self._scalar(key_node, path)
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


def syntax_error(exc: yaml.MarkedYAMLError, text: str, display_path: str) -> SopError:
    """libyaml's complaint in the author's terms, with a hint for the common causes."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    if _char_at(lines, line, column) == "\t" or "'\\t'" in (exc.problem or ""):
        return SopError(display_path, line, column, "",
                        "YAML syntax error: a tab character; YAML indents with spaces only")
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context and exc.context not in problem else ""
    if problem.startswith("could not determine a constructor"):
        tag = problem.rsplit(" ", 1)[-1]
        return SopError(display_path, line, column, "",
                        f"the YAML tag {tag} is not supported; write the plain value")
    hint = _mapping_hint(lines, line, column) if problem.startswith("mapping values") else ""
    return SopError(display_path, line, column, "", f"YAML syntax error: {problem}{context}"
                                                    f"{hint}")


def _char_at(lines: list[str], line: int, column: int) -> str:
    """The character at a 1-based line and column ('' past the end); libyaml does not say."""
    return lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""


def _mapping_hint(lines: list[str], line: int, column: int) -> str:
    """Why a ':' is out of place: the line is indented too deep, or text holds ': '."""
    if not 0 < line <= len(lines):
        return ""
    here = lines[line - 1]
    if ": " in here[:column - 1]:
        return "; text that contains ': ' must be quoted, e.g. title: \"Rapat: evaluasi\""
    above = next((text for text in reversed(lines[:line - 1])
                  if text.strip() and not text.lstrip().startswith("#")), "")
    if _indent(here) > _indent(above):
        return (f"; this line is indented deeper than the line above (column "
                f"{_indent(here) + 1}, not {_indent(above) + 1}): keys of one mapping start "
                "in the same column")
    return ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                       "\U00010000-\U0010ffff]")
"""Characters YAML (libyaml) refuses anywhere in a file: controls, surrogates, U+FFFE and
U+FFFF."""


def reader_error(text: str, display_path: str) -> SopError:
    """libyaml names a refused character by byte offset; name it by line and column."""
    found = _NOT_YAML.search(text)
    if found is None:
        return SopError(display_path, 1, 1, "", "the file holds a character YAML refuses")
    index = found.start()
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = ord(found.group())
    message = ("the file holds a NUL byte (U+0000), which YAML refuses; is it a binary "
               "file, or saved as UTF-16?") if code == 0 else (
        f"the {'control ' if unicodedata.category(chr(code)) == 'Cc' else ''}character "
        f"U+{code:04X} is not allowed in YAML; remove it")
    return SopError(display_path, line, column, "", message)
