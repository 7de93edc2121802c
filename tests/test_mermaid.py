"""The swimlane diagram text: lanes in order, copies per role, escaping, no back edges."""

from __future__ import annotations

import re
from pathlib import Path

from generator.check.library import load_library
from generator.render.locale import labels
from generator.render.mermaid import render_mermaid
from generator.source.model import Sop
from helpers.golden import assert_golden
from helpers.site import REPO

HOSTILE = 'a"b]<script>alert(1)</script> --> %% ; | {x} #1 `c` ü😀\nline2'


def seed() -> Sop:
    return load_library(REPO / "sop").entries[0].sop


def test_seed_diagram_is_golden() -> None:
    assert_golden("seed/diagram.mmd", render_mermaid(seed(), labels("id")) + "\n")


def test_lanes_in_declared_order_and_meeting_in_every_lane() -> None:
    text = render_mermaid(seed(), labels("id"))
    lanes = re.findall(r'subgraph lane(\d)\["<b>([^"]*)</b>"\]', text)
    assert [name for _, name in lanes] == ["Kepala Dinas", "Sekretaris", "Sek. Tim Sakip",
                                           "Anggota Sakip"]
    blocks = text.split("subgraph ")[1:]
    assert all(f"s5_{i}[" in block for i, block in enumerate(blocks))
    assert text.startswith("---\nconfig:")
    assert "swimlane-beta TB" in text


def test_every_step_is_drawn_once_per_actor() -> None:
    sop = seed()
    text = render_mermaid(sop, labels("id"))
    for number, step in enumerate(sop.steps, start=1):
        drawn = re.findall(rf"^\s+s{number}(?:_\d)?[\[(]", text, flags=re.M)
        assert len(drawn) == len(step.actors), number


def test_hostile_text_cannot_break_out_of_a_label() -> None:
    sop = Sop.model_validate({
        "title": "T", "organization": "O", "kind": "rutin",
        "roles": [{"id": "a", "name": HOSTILE}],
        "steps": [{"action": HOSTILE, "actors": "a", "standard": {"time": 1}},
                  {"action": "b", "actors": "a", "standard": {"time": 1},
                   "decision": {"question": HOSTILE, "yes": "next", "no": "end"}},
                  {"action": "c", "actors": "a", "standard": {"time": 1}}]})
    text = render_mermaid(sop, labels("id"))
    body = text.split("---\n", 2)[2]
    for label in re.findall(r'"([^"]*)"', body):
        label = label.removeprefix("<b>").removesuffix("</b>")  # lane titles are bold
        bare = re.sub(r"#\d+;", "", label.replace("<br>", " "))
        assert not set(bare) & set("<>[]{}|;%`\"#&\\\n"), label
    assert "#60;script#62;" in body and "<br>line2" in body
    assert "#45;" not in body and "#46;" not in body, "plain punctuation stays plain"


def test_loop_back_goes_to_a_connector_not_upwards(tmp_path: Path) -> None:
    sop = Sop.model_validate({
        "title": "T", "organization": "O", "kind": "rutin",
        "roles": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "steps": [{"action": "x", "actors": "a", "standard": {"time": 1}},
                  {"action": "y", "actors": "b", "standard": {"time": 1},
                   "decision": {"question": "ok?", "yes": "next", "no": 1}},
                  {"action": "z", "actors": "a", "standard": {"time": 1}}]})
    text = render_mermaid(sop, labels("id"))
    assert "s2 -->|\"Tidak\"| back2" in text
    assert '(["ke langkah 1"])' in text
    assert "--> s1" not in text


def test_an_end_after_a_decision_stands_below_it_in_its_lane() -> None:
    sop = load_library(Path(__file__).parent / "data" / "diagrams").by_id("cuti").sop
    text = render_mermaid(sop, labels("id"))
    blocks = dict(re.findall(r"subgraph (lane\d)(.*?)\n  end", text, flags=re.S))
    assert "end3([" in blocks["lane1"], "the end of step 3 stands in the deciding lane"
    assert 's3 -->|"Tidak"| end3' in text
    assert "end3 ~~~ s4" in text, "the next step is held a row below the end"
    assert text.index('s3 -->|"Tidak"|') < text.index('s3 -->|"Ya"|')


