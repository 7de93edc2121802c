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
from generator.check.messages import model_message
from generator.source.errors import FieldPath, SopError, did_you_mean, known_list
from generator.source.load import SourceDocument
from generator.source.model import Sop


def check_model(doc: SourceDocument) -> tuple[Sop | None, list[SopError]]:
    """Build the :class:`Sop` of a document, or the located errors that prevent it."""
    try:
        return Sop.model_validate(doc.data), []
    except ValidationError as exc:
        errors = {_pydantic_error(doc, err) for err in exc.errors(include_url=False)}
        return None, sorted(errors)


def _pydantic_error(doc: SourceDocument, err: Any) -> SopError:
    path = _data_path(doc.data, tuple(err["loc"]))
    return doc.error(path, model_message(err, path))


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
        errors += _check_flow(doc, sop)
    return errors


def _check_flow(doc: SourceDocument, sop: Sop) -> list[SopError]:
    """Every step is reached from the start, and from every step the end can be reached."""
    reached = flow.reachable(sop)
    errors = [doc.error(("steps", i), f"step {i + 1} is never reached: no step or decision "
                                      "leads to it")
              for i in sorted(set(range(len(sop.steps))) - reached)]
    trapped = sorted(reached - flow.finishing(sop))
    if trapped:  # the last trapped step is a decision: a plain step would go on or end
        steps = ", ".join(str(i + 1) for i in trapped)
        errors.append(doc.error(("steps", trapped[-1], "decision"), (
            f"the procedure can never end: steps {steps} only lead to each other; let "
            "'yes' or 'no' lead to 'end' or to a later step")))
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
        for actor in step.does:
            if actor not in step.actors:
                yield doc.error(("steps", i, "does", actor), (
                    f"'{actor}' does not act in this step; 'does' names the step's actors "
                    f"({', '.join(step.actors)})"))
        if len(set(step.actors)) != len(step.actors):
            yield doc.error(("steps", i, "actors"), "a role is named twice")
        if step.id in (flow.END, flow.NEXT):
            yield doc.error(("steps", i, "id"), (
                f"'{step.id}' is a word of decisions ('yes: {step.id}'), so a step with this "
                "id could not be told apart from it; choose another id"))
        if step.id is not None:
            if step.id in seen_ids:
                yield doc.error(("steps", i, "id"), f"duplicate step id '{step.id}'")
            seen_ids.add(step.id)
        if step.decision is not None:
            yield from _check_decision(doc, sop, i)


def _check_decision(doc: SourceDocument, sop: Sop, index: int) -> Iterable[SopError]:
    decision = sop.steps[index].decision
    assert decision is not None
    targets: dict[str, int | None] = {}
    for branch in ("yes", "no"):
        written = getattr(decision, branch)
        if written is None:
            continue  # not stated in the source: allowed, drawn as such
        try:
            target = flow.resolve(sop, index, written)
        except flow.TargetError as exc:
            yield doc.error(("steps", index, "decision", branch), str(exc))
            continue
        if target == index:
            yield doc.error(("steps", index, "decision", branch),
                            "a decision cannot lead to itself")
        targets[branch] = target
    if len(targets) == 2 and targets["yes"] == targets["no"]:
        place = "the end" if targets["yes"] is None else f"step {targets['yes'] + 1}"
        yield doc.error(("steps", index, "decision", "no"), (
            f"'yes' and 'no' both lead to {place}; a decision's answers lead to different "
            "places (without one, make this a plain step)"))
