"""Unknown keys, explained by where they stand: a key can be right, only at another level.

The format has a dozen mappings (top level, a step, a step's standard, ...). A key written
one level too high or too low is the commonest indentation slip; saying "did you mean
'standard'?" about 'standard' helps nobody, saying where 'standard' belongs does.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.source.errors import FieldPath, did_you_mean
from generator.source.life import (
    Evaluation,
    Monitoring,
    Withdrawal,
)
from generator.source.model import (
    Approval,
    Dates,
    Decision,
    MutuBaku,
    RecordEntry,
    Records,
    RelatedSop,
    Responsible,
    Revision,
    Role,
    Sop,
    Step,
)

ITEM = "[]"
PLACES: dict[tuple[str, ...], tuple[type[BaseModel], str]] = {
    (): (Sop, "at the top level"),
    ("dates",): (Dates, "inside dates"),
    ("approval",): (Approval, "inside approval"),
    ("responsible",): (Responsible, "inside responsible"),
    ("related", ITEM): (RelatedSop, "in an entry of related"),
    ("records",): (Records, "inside records"),
    ("records", "entries", ITEM): (RecordEntry, "in an entry of records.entries"),
    ("revisions", ITEM): (Revision, "in an entry of revisions"),
    ("roles", ITEM): (Role, "inside a role"),
    ("steps", ITEM): (Step, "inside a step"),
    ("steps", ITEM, "standard"): (MutuBaku, "inside a step's standard"),
    ("withdrawal",): (Withdrawal, "inside withdrawal"),
    ("monitorings", ITEM): (Monitoring, "in an entry of monitorings"),
    ("evaluations", ITEM): (Evaluation, "in an entry of evaluations"),
    ("steps", ITEM, "decision"): (Decision, "inside a step's decision"),
}
"""Every mapping of the format, by its path (list items as ``[]``), with its words."""


def _shape(path: FieldPath) -> tuple[str, ...]:
    return tuple(ITEM if isinstance(part, int) else part for part in path)


def unknown_key_message(path: FieldPath) -> str:
    """The message for the unknown key at ``path``: where it belongs, or what was meant."""
    key = str(path[-1]) if path else ""
    here = PLACES.get(_shape(path[:-1]))
    if here is None:
        return f"unknown key '{key}'"
    model, here_words = here
    homes = [words for model_elsewhere, words in PLACES.values()
             if key in model_elsewhere.model_fields and model_elsewhere is not model]
    if homes:
        return f"'{key}' belongs {' or '.join(homes)}, not {here_words}"
    hint = did_you_mean(key, model.model_fields)
    if not hint:
        for other, words in PLACES.values():
            if close := did_you_mean(key, other.model_fields):
                hint = f"{close[:-1]} it belongs {words})"
                break
    return f"unknown key '{key}'{hint}"
