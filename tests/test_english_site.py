"""An English build is English throughout: the nav included (roles folder, guide title)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.render.locale import labels
from helpers.browser import open_page
from helpers.html import nav_titles, requoted
from helpers.site import build_project, make_project, serve


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("english"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: id", "language: en"),
                      encoding="utf-8")
    return build_project(project)


def _nav_titles(page: Path) -> list[str]:
    return nav_titles(page.read_text(encoding="utf-8"))


def test_the_nav_is_english(english_site: Path) -> None:
    titles = _nav_titles(english_site / "index.html")
    assert "Roles" in titles and "Peran" not in titles
    assert "Panduan Penulis SOP" not in titles
    assert any(title.startswith("SOP authoring guide") for title in titles)


@pytest.mark.parametrize("word", ["Peran", "Untuk dicetak", "menit", "Langkah", "Kembali",
                                  "Pencarian", "halaman", "Tanggal", "Nomor SOP"])
def test_no_indonesian_label_on_any_generated_page(english_site: Path, word: str) -> None:
    pages = [p for p in english_site.rglob("*.html") if "authoring" not in p.parts]
    assert [str(p.relative_to(english_site)) for p in pages
            if word in p.read_text(encoding="utf-8")] == []


@pytest.mark.browser
def test_the_date_of_printing_is_written_in_english(browser: Any, english_site: Path) -> None:
    """control.js takes the month names of the control block's language (lang="en")."""
    form = "disdukcapil/pengukuran-kinerja.monitoring/"
    assert '<div class="sopgen-control" lang="en">' in requoted(
        (english_site / form / "index.html").read_text(encoding="utf-8"))
    with serve(english_site) as url:
        page, log = open_page(browser, url + form)
        printed = page.locator("[data-sopgen-printed]").inner_text()
        style = page.evaluate(
            "() => document.querySelector('style[data-sopgen-control]').textContent")
        page.context.close()
    date = re.fullmatch(r"\d{1,2} (\w+) \d{4}", printed)
    assert date is not None and date.group(1) in labels("en")["months"].split(","), printed
    assert json.dumps(printed) in style, "the margin line has the same date"
    assert log.page_errors == [] and log.console_errors == []
