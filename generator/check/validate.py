"""Stage 3: check each SOP against the model and against itself (validate_site: across).

Every check returns errors instead of raising, so one run reports every problem in every
file, each traced back to the line and column the author wrote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from generator.check import flow
from generator.check.life import check_life
from generator.source.errors import FieldPath, SopError, did_you_mean, known_list
from generator.source.load import SourceDocument
from generator.source.model import Sop, Strict

ALL_KEYS = sorted({name for cls in Strict.__subclasses__() for name in cls.model_fields}
                  | set(Sop.model_fields))


def check_model(doc: SourceDocument) -> tuple[Sop | None, list[SopError]]:
    """Build the :class:`Sop` of a document, or the located errors that prevent it."""
    try:
        return Sop.model_validate(doc.data), []
    except ValidationError as exc:
        errors = {_pydantic_error(doc, err) for err in exc.errors(include_url=False)}
        return None, sorted(errors)


def _pydantic_error(doc: SourceDocument, err: Any) -> SopError:
    path = _data_path(doc.data, tuple(err["loc"]))
    kind, given = err["type"], err.get("input")
    field = path[-1] if path else ""
    if kind == "extra_forbidden":
        message = f"unknown key '{field}'{did_you_mean(str(field), ALL_KEYS)}"
    elif kind == "missing":
        message = f"required field '{field}' is missing"
    elif kind == "string_pattern_mismatch":
        message = (f"'{given}' is not a valid id: use lowercase letters, digits, '-' or '_', "
                   "starting with a letter")
    elif kind.startswith("date"):
        message = f"'{given}' is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31"
    elif kind == "too_short" and isinstance(given, list):
        message = "must not be empty"
    else:
        message = str(err["msg"]).removeprefix("Value error, ")
    return doc.error(path, message)


def _has(container: Any, part: str | int) -> bool:
    """True when ``container[part]`` exists in loaded YAML data."""
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _data_path(data: Any, loc: FieldPath) -> FieldPath:
    """The part of a pydantic location that exists in the data (drops union branch names)."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if _has(current, part):
            current = current[part]
        else:
            if isinstance(current, dict) and part not in {"int", "str"}:
                path.append(part)  # a missing key: the error is about it
            break
        path.append(part)
    return tuple(path)


def check_sop(doc: SourceDocument, sop: Sop) -> list[SopError]:
    """Checks inside one SOP that the model alone cannot express."""
    errors = list(_check_roles(doc, sop))
    errors += _check_steps(doc, sop)
    errors += check_life(doc, sop)
    if not any(e.field.startswith("steps") and "decision" in e.field for e in errors):
        unreached = sorted(set(range(len(sop.steps))) - flow.reachable(sop))
        errors += [doc.error(("steps", i), f"step {i + 1} is never reached: no step or "
                                           "decision leads to it") for i in unreached]
    return errors


def _duplicates(values: Iterable[str]) -> set[str]:
    return {value for value, count in Counter(values).items() if count > 1}


def _check_roles(doc: SourceDocument, sop: Sop) -> Iterable[SopError]:
    role_ids = [role.id for role in sop.roles]
    for value in _duplicates(role_ids):
        index = len(role_ids) - 1 - role_ids[::-1].index(value)
        yield doc.error(("roles", index, "id"), f"duplicate role id '{value}'")
    names = [name_key(role.name) for role in sop.roles]
    for value in _duplicates(names):
        index = len(names) - 1 - names[::-1].index(value)
        yield doc.error(("roles", index, "name"), f"duplicate role name "
                                                  f"'{sop.roles[index].name}': two lanes "
                                                  "would look the same")
    for i, entry in enumerate(sop.records.entries):
        if entry.role is not None and entry.role not in role_ids:
            yield doc.error(("records", "entries", i, "role"), _unknown_role(entry.role, role_ids))


def name_key(name: str) -> str:
    """Names that differ only in case or spacing are the same name to a reader."""
    return " ".join(name.casefold().split())


def _unknown_role(role: str, known: list[str]) -> str:
    return f"unknown role '{role}'{did_you_mean(role, known)}{known_list(known)}"


def _check_steps(doc: SourceDocument, sop: Sop) -> Iterable[SopError]:
    role_ids = [role.id for role in sop.roles]
    seen_ids: set[str] = set()
    for i, step in enumerate(sop.steps):
        for j, actor in enumerate(step.actors):
            if actor not in role_ids:
                yield doc.error(("steps", i, "actors", j), _unknown_role(actor, role_ids))
        if len(set(step.actors)) != len(step.actors):
            yield doc.error(("steps", i, "actors"), "a role is named twice")
        if step.id is not None:
            if step.id in seen_ids:
                yield doc.error(("steps", i, "id"), f"duplicate step id '{step.id}'")
            seen_ids.add(step.id)
        if step.decision is not None:
            yield from _check_decision(doc, sop, i)


def _check_decision(doc: SourceDocument, sop: Sop, index: int) -> Iterable[SopError]:
    decision = sop.steps[index].decision
    assert decision is not None
    for branch in ("yes", "no"):
        try:
            target = flow.resolve(sop, index, getattr(decision, branch))
        except flow.TargetError as exc:
            yield doc.error(("steps", index, "decision", branch), str(exc))
            continue
        if target == index:
            yield doc.error(("steps", index, "decision", branch),
                            "a decision cannot lead to itself")
