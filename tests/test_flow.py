"""The flow of steps: next by default, decisions branch, back edges, reachability."""

from __future__ import annotations

from typing import Any

import pytest

from generator.check import flow
from generator.source.model import Sop


def sop_with(steps: list[dict[str, Any]]) -> Sop:
    return Sop.model_validate({
        "title": "T", "organization": "O", "kind": "rutin",
        "roles": [{"id": "a", "name": "A"}],
        "steps": [{"actors": "a", "standard": {"time": 1}, **step} for step in steps]})


def test_straight_flow_ends_after_last_step() -> None:
    sop = sop_with([{"action": "x"}, {"action": "y"}])
    assert flow.edges(sop) == [flow.Edge(0, 1), flow.Edge(1, None)]


def test_decision_targets_by_id_number_next_and_end() -> None:
    sop = sop_with([
        {"action": "x", "id": "awal"},
        {"action": "y", "decision": {"question": "?", "yes": "next", "no": "awal"}},
        {"action": "z", "decision": {"question": "?", "yes": 2, "no": "end"}},
    ])
    assert flow.edges(sop) == [
        flow.Edge(0, 1), flow.Edge(1, 2, "yes"), flow.Edge(1, 0, "no"),
        flow.Edge(2, 1, "yes"), flow.Edge(2, None, "no")]
    assert [e.is_back for e in flow.edges(sop)] == [False, False, True, True, False]


def test_reachable_skips_steps_jumped_over() -> None:
    sop = sop_with([
        {"action": "x", "decision": {"question": "?", "yes": 3, "no": "end"}},
        {"action": "y"}, {"action": "z"}])
    assert flow.reachable(sop) == {0, 2}


def test_unknown_target_lists_known_ids() -> None:
    sop = sop_with([{"action": "x", "id": "satu"}, {"action": "y"}])
    with pytest.raises(flow.TargetError, match=r"no step has the id 'dua'.*satu"):
        flow.resolve(sop, 0, "dua")