def test_a_role_that_never_acts_keeps_its_declared_lane() -> None:
    sop = load_library(Path(__file__).parent / "data" / "diagrams").by_id("cuti").sop
    text = render_mermaid(sop, labels("id"))
    lanes = re.findall(r'subgraph lane(\d)\["<b>([^"]*)</b>"\]', text)
    assert lanes[-1] == ("4", "Lurah")
    assert re.search(r"subgraph lane4.*\n    idle4\[", text)
    assert "style idle4 fill:none,stroke:none" in text


def test_label_width_fills_the_lanes_and_big_charts_scroll() -> None:
    from generator.render.mermaid import sizing

    assert sizing(4) == (185, True)
    assert sizing(5)[1] and not sizing(6)[1] and sizing(40) == (160, False)


def _in_turn(does: dict[str, str] | None, last: bool = False) -> Sop:
    """Three roles; step 2 is done by b and a (declared in that order when ``does``)."""
    step: dict[str, object] = {"action": "Memaraf dan menandatangani surat",
                               "actors": ["a", "b"], "standard": {"time": 1}}
    if does is not None:
        step["does"] = does
    steps = [{"action": "x", "actors": "c", "standard": {"time": 1}}, step]
    if not last:
        steps.append({"action": "z", "actors": "c", "standard": {"time": 1}})
    return Sop.model_validate({
        "title": "T", "organization": "O", "kind": "rutin",
        "roles": [{"id": r, "name": r.upper()} for r in "abc"], "steps": steps})


def test_roles_acting_in_turn_are_chained_in_the_order_does_names_them() -> None:
    text = render_mermaid(_in_turn({"b": "paraf", "a": "tanda tangan"}), labels("id"))
    assert 's2_1["2. paraf"]' in text and 's2_0["2. tanda tangan"]' in text
    assert "s1 --> s2_1" in text and "s2_1 --> s2_0" in text and "s2_0 --> s3" in text
    assert "s1 --> s2_0" not in text and "s2_1 --> s3" not in text, "enter first, leave last"


def test_a_role_does_leaves_out_acts_after_the_named_ones_with_the_action() -> None:
    text = render_mermaid(_in_turn({"b": "paraf"}), labels("id"))
    assert 's2_0["2. Memaraf dan menandatangani surat"]' in text
    assert "s2_1 --> s2_0" in text


def test_a_chain_ending_the_procedure_ends_in_a_capsule_only_at_its_last_box() -> None:
    text = render_mermaid(_in_turn({"b": "paraf", "a": "tanda tangan"}, last=True),
                          labels("id"))
    assert 's2_1["2. paraf"]' in text and 's2_0(["2. tanda tangan"])' in text


def test_roles_acting_together_keep_parallel_boxes() -> None:
    text = render_mermaid(_in_turn(None), labels("id"))
    assert text.count('["2. Memaraf dan menandatangani surat"]') == 2
    assert {"s1 --> s2_0", "s1 --> s2_1", "s2_0 --> s3", "s2_1 --> s3"} <= set(
        line.strip() for line in text.splitlines())
    assert "s2_0 --> s2_1" not in text and "s2_1 --> s2_0" not in text


def test_a_same_lane_arrow_is_written_after_the_cross_lane_ones() -> None:
    """Written first, the straight arrow took the port the others needed (test_browser_
    swimlane: an arrow then started under a lane header)."""
    sop = Sop.model_validate({
        "title": "T", "organization": "O", "kind": "rutin",
        "roles": [{"id": r, "name": r.upper()} for r in "abc"],
        "steps": [{"action": "x", "actors": "c", "standard": {"time": 1}},
                  {"action": "y", "actors": ["a", "b", "c"], "standard": {"time": 1}},
                  {"action": "z", "actors": "c", "standard": {"time": 1}}]})
    lines = [line.strip() for line in render_mermaid(sop, labels("id")).splitlines()]
    assert [line for line in lines if line.startswith("s1 --> ")] == [
        "s1 --> s2_1", "s1 --> s2_0", "s1 --> s2_2"], "nearest first, same lane last"
