"""Every page kind read on a phone (390x844) and a desktop (1366x900): the page is never
wider than the screen, the checklist is tickable on a phone, the swimlane stays readable."""

from __future__ import annotations

import re
from typing import Any

import pytest

from helpers.browser import open_page
from helpers.pages import DESKTOP, PHONE, SEED_PAGES, VIEWPORTS

pytestmark = pytest.mark.browser
DIAGRAM_DRAWN = """() => { const h = document.querySelector('.mermaid');
  return !!(h && h.shadowRoot && h.shadowRoot.querySelector('svg')); }"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", SEED_PAGES)
def test_page_is_as_wide_as_the_screen(browser: Any, seed_url: str, kind: str,
                                       viewport: str) -> None:
    size = VIEWPORTS[viewport]
    page, log = open_page(browser, f"{seed_url}/{SEED_PAGES[kind]}", size)
    if kind == "sop":
        page.wait_for_function(DIAGRAM_DRAWN, timeout=15_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width == size["width"], f"{kind} at {viewport}: {width} px wide"
    assert log.page_errors == [] and log.external_requests == []
    page.context.close()


def test_checklist_on_a_phone_has_the_tick_box_first_and_in_view(browser: Any,
                                                                 seed_url: str) -> None:
    page, _ = open_page(browser, f"{seed_url}/{SEED_PAGES['checklist']}", PHONE)
    boxes = page.get_by_role("checkbox", name=re.compile(r"^Langkah \d+: Selesai$"))
    assert boxes.count() == 14
    for index in (0, 6, 13):
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        rect = box.bounding_box()
        row = page.locator(".sopgen-checklist-table tbody tr").nth(index)
        action = row.locator("td:nth-child(2)").bounding_box()
        assert rect is not None and action is not None
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= PHONE["width"]
        assert rect["x"] < action["x"], "the tick box comes before the step"
        assert rect["width"] >= 24, "big enough for a thumb"
        box.click()
        assert box.is_checked()
    assert page.locator("[data-sopgen-progress-count]").inner_text().startswith("3 / 14")
    page.context.close()


def test_checklist_is_usable_by_keyboard(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, f"{seed_url}/{SEED_PAGES['checklist']}", DESKTOP)
    first = page.get_by_role("checkbox", name="Langkah 1: Selesai", exact=True)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.sopgen-checklist-table input')"):
            break
    assert page.evaluate("document.activeElement.ariaLabel") == "Langkah 1: Selesai"
    page.keyboard.press("Space")
    assert first.is_checked()
    assert page.locator("[data-sopgen-progress-count]").inner_text().startswith("1 / 14")
    page.locator("[data-sopgen-reset]").focus()
    page.keyboard.press("Enter")
    assert not first.is_checked()
    page.context.close()


def test_swimlane_on_a_phone_is_readable_and_scrolls_in_its_frame(browser: Any,
                                                                  seed_url: str) -> None:
    page, _ = open_page(browser, f"{seed_url}/{SEED_PAGES['sop']}", PHONE)
    page.wait_for_function(DIAGRAM_DRAWN, timeout=15_000)
    sizes = page.evaluate("""() => {
      const frame = document.querySelector('.sopgen-diagram-scroll');
      const svg = document.querySelector('.mermaid').shadowRoot.querySelector('svg');
      const label = svg.querySelector('.nodeLabel');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return {scale, text: parseFloat(getComputedStyle(label).fontSize) * scale,
              frame: frame.clientWidth, inner: frame.scrollWidth};
    }""")
    assert sizes["text"] >= 11, sizes
    assert sizes["inner"] > sizes["frame"], "the diagram scrolls inside its frame"
    page.context.close()


def test_minutes_per_role_fit_on_a_phone(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, f"{seed_url}/{SEED_PAGES['sop']}", PHONE)
    rows = page.locator(".sopgen-bars > div").all()  # a role's name, its track, its time
    assert rows
    for row in rows:
        for part in (":scope > :nth-child(2)", ":scope > :last-child"):
            rect = row.locator(part).bounding_box()
            assert rect is not None and rect["x"] + rect["width"] <= PHONE["width"]
        track = row.locator(":scope > :nth-child(2)").bounding_box()
        assert track is not None and track["width"] >= 100, "a bar, not a tick"
    page.context.close()
