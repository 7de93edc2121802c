"""The swimlane as drawn by Mermaid at 1366x900: the seed's height and text size, an end
right after its decision in the deciding lane, declared lane order with an idle role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers.browser import MEASURE, open_page
from helpers.site import build_project, make_project, serve

pytestmark = pytest.mark.browser
DIAGRAMS = Path(__file__).parent / "data" / "diagrams"
SCREEN = {"width": 1366, "height": 900}
TEXT_SIZE = """() => {
  const svg = document.querySelector('.mermaid').shadowRoot.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...[...svg.querySelectorAll('g.node .nodeLabel')].map(
    (el) => parseFloat(getComputedStyle(el).fontSize) * scale)); }"""


def _measure(browser: Any, url: str) -> tuple[dict[str, Any], float]:
    page, log = open_page(browser, url, SCREEN)
    page.wait_for_function(f"({MEASURE})() !== null", timeout=30_000)
    drawn: dict[str, Any] = page.evaluate(f"({MEASURE})()")
    size = float(page.evaluate(TEXT_SIZE))
    assert log.page_errors == [] and not drawn["error"]
    page.context.close()
    return drawn, size


@pytest.fixture(scope="module")
def diagrams_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(make_project(tmp_path_factory.mktemp("diagrams"), DIAGRAMS))
    with serve(site) as url:
        yield url


def test_seed_swimlane_is_dense_and_readable(browser: Any, seed_url: str) -> None:
    drawn, size = _measure(browser, seed_url + "disdukcapil/pengukuran-kinerja/")
    assert drawn["svg"]["h"] <= 1500, "was 2,563 px before the lanes were filled"
    assert size >= 12


def test_end_after_its_decision_in_the_deciding_lane(browser: Any, diagrams_url: str) -> None:
    drawn, size = _measure(browser, diagrams_url + "umum/cuti/")
    nodes = drawn["nodes"]
    lanes = sorted(drawn["lanes"], key=lambda lane: lane["box"]["x"])  # DOM order varies
    assert [lane["label"] for lane in lanes] == [
        "Pegawai", "Kasubbag. Umum", "Sekretaris Kecamatan", "Camat", "Lurah"]
    assert all(lane["box"]["w"] >= 60 for lane in lanes), "an idle lane keeps a width"
    diamond, end, onward = nodes["s3"], nodes["end3"], nodes["s4"]
    kasubbag = lanes[1]["box"]
    assert kasubbag["x"] <= end["x"] and end["x"] + end["w"] <= kasubbag["x"] + kasubbag["w"]
    assert diamond["y"] + diamond["h"] < end["y"] < onward["y"], "end right below, then on"
    assert size >= 12
