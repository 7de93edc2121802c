"""The flow of a procedure: which step follows which, and which steps can be reached.

Flow goes to the next step unless a decision says otherwise; the last step ends the
procedure. Targets are written as 'next', 'end', a step id or a step number; this module
is the one place that turns them into step indexes, for validation and for every drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.source.model import Sop

NEXT = "next"
END = "end"
Branch = Literal["yes", "no"]


class TargetError(ValueError):
    """A decision target that names no step."""


@dataclass(frozen=True)
class Edge:
    """An arrow from one step to another step, or to the end when ``target`` is None.

    ``unknown`` marks a decision's answer the source does not state (a "Tidak" arrow the
    scan does not show): it leads nowhere known, and drawings say so instead of "end"."""

    source: int
    target: int | None
    branch: Branch | None = None
    unknown: bool = False

    @property
    def is_back(self) -> bool:
        """True for a loop back to an earlier (or the same) step."""
        return self.target is not None and self.target <= self.source


def step_ids(sop: Sop) -> dict[str, int]:
    """Step id -> index, for the steps that have an id."""
    return {step.id: i for i, step in enumerate(sop.steps) if step.id is not None}


def resolve(sop: Sop, index: int, target: int | str) -> int | None:
    """The step index a target leads to from step ``index``; None means the end."""
    count = len(sop.steps)
    if isinstance(target, int):
        if not 1 <= target <= count:
            raise TargetError(f"step number {target} does not exist (steps are 1 to {count})")
        return target - 1
    if target == END:
        return None
    if target == NEXT:
        return index + 1 if index + 1 < count else None
    ids = step_ids(sop)
    if target not in ids:
        known = ", ".join(ids) or "no step has an id"
        raise TargetError(f"no step has the id '{target}' (use 'next', 'end', a step "
                          f"number, or a step id: {known})")
    return ids[target]


def edges(sop: Sop) -> list[Edge]:
    """Every arrow of the procedure, in step order (decision: 'yes' before 'no')."""
    result: list[Edge] = []
    for i, step in enumerate(sop.steps):
        if step.decision is None:
            result.append(Edge(i, i + 1 if i + 1 < len(sop.steps) else None))
            continue
        answers: tuple[tuple[Branch, int | str | None], ...] = (
            ("yes", step.decision.yes), ("no", step.decision.no))
        for branch, target in answers:
            result.append(Edge(i, None, branch, unknown=True) if target is None
                          else Edge(i, resolve(sop, i, target), branch))
    return result


def reachable(sop: Sop) -> set[int]:
    """Indexes of the steps some path from the first step reaches. An answer the source
    does not state counts as going on to the next step: the author cannot say more."""
    successors: dict[int, list[int]] = {}
    for edge in edges(sop):
        if edge.unknown and edge.source + 1 < len(sop.steps):
            successors.setdefault(edge.source, []).append(edge.source + 1)
        elif edge.target is not None:
            successors.setdefault(edge.source, []).append(edge.target)
    seen, todo = {0}, [0]
    while todo:
        for nxt in successors.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def finishing(sop: Sop) -> set[int]:
    """Indexes of the steps from which some path reaches the end.

    A step outside this set is caught in a loop with no way out: a procedure that, once
    there, can never be completed (e.g. ``yes: 1, no: 2`` on the last step)."""
    predecessors: dict[int | None, list[int]] = {}
    for edge in edges(sop):
        predecessors.setdefault(edge.target, []).append(edge.source)
    seen: set[int] = set(predecessors.get(None, []))
    todo = list(seen)
    while todo:
        for earlier in predecessors.get(todo.pop(), []):
            if earlier not in seen:
                seen.add(earlier)
                todo.append(earlier)
    return seen
