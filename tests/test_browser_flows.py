"""Decisions in the swimlane diagram: diamonds, Ya/Tidak edges, loop back kept in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.check.library import load_library
from generator.render.mermaid import step_node_ids
from helpers.browser import MEASURE, open_page
from helpers.site import build_project, make_project, serve

pytestmark = pytest.mark.browser
FLOWS = Path(__file__).parent / "data" / "flows"


@pytest.fixture(scope="module")
def flows_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(make_project(tmp_path_factory.mktemp("flows"), FLOWS))
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def drawn(browser: Any, flows_url: str) -> dict[str, Any]:
    page, log = open_page(browser, flows_url + "layanan/legalisasi/")
    page.wait_for_function(f"({MEASURE})() !== null", timeout=20_000)
    result: dict[str, Any] = page.evaluate(f"({MEASURE})()")
    result["edge_labels"] = page.evaluate("""() => [...document.querySelector('.mermaid')
        .shadowRoot.querySelectorAll('.edgeLabel')].map(e => e.textContent.trim())
        .filter(t => t)""")
    result["shapes"] = page.evaluate("""() => Object.fromEntries([...document
        .querySelector('.mermaid').shadowRoot.querySelectorAll('g.node')].map(g =>
        [g.id.replace(/^.*-flowchart-(.+)-\\d+$/, '$1'),
         g.querySelector('polygon') ? 'polygon' : 'other']))""")
    result["log"] = log
    page.context.close()
    return result


def test_decision_diagram_renders_offline_without_errors(drawn: dict[str, Any]) -> None:
    assert drawn["log"].external_requests == [] and drawn["log"].page_errors == []
    assert not drawn["error"]
    assert sorted(drawn["edge_labels"]) == ["Tidak", "Tidak", "Ya", "Ya"]


def test_decisions_are_diamonds(drawn: dict[str, Any]) -> None:
    assert drawn["shapes"]["s3"] == "polygon" and drawn["shapes"]["s5"] == "polygon"
    assert drawn["shapes"]["s4"] == "other"


def test_steps_stay_in_order_despite_the_loop_back(drawn: dict[str, Any]) -> None:
    sop = load_library(FLOWS).by_id("legalisasi").sop
    previous = -1.0
    for index in range(len(sop.steps)):
        centres = [drawn["nodes"][n]["y"] + drawn["nodes"][n]["h"] / 2
                   for n in step_node_ids(sop, index)]
        assert min(centres) > previous, f"step {index + 1} drawn above step {index}"
        previous = max(centres)
    back = [box for node, box in drawn["nodes"].items() if node.startswith("back")]
    assert len(back) == 1 and back[0]["y"] > drawn["nodes"]["s5"]["y"]


def test_related_sop_is_a_link_and_time_totals_keep_days_apart(
        browser: Any, flows_url: str) -> None:
    page, _ = open_page(browser, flows_url + "layanan/legalisasi/")
    link = page.get_by_role("link", name="Pelayanan Pengaduan").first
    assert link.get_attribute("href") == "../pengaduan/"
    total = page.locator("table.sopgen-identity td.sopgen-total").inner_text()
    assert total == "1 hari kerja + 165 menit (2 jam 45 menit)"
    page.context.close()
