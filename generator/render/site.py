"""Stage 4: turn a validated library into page texts (pure: nothing is read or written here).

The result maps a docs-relative path to Markdown. Any site engine that reads Markdown
(MkDocs today, its successor tomorrow) can take these pages as they are.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.check.library import Library
from generator.render.cache import RenderCache, site_fingerprint
from generator.render.escape import html_text, md_inline, meta_title
from generator.render.locale import labels as locale_labels
from generator.render.mermaid import render_mermaid
from generator.render.official.document import (
    current_settings,
    official_flowchart,
    render_official_pages,
)
from generator.render.printables import render_printables
from generator.render.urls import href
from generator.render.view import SiteContext, SopView, sop_view, unit_page_path

HOME_PAGE = "index.md"
REVIEW_PAGE = "perlu-ditinjau.md"
ROLES_PAGE = "peran/index.md"
MAP_PAGE = "peta-keterkaitan.md"


@dataclass(frozen=True)
class RenderOptions:
    """What rendering needs from outside: language, URL style, and the date of the build."""

    language: str = "id"
    directory_urls: bool = True
    today: datetime.date = field(default_factory=datetime.date.today)

PageRenderer = Callable[[SopView, dict[str, str]], dict[str, str]]
"""Renders extra pages of one SOP (checklist, cards, official document): path -> Markdown."""

SOP_PAGE_RENDERERS: tuple[PageRenderer, ...] = (render_printables, render_official_pages)
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
    env.globals["official_flowchart"] = official_flowchart  # SVG for _official_flowchart.j2
    return env


def relative_link(target: str, page: str) -> str:
    """A link from ``page`` to ``target`` (both docs-relative .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def render_sop_page(view: SopView, labels: dict[str, str], options: RenderOptions) -> str:
    """The page of one SOP: identity, lists, diagram, step table, links across the site."""
    diagram = Markup(render_mermaid(view.sop, labels))
    return environment().get_template("sop.md.j2").render(
        view=view, sop=view.sop, L=labels, diagram=diagram, page=view.page_path,
        link=partial(_link, page=view.page_path, options=options))


def _link(target: str, page: str, options: RenderOptions) -> str:
    return href(target, page, options.directory_urls)


def render_home(units: dict[str, UnitView], figures: dict[str, int],
                labels: dict[str, str]) -> str:
    """The home page: figures for a manager, then every SOP grouped by unit."""
    return environment().get_template("home.md.j2").render(
        units=units, L=labels, page=HOME_PAGE, figures=figures, review_page=REVIEW_PAGE,
        roles_page=ROLES_PAGE, map_page=MAP_PAGE)


@dataclass(frozen=True)
class UnitView:
    """A unit and its SOPs; ``path`` is None for SOPs directly in the SOP folder."""

    id: str
    name: str
    path: str | None
    sops: list[SopView]


def render_unit_page(unit: UnitView, labels: dict[str, str]) -> str:
    """The page of one unit: its SOPs with kind and effective date."""
    return environment().get_template("unit.md.j2").render(unit=unit, L=labels, page=unit.path)


def _unit_views(views: dict[str, SopView]) -> dict[str, UnitView]:
    result: dict[str, UnitView] = {}
    for view in views.values():
        unit_id = view.entry.unit_id
        path = unit_page_path(unit_id) if unit_id else None
        result.setdefault(unit_id, UnitView(unit_id, view.entry.unit_name, path, []))
        result[unit_id].sops.append(view)
    return dict(sorted(result.items()))


def render_site(library: Library, options: RenderOptions | None = None,
                cache: RenderCache | None = None) -> dict[str, str]:
    """Every generated page of the site: docs-relative path -> Markdown.

    With a ``cache`` (``sopgen serve``), an SOP whose file and context did not change
    since the last call keeps its pages instead of being rendered again."""
    return dict(iter_site_pages(library, options, cache))


def iter_site_pages(library: Library, options: RenderOptions | None = None,
                    cache: RenderCache | None = None) -> Iterator[tuple[str, str]]:
    """The pages one SOP at a time, then the pages across SOPs: a build can write each
    page out as it comes instead of holding the whole site's text at once."""
    from generator.render.index import render_index_pages

    options = options or RenderOptions()
    labels = locale_labels(options.language)
    fingerprint = site_fingerprint(library)
    site = cache.site_context(library, fingerprint) if cache else SiteContext.of(library)
    key = (fingerprint, options.language, options.directory_urls, current_settings())
    views: dict[str, SopView] = {}
    for entry in library.entries:
        hit = cache.get(entry, key) if cache else None
        if hit is None:
            view = sop_view(entry, library, labels, site)
            hit = (view, _pages_of(view, labels, options))
            if cache:
                cache.put(entry, key, *hit)
        views[entry.id] = hit[0]
        yield from hit[1].items()
    if cache:
        cache.keep_only(set(views))
    units = _unit_views(views)
    index_pages, figures = render_index_pages(library, views, labels, options)
    yield HOME_PAGE, render_home(units, figures, labels)
    yield from index_pages.items()
    yield from ((unit.path, render_unit_page(unit, labels)) for unit in units.values()
                if unit.path)


def _pages_of(view: SopView, labels: dict[str, str], options: RenderOptions
              ) -> dict[str, str]:
    """The SOP page and every extra page of one SOP."""
    pages = {view.page_path: render_sop_page(view, labels, options)}
    for renderer in SOP_PAGE_RENDERERS:
        pages.update(renderer(view, labels))
    return pages
