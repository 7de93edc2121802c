"""An English build is English throughout: the nav included (roles folder, guide title)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.html import requoted
from helpers.site import build_project, make_project


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("english"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: id", "language: en"),
                      encoding="utf-8")
    return build_project(project)


def _nav_titles(page: Path) -> list[str]:
    text = requoted(page.read_text(encoding="utf-8"))
    return [" ".join(m.split()) for m in
            re.findall(r'<span class="md-ellipsis">(.*?)</span>', text, re.S)]


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
