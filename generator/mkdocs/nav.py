"""The site navigation, MkDocs side: units first and named after the unit, not the folder;
printables and official documents reached from their SOP page rather than the nav."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from generator.render.paths import is_out_of_nav


def arrange_units(items: list[Any], unit_titles: dict[str, str],
                  other_titles: dict[str, str] | None = None) -> None:
    """Name each unit's section after its unit and put the units right after home; other
    sections (the roles' folder) take the title given for their index page (the site's
    language, not the folder's name)."""
    _title_sections(items, {**(other_titles or {}), **unit_titles})
    items.sort(key=lambda item: _nav_rank(item, unit_titles))


def _nav_rank(item: Any, unit_titles: dict[str, str]) -> int:
    """Home first, then the units, then everything else (roles, reviews, guides)."""
    if isinstance(item, Page) and item.file.src_uri == "index.md":
        return 0
    if isinstance(item, Section) and any(isinstance(c, Page) and c.file.src_uri in unit_titles
                                         for c in item.children):
        return 1
    return 2


def _title_sections(items: list[Any], titles: dict[str, str]) -> None:
    for item in items:
        if isinstance(item, Section):
            index = next((c for c in item.children if isinstance(c, Page)
                          and c.file.src_uri in titles), None)
            if index is not None:
                item.title = titles[index.file.src_uri]
            _title_sections(item.children, titles)


def keep_printables_out_of_nav(files: Files) -> None:
    """Checklists and cards are reached from their SOP page; in the nav they would triple
    every SOP's entry. They are still built, and linked from the SOP page."""
    for file in files:
        if is_out_of_nav(file.src_uri):
            file.inclusion = InclusionLevel.NOT_IN_NAV
