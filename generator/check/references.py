"""References inside a file whose model failed: unknown roles and decision targets.

When one value of a file is wrong (a date, an empty action) the SOP cannot be built, and
the checks that need a built SOP would stay silent until the author fixed it and ran
again. These checks read the raw YAML data instead, so one run shows all of a file's
problems; a place that already has a model error is not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check import flow
from generator.source.errors import SopError, did_you_mean, known_list
from generator.source.load import SourceDocument
from generator.source.model import Sop, Step


def reference_errors(doc: SourceDocument, model_errors: list[SopError]) -> list[SopError]:
    """Unknown roles and dangling decision targets in raw data, where no model error is."""
    taken = {error.field for error in model_errors}
    return [error for error in _references(doc.data, doc) if error.field not in taken]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _references(data: Any, doc: SourceDocument) -> Iterator[SopError]:
    if not isinstance(data, dict):
        return
    roles = [role.get("id") for role in _list(data.get("roles")) if isinstance(role, dict)]
    known = [role for role in roles if isinstance(role, str)]
    steps = _list(data.get("steps"))
    shape = Sop.model_construct(title="", roles=[], steps=[Step.model_construct(
        action="", actors=[], id=step.get("id") if isinstance(step, dict) and
        isinstance(step.get("id"), str) else None) for step in steps])
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        actors = step.get("actors")
        for j, actor in enumerate(actors if isinstance(actors, list) else [actors]):
            if known and isinstance(actor, str) and actor not in known:
                where = ("steps", i, "actors", j) if isinstance(actors, list) else \
                    ("steps", i, "actors")
                yield doc.error(where, f"unknown role '{actor}'{did_you_mean(actor, known)}"
                                       f"{known_list(known)}")
        decision = step.get("decision")
        if not isinstance(decision, dict):
            continue
        for branch in ("yes", "no"):
            target = decision.get(branch)
            if isinstance(target, int | str) and not isinstance(target, bool) \
                    and str(target).strip():
                try:
                    flow.resolve(shape, i, target)
                except flow.TargetError as exc:
                    yield doc.error(("steps", i, "decision", branch), str(exc))
