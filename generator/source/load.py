"""Stage 1: read SOP YAML files into plain data, remembering where every value stands.

This module ties the steps together: bytes from disk (:mod:`files`), text, the YAML node
tree and plain data (:mod:`yaml_tree`), and the document that locates errors
(:mod:`document`). Each step refuses its own kind of bad input with a located error.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.source.document import LoadFailure, Position, SourceDocument
from generator.source.errors import SopError
from generator.source.files import MAX_FILE_BYTES, decode, read_source
from generator.source.yaml_tree import MAX_NODES, Builder, SopLoader, reader_error, syntax_error

__all__ = ["MAX_FILE_BYTES", "MAX_NODES", "LoadFailure", "Position", "SopLoader",
           "SourceDocument", "decode", "load_file", "parse_text"]


def parse_text(text: str, path: Path, display_path: str) -> SourceDocument:
    """Parse YAML text into a :class:`SourceDocument` or raise :class:`LoadFailure`."""
    doc = SourceDocument(path=path, display_path=display_path, data=None)
    loader = SopLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LoadFailure(SopError(display_path, 1, 1, "", "the file is empty"))
        doc.root = node
        doc.data = Builder(loader, doc).build(node, ())
    except yaml.MarkedYAMLError as exc:
        raise LoadFailure(syntax_error(exc, text, display_path)) from None
    except yaml.reader.ReaderError:
        raise LoadFailure(reader_error(text, display_path)) from None
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
    """Read one SOP file from disk: regular file, size and encoding checks first."""
    return parse_text(decode(read_source(path, display_path), display_path), path,
                      display_path)
