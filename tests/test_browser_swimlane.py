"""The swimlane as drawn by Mermaid at 1366x900: the seed's height and text size, an end
right after its decision in the deciding lane, declared lane order with an idle role,
roles acting in turn drawn as a chain, and the drawing rules (helpers/swimlane_rules) on
every SOP of the diagram corpus (decisions ending the procedure and looping back, roles
deciding together, role names with dots, steps without time) and the test corpus.

Any violation fails: the shipped swimlane.js (which wraps mermaid.render) moves the
Ya/Tidak labels to their exits (Mermaid put 20 of them mid-arrow, 41-376 px away), arrows
off lane sides (11 ran along one) and redraws an arrow that crossed its own diamond (1).
Without the script these counts come back, so the test shows it runs and works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.check.library import load_library
from generator.render.mermaid import step_node_ids
from generator.source.model import Sop
from helpers.browser import MEASURE, open_page
from helpers.site import build_project, make_project, serve
from helpers.swimlane_read import COLLECT, drawing
from helpers.swimlane_rules import RULES, violations

pytestmark = pytest.mark.browser
DIAGRAMS = Path(__file__).parent / "data" / "diagrams"
CORPUS = Path(__file__).parent / "data" / "corpus"
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


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(make_project(tmp_path_factory.mktemp("corpus"), CORPUS))
    with serve(site) as url:
        yield url


def _deciders(sop: Sop) -> dict[str, frozenset[str]]:
    """Per diamond, the names of the roles taking the decision (from the source)."""
    names = {role.id: role.name for role in sop.roles}
    return {node: frozenset(names[actor] for actor in step.actors)
            for index, step in enumerate(sop.steps) if step.decision is not None
            for node in step_node_ids(sop, index)}


def test_every_swimlane_keeps_the_drawing_rules(browser: Any, diagrams_url: str,
                                                corpus_url: str) -> None:
    found: dict[str, list[str]] = {rule: [] for rule in RULES}
    for folder, url in ((DIAGRAMS, diagrams_url), (CORPUS, corpus_url)):
        library = load_library(folder)
        for entry in library.entries:
            page, log = open_page(browser, f"{url}{entry.unit_id}/{entry.id}/", SCREEN)
            page.wait_for_function(f"({MEASURE})() !== null", timeout=30_000)
            measured = page.evaluate(f"({COLLECT})()")
            page.context.close()
            assert log.page_errors == []
            assert measured["edges"] and measured["nodes"], entry.id
            for rule, where in violations(drawing(measured, _deciders(entry.sop))).items():
                found[rule] += [f"{entry.id}: {w}" for w in where]
    broken = {rule: where for rule, where in found.items() if where}
    assert broken == {}, "\n".join(f"{rule} ({len(where)}): {w}" for rule, where
                                    in broken.items() for w in where)


def test_roles_acting_in_turn_are_drawn_one_after_the_other(browser: Any,
                                                            diagrams_url: str) -> None:
    """Cuti step 6: the Sekretaris Kecamatan initials (paraf), then the Camat signs."""
    page, _ = open_page(browser, diagrams_url + "umum/cuti/", SCREEN)
    page.wait_for_function(f"({MEASURE})() !== null", timeout=30_000)
    measured = page.evaluate(f"({COLLECT})()")
    texts = page.evaluate("""() => Object.fromEntries([...document.querySelector('.mermaid')
      .shadowRoot.querySelectorAll('g.node')].map((g) => [g.id, g.textContent.trim()]))""")
    page.context.close()
    seen = drawing(measured, {})
    pairs = {(e.source, e.target) for e in seen.edges}
    assert ("s6_2", "s6_3") in pairs and ("s5", "s6_2") in pairs
    assert not {p for p in pairs if p[1] == "s6_3" and p[0] != "s6_2"}, "enters the first"
    assert not {p for p in pairs if p[0] == "s6_2" and p[1] != "s6_3"}, "leaves the last"
    paraf, sign = seen.nodes["s6_2"].box, seen.nodes["s6_3"].box
    assert paraf.cy < sign.cy and paraf.cx < sign.cx, "paraf above and left of the signing"
    by_node = {key.split("-flowchart-")[1].rsplit("-", 1)[0]: text
               for key, text in texts.items() if "-flowchart-" in key}
    assert by_node["s6_2"] == "6. paraf" and by_node["s6_3"] == "6. tanda tangan"
