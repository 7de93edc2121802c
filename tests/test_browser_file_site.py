"""The site for a shared folder or USB stick (mkdocs.offline.yml), opened from file:// in
Chromium with no web server: links open pages, search works, the diagram draws."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_browser_search import search

from helpers.browser import open_page
from helpers.html import requoted
from helpers.site import REPO, make_project

pytestmark = pytest.mark.browser
DIAGRAM_DRAWN = """() => { const h = document.querySelector('.mermaid');
  return !!(h && h.shadowRoot && h.shadowRoot.querySelector('svg g.node')); }"""


@pytest.fixture(scope="module")
def file_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("usb"))
    shutil.copy(REPO / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    config = load_config(str(project / "mkdocs.offline.yml"), strict=True)
    build(config)
    return Path(config.site_dir)


def test_pages_are_files_and_search_is_inside_the_site(file_site: Path) -> None:
    assert (file_site / "disdukcapil/pengukuran-kinerja.html").is_file()
    assert (file_site / "search/search_index.js").is_file()
    home = requoted((file_site / "index.html").read_text(encoding="utf-8"))
    assert 'href="disdukcapil/pengukuran-kinerja.html"' in home


def test_from_file_url_click_to_the_sop_search_and_see_the_diagram(browser: Any,
                                                                   file_site: Path) -> None:
    page, log = open_page(browser, (file_site / "index.html").as_uri())
    page.locator("article a", has_text="Pengukuran Kinerja").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/disdukcapil/pengukuran-kinerja.html")
    page.wait_for_function(DIAGRAM_DRAWN, timeout=15_000)
    page.locator("article a", has_text="Daftar Periksa").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/disdukcapil/pengukuran-kinerja.checklist.html")
    page.go_back()
    assert "Pengukuran Kinerja" in search(page, "kinerja")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("/disdukcapil/pengukuran-kinerja.html")
    page.wait_for_function(DIAGRAM_DRAWN, timeout=15_000)
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()
