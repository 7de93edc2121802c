"""Pydantic's errors retold in the words of the SOP format.

"Input should be a valid string" tells an author nothing about what to write; every kind
of error a YAML file can cause gets a message that names the field's choices, and says
to quote digits that must stay text (a NIP loses its leading zeros as a number).
"""

from __future__ import annotations

from typing import Any

from generator.check.keys import unknown_key_message
from generator.source.errors import FieldPath

TARGET_CHOICES = ("a step number (1 = first step), a step id, 'next' or 'end'; or leave it "
                  "empty when the form does not say")


def what(value: Any) -> str:
    """A value as an author would describe what they wrote."""
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys with values"
    if value is None:
        return "nothing"
    return f"'{value}'"


def model_message(err: Any, path: FieldPath) -> str:
    """The author's message for one pydantic error at ``path`` (the path in the file)."""
    kind, given, loc = err["type"], err.get("input"), tuple(err["loc"])
    field = path[-1] if path else ""
    ctx = err.get("ctx") or {}
    if "decision" in loc and field in ("yes", "no"):
        return f"{what(given)} cannot say where this answer leads: write {TARGET_CHOICES}"
    if kind == "extra_forbidden":
        return unknown_key_message(path)
    if kind == "missing":
        return f"required field '{field}' is missing"
    if kind == "string_type" and isinstance(given, int | float) and not isinstance(given, bool):
        return (f"{what(given)} must be text: put it in quotes ({field}: \"{given}\"); "
                "unquoted digits are read as a number and lose leading zeros")
    if kind == "string_type":
        return f"{what(given)} must be text"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return (f"'{given}' is not a valid id: use lowercase letters, digits, '-' or '_', "
                "starting with a letter")
    if kind in ("enum", "literal_error"):
        allowed = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"{what(given)} is not one of the allowed values: {allowed}"
    if kind.startswith("date"):
        return f"{what(given)} is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {what(given)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected keys with values here (key: value), got {what(given)}"
    return str(err["msg"]).removeprefix("Value error, ")
