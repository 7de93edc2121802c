"""The JSON Schema of the SOP format, for editors (completion and checks while typing)."""

from __future__ import annotations

import json
from typing import Any

from generator.source.model import Sop

SCHEMA_ID = "https://sopgen.local/sop.schema.json"


def sop_schema() -> dict[str, Any]:
    """The schema of one SOP file, with a description on every field."""
    schema = Sop.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema}


def schema_text() -> str:
    """The schema as stable, pretty JSON text (what the repository keeps)."""
    return json.dumps(sop_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
