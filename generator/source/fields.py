"""The value types of the SOP format: text, ids, lists, dates, durations, decision targets.

Each type says what the loader accepts and, through its JSON Schema, what editors accept:
the two must agree (tests/test_schema_parity.py feeds both the same examples). Blank text
means "not stated in the source" wherever a value may be missing, never 0 or a default.
Each reading rule (a date, a step target, a list written as one item) is stated once,
with the reason it exists, so the models stay a list of fields.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, StringConstraints, WithJsonSchema

from generator.source.durations import (
    DURATION_PATTERN,
    MAX_AMOUNT,
    Duration,
    parse_optional_duration,
)

ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
"""Role and step ids end up in file names, URLs and diagram ids: keep them plain."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                 WithJsonSchema({"type": "string", "pattern": r"\S"})]
"""Text that is not blank: the loader strips it first, the schema asks for a non-space."""
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def as_list(value: Any) -> Any:
    """Accept a single item where a list is expected: `actors: kepala_dinas`."""
    return [value] if isinstance(value, str | dict) else value


def blank_to_none(value: Any) -> Any:
    """An empty string means 'not filled in yet', the same as leaving the field out."""
    return None if isinstance(value, str) and not value.strip() else value


DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: Any) -> Any:
    """Only ``YYYY-MM-DD``: pydantic would read 0, 86400 or '86400' as seconds since 1970,
    a date nobody meant; a date the YAML parser made (``!!timestamp``) is fine."""
    if value is None or (isinstance(value, datetime.date)
                         and not isinstance(value, datetime.datetime)):
        return value
    shown = str(value).strip() if isinstance(value, str) else repr(value)
    if isinstance(value, str) and DATE_PATTERN.match(shown):
        try:
            return datetime.date.fromisoformat(shown)
        except ValueError:
            raise ValueError(f"'{shown}' is not a date of the calendar (check the month and "
                             "day)") from None
    kind = "a number" if isinstance(value, int | float) and not isinstance(value, bool) else ""
    reason = f"{shown} is a number, not a date" if kind else f"'{shown}' is not a date"
    raise ValueError(f"{reason}; write it as YYYY-MM-DD, e.g. 2024-01-31")


def _target(value: Any) -> Any:
    """A step number or a word; ``yes: true`` would otherwise be read as step 1. None (left
    empty) means the source does not say where the answer leads."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | str)):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ValueError(f"{shown} is not a place to go: write 'next', 'end', a step id or a "
                         "step number (1 = first step)")
    return value


TextList = Annotated[
    list[Text], BeforeValidator(as_list, json_schema_input_type=Text | list[Text])]
OptionalText = Annotated[str | None, BeforeValidator(blank_to_none)]
OptionalDate = Annotated[datetime.date | None, BeforeValidator(_date),
                         BeforeValidator(blank_to_none)]
Date = Annotated[datetime.date, BeforeValidator(_date)]
BLANK_PATTERN = r"^\s*$"
"""A blank string: the loader reads it as 'not stated', so the schema accepts it too."""

StepDuration = Annotated[
    Duration | None,
    BeforeValidator(parse_optional_duration),
    PlainSerializer(lambda d: d.text if d is not None else None, return_type=str | None),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": MAX_AMOUNT},
                              {"type": "string", "pattern": DURATION_PATTERN},
                              {"type": "string", "pattern": BLANK_PATTERN},
                              {"type": "null"}]}),
]
Target = Annotated[
    int | str | None,
    BeforeValidator(_target),
    BeforeValidator(blank_to_none),
    Field(description="Where this answer leads: 'next' (the following step), 'end' (the "
                      "procedure ends), a step id, or a step number (1 = first step). "
                      "Leave it empty when the source does not say."),
]
