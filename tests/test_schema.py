"""The JSON Schema for editors: kept current in the repo, describes every field, matches."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import yaml

from generator.source.load import SopLoader
from generator.source.schema import schema_text, sop_schema
from helpers.site import REPO

SCHEMA_FILE = REPO / "docs" / "schema" / "sop.schema.json"


def test_repository_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "run: sopgen schema (docs/schema/sop.schema.json is out of date)"


def _properties(node: Any) -> list[tuple[str, Any]]:
    found = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            found.append((name, prop))
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


def test_every_field_has_a_description() -> None:
    props = _properties(sop_schema())
    assert len(props) > 40
    missing = [name for name, prop in props if "description" not in prop]
    assert missing == []


def test_seed_validates_against_schema_and_typo_does_not() -> None:
    path = REPO / "sop" / "disdukcapil" / "pengukuran-kinerja.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SopLoader)
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    assert list(validator.iter_errors(data)) == []
    data["titel"] = data.pop("title")
    assert list(validator.iter_errors(data))


def test_every_sop_file_points_editors_at_the_schema() -> None:
    for path in (REPO / "sop").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == SCHEMA_FILE.resolve(), path
