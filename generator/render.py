"""Stage 4: turn a validated library into page texts (pure: nothing is read or written here).

The result maps a docs-relative path to Markdown. Any site engine that reads Markdown
(MkDocs today, its successor tomorrow) can take these pages as they are.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .escape import html_text, md_inline, meta_title
from .library import Library
from .locale import labels as locale_labels
from .mermaid import render_mermaid
from .view import SopView, sop_page_path, sop_view, unit_page_path

HOME_PAGE = "index.md"

PageRenderer = Callable[[SopView, dict[str, str]], dict[str, str]]
"""Renders extra pages of one SOP (checklist, cards, official document): path -> Markdown."""

SOP_PAGE_RENDERERS: tuple[PageRenderer, ...] = ()
"""Every renderer of extra per-SOP pages; each feature module adds its function here."""


def _finalize(value: object) -> Markup:
    """Every ``{{ }}`` is HTML-escaped with newlines as <br>; None shows as nothing."""
    return Markup("") if value is None else html_text(value)


@cache
def environment() -> Environment:
    """One Jinja environment for all pages: templates are compiled once per process."""
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                      undefined=StrictUndefined, finalize=_finalize, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = md_inline
    env.filters["meta_title"] = meta_title
    env.filters["rel"] = relative_link
    return env


def relative_link(target: str, page: str) -> str:
    """A link from ``page`` to ``target`` (both docs-relative .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def render_sop_page(view: SopView, labels: dict[str, str]) -> str:
    """The page of one SOP: identity, lists, diagram, step table."""
    diagram = Markup(render_mermaid(view.sop, labels))
    return environment().get_template("sop.md.j2").render(
        view=view, sop=view.sop, L=labels, diagram=diagram, page=view.page_path)


def render_home(library: Library, labels: dict[str, str]) -> str:
    """The home page: every SOP, grouped by unit."""
    return environment().get_template("home.md.j2").render(
        units=_unit_rows(library, labels), L=labels, page=HOME_PAGE,
        sop_count=len(library.entries))


def render_unit_page(unit_id: str, library: Library, labels: dict[str, str]) -> str:
    """The page of one unit: its SOPs."""
    rows = _unit_rows(library, labels)[unit_id]
    return environment().get_template("unit.md.j2").render(
        unit=rows, L=labels, page=unit_page_path(unit_id))


def _unit_rows(library: Library, labels: dict[str, str]) -> dict[str, dict[str, object]]:
    result: dict[str, dict[str, object]] = {}
    for unit_id, entries in library.units().items():
        views = [sop_view(entry, library, labels) for entry in entries]
        result[unit_id] = {"id": unit_id, "name": entries[0].unit_name,
                           "path": unit_page_path(unit_id) if unit_id else None,
                           "sops": views}
    return result


def render_site(library: Library, language: str = "id") -> dict[str, str]:
    """Every generated page of the site: docs-relative path -> Markdown."""
    labels = locale_labels(language)
    pages = {HOME_PAGE: render_home(library, labels)}
    for unit_id in library.units():
        if unit_id:
            pages[unit_page_path(unit_id)] = render_unit_page(unit_id, library, labels)
    for entry in library.entries:
        view = sop_view(entry, library, labels)
        pages[sop_page_path(entry)] = render_sop_page(view, labels)
        for renderer in SOP_PAGE_RENDERERS:
            pages.update(renderer(view, labels))
    return pages
