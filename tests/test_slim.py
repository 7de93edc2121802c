"""Built pages in fewer bytes (generator.mkdocs.slim): the theme's idle scripts and the
nav's ellipsis wrappers go, and only where they have nothing to do."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from generator.mkdocs.slim import Finishing, finishing, plain_nav_links, slim_page
from helpers.site import build_project, make_project

TABBED = ('<script>var target=document.getElementById(location.hash.slice(1));target&&'
          'target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>\n')
PALETTE = '<script>var palette=__md_get("__palette");if(palette&&palette.color){}</script>\n'


def _config(extensions: list[str], palette: Any = None, mermaid2: bool = False) -> Any:
    plugins = {"mermaid2": object()} if mermaid2 else {}
    return SimpleNamespace(markdown_extensions=extensions, theme={"palette": palette},
                           plugins=plugins)


def test_idle_scripts_go_only_where_they_have_nothing_to_do() -> None:
    page = "<body>\n" + PALETTE + "<p>x</p>\n" + TABBED + "</body>"
    plain = slim_page(page, finishing(_config(["toc"])))
    assert "palette" not in plain and "__tabbed_" not in plain and "<p>x</p>" in plain
    tabs = slim_page(page, finishing(_config(["pymdownx.tabbed"], palette=[{"scheme": "x"}])))
    assert "__tabbed_" in tabs and '__md_get("__palette")' in tabs
    assert slim_page(page, Finishing()).count("<script>") == 2  # nothing idle: all kept
    assert finishing(_config([], mermaid2=True)).mermaid_by_plugin


def test_plain_nav_links_keep_their_title_and_other_wrappers() -> None:
    nav = ('<a href=../a/ class=md-nav__link>\n<span class=md-ellipsis>\nA &amp; B\n</span>\n'
           '</a>\n<a href=../b/ class="md-nav__link md-nav__link--active">\n<span class='
           'md-ellipsis>\nB\n</span>\n</a>\n<div class=md-header__topic>\n<span class='
           'md-ellipsis>\nSite\n</span>')
    assert plain_nav_links(nav) == (
        '<a href=../a/ class=md-nav__link>\nA &amp; B\n</a>\n<a href=../b/ class="md-nav__link '
        'md-nav__link--active">\n<span class=md-ellipsis>\nB\n</span>\n</a>\n<div class='
        'md-header__topic>\n<span class=md-ellipsis>\nSite\n</span>')


def test_the_seed_site_has_no_idle_scripts(seed_site: Path) -> None:
    for page in seed_site.rglob("index.html"):  # every page (404.html is a theme template)
        text = page.read_text(encoding="utf-8")
        assert "__tabbed_" not in text and '__md_get("__palette")' not in text, page
    sop = (seed_site / "disdukcapil/pengukuran-kinerja/index.html").read_text(encoding="utf-8")
    assert "class=md-nav__link>\nPengukuran Kinerja\n</a>" not in sop  # the page's own: label
    assert "class=md-nav__link>\nPanduan Penulis SOP\n</a>" in sop


def test_a_site_with_content_tabs_keeps_the_tab_script(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.tabbed\n", 1)
    config_file.write_text(text, encoding="utf-8")
    assert "pymdownx.tabbed" in yaml.safe_load(text.replace("!!python/name:", ""))[
        "markdown_extensions"]
    site = build_project(project)
    assert "__tabbed_" in (site / "index.html").read_text(encoding="utf-8")
