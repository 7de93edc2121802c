"""The site navigation, MkDocs side: units first and named after the unit, not the folder;
printables and official documents reached from their SOP page rather than the nav."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from generator.check.library import Library
from generator.render.control import is_withdrawn
from generator.render.paths import (
    is_out_of_nav,
    organization_roles_path,
    sop_page_path,
    unit_page_path,
)


def nav_facts(library: Library) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """What the nav needs from the SOPs: titles of unit sections (by index page; on a site
    of several offices also each office's roles folder), titles of office folders, and the
    pages of withdrawn SOPs (kept out). Titles are HTML-escaped: the theme prints nav
    titles without escaping."""
    units = {unit_page_path(unit_id): str(escape(entries[0].unit_name))
             for unit_id, entries in library.units().items() if unit_id}
    if library.has_many_organizations:  # peran/<office>/: named after the office
        units.update({organization_roles_path(e.organization.slug): str(
            escape(e.organization.name)) for e in library.entries})
    offices = {folder: str(escape(name)) for folder, name in library.offices_by_folder().items()}
    withdrawn = frozenset(sop_page_path(e) for e in library.entries if is_withdrawn(e.sop))
    return units, offices, withdrawn


def arrange_units(items: list[Any], unit_titles: dict[str, str],
                  other_titles: dict[str, str] | None = None,
                  folder_titles: dict[str, str] | None = None) -> None:
    """Name each unit's section after its unit and put the units right after home; a
    folder that holds a whole office (``folder_titles``: its _organization.yaml) takes the
    office's name and stands with the units; other sections (the roles' folder) take the
    title given for their index page (the site's language, not the folder's name)."""
    folders = folder_titles or {}
    _title_sections(items, {**(other_titles or {}), **unit_titles}, folders, 0)
    items.sort(key=lambda item: _nav_rank(item, unit_titles, folders))


def _nav_rank(item: Any, unit_titles: dict[str, str], folders: dict[str, str]) -> int:
    """Home first, then the units and offices, then everything else (roles, guides)."""
    if isinstance(item, Page) and item.file.src_uri == "index.md":
        return 0
    if isinstance(item, Section) and (
            any(isinstance(c, Page) and c.file.src_uri in unit_titles for c in item.children)
            or _folder(item, 0) in folders):
        return 1
    return 2


def _folder(section: Section, depth: int) -> str | None:
    """The folder a section of MkDocs' folder navigation stands for: the first
    ``depth + 1`` parts of the path of any page under it."""
    page = next(_pages(section), None)
    parts = page.file.src_uri.split("/") if page is not None else []
    return "/".join(parts[:depth + 1]) if len(parts) > depth + 1 else None


def _pages(section: Section) -> Iterator[Page]:
    for child in section.children:
        if isinstance(child, Page):
            yield child
        elif isinstance(child, Section):
            yield from _pages(child)


def _title_sections(items: list[Any], titles: dict[str, str], folders: dict[str, str],
                    depth: int) -> None:
    for item in items:
        if isinstance(item, Section):
            index = next((c for c in item.children if isinstance(c, Page)
                          and c.file.src_uri in titles), None)
            if index is not None:
                item.title = titles[index.file.src_uri]
            elif (folder := _folder(item, depth)) in folders:
                item.title = folders[folder]
            _title_sections(item.children, titles, folders, depth + 1)


def keep_printables_out_of_nav(files: Files, withdrawn: frozenset[str] = frozenset()) -> None:
    """Checklists and cards are reached from their SOP page; in the nav they would triple
    every SOP's entry. They are still built, and linked from the SOP page. A withdrawn
    SOP's page stays (it names its replacement) but leaves the nav like every index."""
    for file in files:
        if is_out_of_nav(file.src_uri) or file.src_uri in withdrawn:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def replace_file(files: Files, file: File) -> None:
    """Add a generated file; it takes the place of a hand-written one at the same path."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
