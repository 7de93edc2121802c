"""Search works offline in the browser: Indonesian words find the seed SOP."""

from __future__ import annotations

from typing import Any

import pytest

from helpers.browser import open_page

pytestmark = pytest.mark.browser
META_CHANGED = """(before) => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() !== before;
}"""


def search(page: Any, query: str) -> str:
    """Type ``query`` like a person; retry while the search index is still loading."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    field = page.locator("input.md-search__input")
    before = page.locator(".md-search-result__meta").inner_text().strip()
    for _ in range(4):
        field.fill("")
        field.press_sequentially(query, delay=20)
        try:
            page.wait_for_function(META_CHANGED, arg=before, timeout=5_000)
            break
        except Exception:
            continue
    page.wait_for_timeout(300)
    return " ".join(page.locator(".md-search-result__item").all_inner_texts())


@pytest.mark.parametrize("query", ["kinerja", "pengukuran", "Sakip", "penggandaan"])
def test_search_finds_the_seed(browser: Any, seed_url: str, query: str) -> None:
    page, log = open_page(browser, seed_url)
    assert "Pengukuran Kinerja" in search(page, query)
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()


def test_search_for_nonsense_finds_nothing(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, seed_url)
    assert search(page, "zzqxjv") == ""
    assert page.locator(".md-search-result__meta").inner_text().strip() != ""
    page.context.close()
