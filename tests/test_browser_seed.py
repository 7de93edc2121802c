"""The seed page in real headless chromium: swimlanes that look like lanes, fully offline."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from generator.check.library import load_library
from generator.render.mermaid import step_node_ids
from helpers.browser import MEASURE, open_page
from helpers.site import REPO

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def drawn(browser: Any, seed_url: str) -> dict[str, Any]:
    page, log = open_page(browser, seed_url + "disdukcapil/pengukuran-kinerja/")
    page.wait_for_function(f"({MEASURE})() !== null", timeout=20_000)
    result: dict[str, Any] = page.evaluate(f"({MEASURE})()")
    result["log"] = log
    page.screenshot(path=str(REPO / ".pytest_cache" / "seed-page.png"), full_page=True)
    page.context.close()
    return result


def test_no_request_left_the_machine_and_no_error(drawn: dict[str, Any]) -> None:
    log = drawn["log"]
    assert log.external_requests == []
    assert log.page_errors == [] and log.console_errors == []
    assert not drawn["error"]


def test_one_lane_per_role_in_order_parallel_and_equal(drawn: dict[str, Any]) -> None:
    lanes = sorted(drawn["lanes"], key=lambda lane: lane["box"]["x"])
    assert [lane["label"] for lane in lanes] == ["Kepala Dinas", "Sekretaris",
                                                 "Sek. Tim Sakip", "Anggota Sakip"]
    tops = {round(lane["box"]["y"]) for lane in lanes}
    heights = {round(lane["box"]["h"]) for lane in lanes}
    assert len(tops) == 1 and len(heights) == 1
    for left, right in pairwise(lanes):
        assert left["box"]["x"] + left["box"]["w"] <= right["box"]["x"] + 1.5
    assert lanes[0]["box"]["h"] > 3 * lanes[0]["box"]["w"]  # vertical lanes


def test_each_step_in_its_lanes_and_in_order_top_to_bottom(drawn: dict[str, Any]) -> None:
    sop = load_library(REPO / "sop").by_id("pengukuran-kinerja").sop
    lanes = {lane["label"]: lane["box"] for lane in drawn["lanes"]}
    names = {role.id: role.name for role in sop.roles}
    previous_bottom_centre = -1.0
    for index, step in enumerate(sop.steps):
        ids = step_node_ids(sop, index)
        boxes = [drawn["nodes"][node_id] for node_id in ids]
        for box, actor in zip(boxes, sorted(step.actors, key=list(names).index), strict=True):
            lane = lanes[names[actor]]
            assert lane["x"] <= box["x"] and box["x"] + box["w"] <= lane["x"] + lane["w"], ids
            assert lane["y"] <= box["y"] and box["y"] + box["h"] <= lane["y"] + lane["h"], ids
        centres = [box["y"] + box["h"] / 2 for box in boxes]
        assert min(centres) > previous_bottom_centre, f"step {index + 1} is above step {index}"
        previous_bottom_centre = max(centres)


def test_readable_at_page_width(drawn: dict[str, Any]) -> None:
    assert drawn["svg"]["w"] <= 1280
    smallest = min(box["w"] for box in drawn["nodes"].values())
    assert smallest > 60
