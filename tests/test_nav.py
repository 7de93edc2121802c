"""The MkDocs nav: units right after home, named after the unit; printables out of the nav.

Built with MkDocs' own objects: files as MkDocs lists them, the nav as MkDocs makes it
from the folders (no ``nav:`` in the config, as in the seed site)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from generator.mkdocs.nav import arrange_units, keep_printables_out_of_nav


def _config(tmp_path: Path, yaml: str = "") -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    return load_config(config_file=io.StringIO(f"site_name: Uji\n{yaml}"),
                       docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))


def _files(config: MkDocsConfig, paths: list[str]) -> Files:
    return Files([File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
                  for path in paths])


def _nav(tmp_path: Path, paths: list[str], yaml: str = "") -> tuple[Navigation, Files]:
    config = _config(tmp_path, yaml)
    files = _files(config, paths)
    return get_navigation(files, config), files


def _outline(items: list[Any]) -> list[Any]:
    """The nav as plain data: a page by its source path, a section as (title, children)."""
    return [(item.title, _outline(item.children)) if isinstance(item, Section)
            else item.file.src_uri for item in items]


def _nav_pages(nav: Navigation) -> list[str]:
    return [page.file.src_uri for page in nav.pages]


def test_units_come_right_after_home_and_take_the_unit_name(tmp_path: Path) -> None:
    # MkDocs' own order: pages of the top folder first, then the folders by name.
    nav, _ = _nav(tmp_path, [
        "index.md", "panduan.md", "perlu-ditinjau.md", "alfa/index.md", "alfa/a.md",
        "peran/index.md", "peran/kepala.md", "zeta/index.md", "zeta/b.md"])
    assert _outline(nav.items) == [
        "index.md", "panduan.md", "perlu-ditinjau.md",
        ("Alfa", ["alfa/index.md", "alfa/a.md"]),
        ("Peran", ["peran/index.md", "peran/kepala.md"]),
        ("Zeta", ["zeta/index.md", "zeta/b.md"])]
    arrange_units(nav.items, {"alfa/index.md": "Dinas Alfa", "zeta/index.md": "Dinas Zeta"})
    assert _outline(nav.items) == [
        "index.md",
        ("Dinas Alfa", ["alfa/index.md", "alfa/a.md"]),
        ("Dinas Zeta", ["zeta/index.md", "zeta/b.md"]),
        "panduan.md", "perlu-ditinjau.md",
        ("Peran", ["peran/index.md", "peran/kepala.md"])]


NAV = """\
nav:
  - Panduan: panduan.md
  - Peran: [peran/index.md]
  - Zeta: [zeta/index.md, zeta/b.md]
  - Beranda: index.md
  - Alfa: [alfa/index.md]
"""


def test_with_a_written_nav_home_and_units_move_and_the_rest_keeps_its_order(
        tmp_path: Path) -> None:
    nav, _ = _nav(tmp_path, ["index.md", "panduan.md", "alfa/index.md", "peran/index.md",
                             "zeta/index.md", "zeta/b.md"], NAV)
    arrange_units(nav.items, {"alfa/index.md": "Dinas Alfa", "zeta/index.md": "Dinas Zeta"})
    assert _outline(nav.items) == [
        "index.md",
        ("Dinas Zeta", ["zeta/index.md", "zeta/b.md"]),
        ("Dinas Alfa", ["alfa/index.md"]),
        "panduan.md", ("Peran", ["peran/index.md"])]


def test_a_folder_that_is_no_unit_keeps_its_name_and_place(tmp_path: Path) -> None:
    nav, _ = _nav(tmp_path, ["index.md", "panduan/index.md", "panduan/mulai.md",
                             "dinas/index.md", "dinas/a.md"])
    arrange_units(nav.items, {"dinas/index.md": "Dinas &amp; Unit"})
    assert _outline(nav.items) == [
        "index.md", ("Dinas &amp; Unit", ["dinas/index.md", "dinas/a.md"]),
        ("Panduan", ["panduan/index.md", "panduan/mulai.md"])]


def test_a_unit_inside_a_unit_is_named_too(tmp_path: Path) -> None:
    nav, _ = _nav(tmp_path, ["index.md", "dinas/index.md", "dinas/a.md",
                             "dinas/bidang/index.md", "dinas/bidang/b.md"])
    arrange_units(nav.items, {"dinas/index.md": "Dinas Contoh",
                              "dinas/bidang/index.md": "Bidang Pelayanan"})
    assert _outline(nav.items) == [
        "index.md",
        ("Dinas Contoh", ["dinas/index.md", "dinas/a.md",
                          ("Bidang Pelayanan", ["dinas/bidang/index.md", "dinas/bidang/b.md"])])]


def test_without_units_only_home_moves(tmp_path: Path) -> None:
    nav, _ = _nav(tmp_path, ["index.md", "panduan.md", "peran/index.md"],
                  "nav: [panduan.md, index.md, {Peran: [peran/index.md]}]\n")
    assert _outline(nav.items) == ["panduan.md", "index.md", ("Peran", ["peran/index.md"])]
    arrange_units(nav.items, {})
    assert _outline(nav.items) == ["index.md", "panduan.md", ("Peran", ["peran/index.md"])]


def test_a_section_is_a_unit_by_its_index_page_not_by_its_title(tmp_path: Path) -> None:
    """Only the unit page itself marks a unit: a page whose title happens to be a unit's
    name, or a section holding another page, does not."""
    config = _config(tmp_path)
    files = _files(config, ["index.md", "lain/x.md", "dinas/index.md"])
    home, other, unit = (Page(None, file, config) for file in files)
    items: list[Any] = [Section("Lain", [other]), Section("Dinas", [unit]), home]
    arrange_units(items, {"dinas/index.md": "Lain"})
    assert _outline(items) == ["index.md", ("Lain", ["dinas/index.md"]),
                               ("Lain", ["lain/x.md"])]
    assert items[1].children == [unit] and items[2].children == [other]


SOP_PAGES = ["index.md", "dinas/index.md", "dinas/a.md", "dinas/a.checklist.md",
             "dinas/a.cards.md", "dinas/a.resmi.md", "peran/index.md"]


def test_printables_and_official_documents_are_built_but_not_in_the_nav(
        tmp_path: Path) -> None:
    config = _config(tmp_path)
    files = _files(config, [*SOP_PAGES, "panduan/checklist.md", "panduan/resmi.md",
                            "panduan/kartu.cards.txt"])
    keep_printables_out_of_nav(files)
    hidden = {file.src_uri for file in files if file.inclusion is InclusionLevel.NOT_IN_NAV}
    assert hidden == {"dinas/a.checklist.md", "dinas/a.cards.md", "dinas/a.resmi.md"}
    untouched = {file.src_uri for file in files if file.inclusion is InclusionLevel.UNDEFINED}
    assert untouched == {file.src_uri for file in files} - hidden
    # Still pages of the site (built and linked from the SOP page), only not in the nav.
    assert {f.src_uri for f in files.documentation_pages()} >= hidden
    nav = get_navigation(files, config)
    assert _nav_pages(nav) == ["index.md", "dinas/index.md", "dinas/a.md",
                               "panduan/checklist.md", "panduan/resmi.md", "peran/index.md"]


def test_without_the_hook_mkdocs_would_list_every_printable(tmp_path: Path) -> None:
    """The reference for the test above: MkDocs by itself puts them all in the nav."""
    nav, _ = _nav(tmp_path, SOP_PAGES)
    assert sorted(_nav_pages(nav)) == sorted(SOP_PAGES)
