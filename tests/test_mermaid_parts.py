"""A big SOP's swimlane in parts: every part under Mermaid's text limit, every step drawn
exactly once, every arrow that leaves a part on a connector naming its step (and the part
it enters starting from one), no arrow to a node its diagram does not define; small SOPs
are one diagram, the text they always had."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.corpus import make_corpus
from generator.check import flow
from generator.check.library import load_library
from generator.render.locale import labels
from generator.render.mermaid import render_mermaid, step_node_ids
from generator.render.mermaid_parts import MAX_CHARS, MAX_STEPS, Part, swimlane_parts
from generator.source.model import Sop
from helpers.big_sops import forty_roles, three_hundred_steps
from helpers.site import REPO
from helpers.sops import long_text

MERMAID_LIMIT = 50_000
L = labels("id")
NODE = re.compile(r'^    (\w+)[\[({]', re.M)
EDGE = re.compile(r'^  (\w+) (?:-->(?:\|"[^"]*"\|)?|~~~) (\w+)$', re.M)


def _big(data: dict[str, object]) -> Sop:
    return Sop.model_validate(data)


def _defined(part: Part) -> set[str]:
    return set(NODE.findall(part.text))


def _label(part: Part, node: str) -> str:
    match = re.search(rf'^    {node}\(\["([^"]*)"\]\)', part.text, re.M)
    assert match, f"{node} is not a connector in part {part.number}"
    return match.group(1)


@pytest.fixture(scope="module")
def hundreds() -> tuple[Sop, list[Part]]:
    sop = _big(three_hundred_steps())
    return sop, swimlane_parts(sop, L)


def test_a_300_step_sop_is_split_under_the_limits(hundreds: tuple[Sop, list[Part]]) -> None:
    sop, parts = hundreds
    assert len(render_mermaid(sop, L)) > MERMAID_LIMIT, "one diagram would be refused"
    assert len(parts) > 1
    assert all(len(part.text) <= MAX_CHARS < MERMAID_LIMIT for part in parts)
    assert all(len(part.steps) <= MAX_STEPS for part in parts)
    assert [part.number for part in parts] == list(range(1, len(parts) + 1))
    assert parts[0].title(L) == "Bagian 1 (langkah 1\u201330)"
    assert parts[-1].title(labels("en")).endswith("\u2013300)")


def test_every_step_is_drawn_exactly_once(hundreds: tuple[Sop, list[Part]]) -> None:
    sop, parts = hundreds
    drawn = [node for part in parts for node in NODE.findall(part.text)
             if re.fullmatch(r"s\d+(_\d+)?", node)]
    expected = [node for i in range(len(sop.steps)) for node in step_node_ids(sop, i)]
    assert sorted(drawn) == sorted(expected)
    assert [part.steps.start for part in parts[1:]] == [part.steps.stop for part in parts[:-1]]


def test_every_arrow_ends_on_a_node_of_its_own_diagram(hundreds: tuple[Sop, list[Part]]
                                                        ) -> None:
    """Mermaid draws an unknown id as a new box: an arrow to a step of another part would
    draw that step a second time, out of place."""
    for part in hundreds[1]:
        defined = _defined(part)
        for source, target in EDGE.findall(part.text):
            assert {source, target} <= defined, (part.number, source, target)


def test_every_arrow_leaving_a_part_ends_on_a_connector_naming_its_step(
        hundreds: tuple[Sop, list[Part]]) -> None:
    sop, parts = hundreds
    part_of = {i: part for part in parts for i in part.steps}
    crossing = [edge for edge in flow.edges(sop) if edge.target is not None
                and part_of[edge.source] is not part_of[edge.target]]
    assert any(not edge.is_back for edge in crossing) and any(e.is_back for e in crossing)
    assert any(edge.target - edge.source > MAX_STEPS for edge in crossing
               if edge.target is not None), "a jump over a whole part"
    for edge in crossing:
        assert edge.target is not None
        here, there = part_of[edge.source], part_of[edge.target]
        for source in step_node_ids(sop, edge.source):
            exits = [t for s, t in EDGE.findall(here.text) if s == source
                     and not t.startswith("s")]
            assert f"ke langkah {edge.target + 1}" in [_label(here, t) for t in exits], edge
        if edge.is_back:
            continue  # a loop back is named where it leaves, as in a whole diagram
        for target in step_node_ids(sop, edge.target):
            entries = [s for s, t in EDGE.findall(there.text) if t == target
                       and s.startswith("from")]
            assert len(entries) == 1, (edge, target)
            numbers = _label(there, entries[0]).removeprefix("dari langkah ").split(", ")
            assert str(edge.source + 1) in numbers, edge


def test_forty_roles_keep_every_lane_in_every_part() -> None:
    sop = _big(forty_roles())
    parts = swimlane_parts(sop, L)
    for part in parts:
        lanes = re.findall(r'subgraph lane(\d+)\["<b>([^"]*)</b>"\]', part.text)
        assert [name.replace("<br>", " ") for _, name in lanes] == [
            role.name for role in sop.roles]
        titles = [name for _, name in lanes]  # long ones in two lines: Mermaid clipped them
        assert all(t.count("<br>") <= 1 for t in titles) and any("<br>" in t for t in titles)
        assert len(part.text) <= MAX_CHARS


def test_a_few_very_long_steps_split_by_measured_length() -> None:
    """20 steps of 2,500 characters: under the step limit, over the text limit."""
    data = three_hundred_steps()
    data["steps"] = data["steps"][:20]  # type: ignore[index]
    for step in data["steps"]:  # type: ignore[attr-defined]
        step["action"] = long_text(2500)
        step.pop("decision", None)
    sop = _big(data)
    assert len(render_mermaid(sop, L)) > MAX_CHARS
    parts = swimlane_parts(sop, L)
    assert len(parts) > 1 and all(len(part.text) <= MAX_CHARS for part in parts)


def test_small_sops_are_one_diagram_as_before(tmp_path: Path) -> None:
    """The seed, every corpus SOP and 60 benchmark SOPs (5-30 steps, up to 8 roles): one
    part each, exactly the text of the whole diagram."""
    data = Path(__file__).parent / "data"
    make_corpus(tmp_path / "bench", 60)
    folders = [REPO / "sop", data / "official" / "sop", data / "diagrams", data / "corpus",
               data / "flows", data / "hostile", tmp_path / "bench"]
    seen = 0
    for folder in folders:
        for entry in load_library(folder).entries:
            parts = swimlane_parts(entry.sop, L)
            assert [part.text for part in parts] == [render_mermaid(entry.sop, L)]
            seen += 1
    assert seen == 75
