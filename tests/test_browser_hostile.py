"""Hostile text (tests/data/hostile) in real chromium: shown exactly, never run, never breaks.

Every field of the hostile SOP holds ``<script>``, quotes, ``|``, ``[]``, ``{}``, ``()``,
``#``, ``;``, backticks, ``*``, ``_``, ``-->``, ``%%``, emoji and other Unicode. Each page
that shows SOP text is opened with listeners on dialogs, console errors and page errors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.source.load import SopLoader
from helpers.browser import open_page
from helpers.site import build_project, make_project, serve

pytestmark = pytest.mark.browser
HOSTILE_DIR = Path(__file__).parent / "data" / "hostile"
PAGES = ["u/hostile/", "u/hostile.checklist/", "u/hostile.cards/", "u/hostile.resmi/", "",
         "u/", "peran/pertama/", "peran/"]
TEXTS = """(selector) => [...document.querySelectorAll(selector)].map((el) => el.textContent)"""
DIAGRAM_TEXTS = """(selector) => [...document.querySelectorAll('.mermaid')].flatMap((host) =>
  host.shadowRoot ? [...host.shadowRoot.querySelectorAll(selector)].map((el) => el.textContent)
                  : [])"""


def hostile() -> str:
    import yaml

    text = (HOSTILE_DIR / "u" / "hostile.yaml").read_text(encoding="utf-8")
    title: str = yaml.load(text, Loader=SopLoader)["title"]
    return title


def compact(text: str) -> str:
    """Text without any white space: wrapping in tables and SVG may break lines anywhere."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_project(make_project(tmp_path_factory.mktemp("hostile"), HOSTILE_DIR))
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def seen(browser: Any, hostile_url: str) -> dict[str, dict[str, Any]]:
    """Per page: the log, and the texts of the places SOP text lands."""
    result = {}
    for path in PAGES:
        page, log = open_page(browser, hostile_url + path)
        page.wait_for_load_state("networkidle")
        if page.locator(".mermaid").count():
            page.wait_for_function(f"({DIAGRAM_TEXTS})('svg').length > 0", timeout=20_000)
        places = {name: page.evaluate(f"({DIAGRAM_TEXTS})({json.dumps(selector)})")
                  for name, selector in {"mermaid": ".nodeLabel, .cluster-label",
                                         "mermaid_errors": ".error-icon, .error-text"}.items()}
        places |= {name: page.evaluate(f"({TEXTS})({json.dumps(selector)})") for name, selector
                   in {"h1": "h1", "identity": "table.sopgen-identity td",
                      "steps": "table.sopgen-steps td",
                      "official": "svg.sopgen-official-svg text",
                      "checklist": ".sopgen-checklist-table tbody tr", "cards": ".sopgen-card",
                      "scripts": "script:not([src])", "nav": ".md-nav__link"}.items()}
        page.wait_for_timeout(300)
        result[path] = {"log": log, **places}
        page.context.close()
    return result


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_and_nothing_errs(seen: dict[str, dict[str, Any]], path: str) -> None:
    log = seen[path]["log"]
    assert log.dialogs == [] and log.page_errors == [] and log.console_errors == []
    assert log.external_requests == []
    assert not any("alert(" in script for script in seen[path]["scripts"])
    assert seen[path]["mermaid_errors"] == []


def test_sop_page_shows_the_text_exactly(seen: dict[str, dict[str, Any]]) -> None:
    page, text = seen["u/hostile/"], compact(hostile())
    assert compact(page["h1"][0]).removesuffix("¶") == text
    # organisation, unit, title, the two responsible fields and the current revision
    # (the latest revision's number) are whole cells
    assert sum(compact(cell) == text for cell in page["identity"]) == 6
    assert any(compact(cell) == text for cell in page["steps"])


def test_diagram_labels_show_the_text_exactly(seen: dict[str, dict[str, Any]]) -> None:
    labels = [compact(label) for label in seen["u/hostile/"]["mermaid"]]
    assert f"1.{compact(hostile())}" in labels  # step 1's node
    assert compact('Peran <i>kedua</i> & "lain"') in labels  # a lane title


def test_official_flowchart_shows_the_text(seen: dict[str, dict[str, Any]]) -> None:
    svg_text = compact("".join(seen["u/hostile.resmi/"]["official"]))
    assert compact(hostile()) in svg_text
    assert seen["u/hostile/"]["official"] == [], "drawn once: on the official document"


def test_checklist_and_cards_show_the_text(seen: dict[str, dict[str, Any]]) -> None:
    rows = seen["u/hostile.checklist/"]["checklist"]
    assert len(rows) == 3 and compact(hostile()) in compact(rows[0])
    cards = seen["u/hostile.cards/"]["cards"]
    assert len(cards) == 3 and all(compact(hostile()) in compact(card) for card in cards)


def test_navigation_shows_role_and_unit_names_as_text(seen: dict[str, dict[str, Any]]) -> None:
    home_nav = {compact(link) for link in seen[""]["nav"]}
    assert compact(hostile()) in home_nav  # the unit's section
    roles_nav = {compact(link) for link in seen["peran/"]["nav"]}
    assert compact('Peran <i>kedua</i> & "lain"') in roles_nav
