"""axe-core (shipped inside the PyPI package axe-playwright-python, injected into the page:
nothing is fetched) finds no serious or critical violation on any page kind, on a phone
and on a desktop. The theme's own markup is checked too: the two issues it had (an unnamed
search dialog, the footer's grey) are fixed by sopgen (mkdocs/content.py, sopgen.css)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers.browser import open_page
from helpers.pages import SEED_PAGES, VIEWPORTS

pytestmark = pytest.mark.browser
DIAGRAM_DRAWN = """() => { const h = document.querySelector('.mermaid');
  return !!(h && h.shadowRoot && h.shadowRoot.querySelector('svg')); }"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", SEED_PAGES)
def test_no_serious_violation(browser: Any, seed_url: str, axe: Axe, kind: str,
                              viewport: str) -> None:
    page, log = open_page(browser, f"{seed_url}/{SEED_PAGES[kind]}", VIEWPORTS[viewport])
    if kind == "sop":
        page.wait_for_function(DIAGRAM_DRAWN, timeout=15_000)
    if kind == "checklist":  # a ticked row is drawn differently: check it too
        page.get_by_role("checkbox", name="Langkah 1: Selesai").check()
    results = axe.run(page)
    serious = [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{kind} at {viewport}"
    assert log.external_requests == []
    page.context.close()
