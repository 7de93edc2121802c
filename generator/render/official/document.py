"""The official document of one SOP (identity page, then flowchart pages) and its settings.

Offices file and sign their SOPs in the layout of Permen PAN-RB 35/2012. This module
renders that document as a page of its own, ``<sop page>.resmi.md`` (a dot no SOP or unit
name has, so it never takes another page's path), and gives the SOP page the same
flowchart. Rendering stays pure: the steps per page and the logo are plain settings, set
for one render by :func:`official_settings` (the page renderers take no options).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.assets import SITE_PREFIX, insert_before
from generator.render.official.layout import flowchart_pages
from generator.render.official.svg import page_svg
from generator.render.urls import href, page_url
from generator.render.view import SopView

OFFICIAL_KIND = "resmi"
STYLESHEET = f"{SITE_PREFIX}/official.css"
MARKER = "data-sopgen-official"
"""Pages holding this attribute get the official stylesheet (see :func:`add_stylesheet`)."""
DEFAULT_STEPS_PER_PAGE = 8
"""The scanned seed SOP puts 8 steps on its first flowchart page."""


@dataclass(frozen=True)
class OfficialSettings:
    """How the official document is drawn: steps per flowchart page, the office's logo
    (a docs-relative image path, or None), and the URL style of the site (for the logo)."""

    steps_per_page: int = DEFAULT_STEPS_PER_PAGE
    logo: str | None = None
    directory_urls: bool = True

    def __post_init__(self) -> None:
        if self.steps_per_page < 1:
            raise ValueError(f"steps per page must be at least 1, not {self.steps_per_page}")


_SETTINGS: ContextVar[OfficialSettings | None] = ContextVar("sopgen_official", default=None)


def current_settings() -> OfficialSettings:
    """The settings of the render in progress (the defaults outside any ``with``)."""
    return _SETTINGS.get() or OfficialSettings()


@contextmanager
def official_settings(settings: OfficialSettings) -> Iterator[None]:
    """Render with ``settings`` inside the ``with`` block (the plugin wraps its render)."""
    token = _SETTINGS.set(settings)
    try:
        yield
    finally:
        _SETTINGS.reset(token)


def official_page_path(sop_page_path: str) -> str:
    """``unit/sop.md`` -> ``unit/sop.resmi.md``: the docs path of the official document."""
    return f"{sop_page_path.removesuffix('.md')}.{OFFICIAL_KIND}.md"


def is_official_path(docs_path: str) -> bool:
    """True for an official document page (the plugin keeps those out of the nav)."""
    return docs_path.endswith(f".{OFFICIAL_KIND}.md")


@dataclass(frozen=True)
class Sheet:
    """One printed flowchart page: its number, the count, and the SVG text."""

    number: int
    count: int
    svg: Markup


_RECENT: dict[tuple[str, int, int, int], tuple[Sheet, ...]] = {}
"""The last SOPs drawn: the SOP page and the official page of one SOP show the same
sheets, and laying them out is the costliest part of rendering an SOP, so it runs once."""


def sheets(view: SopView, labels: dict[str, str], steps_per_page: int) -> tuple[Sheet, ...]:
    """The flowchart pages of one SOP as SVG, each named for screen readers."""
    key = (view.entry.id, hash(view.sop.model_dump_json()), steps_per_page,
           hash(frozenset(labels.items())))
    if key not in _RECENT:
        if len(_RECENT) >= 4:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = _draw_sheets(view, labels, steps_per_page)
    return _RECENT[key]


def _draw_sheets(view: SopView, labels: dict[str, str], steps_per_page: int
                 ) -> tuple[Sheet, ...]:
    result = []
    for page in flowchart_pages(view, labels, steps_per_page):
        title = (f"{labels['official_figure']} {labels['sop']} {view.sop.title}, "
                 f"{labels['official_page']} {page.number} {labels['official_of']} {page.count}")
        result.append(Sheet(page.number, page.count, Markup(page_svg(page, title))))
    return tuple(result)


def _render(template: str, **context: object) -> str:
    from generator.render.site import (
        environment,  # render lists this module's renderer: import it late
    )

    return environment().get_template(template).render(**context)


def official_flowchart(view: SopView, labels: dict[str, str]) -> Markup:
    """The flowchart pages as HTML, for the SOP page (a Jinja global of the environment)."""
    settings = current_settings()
    return Markup(_render("_official_sheets.j2", sheets=sheets(view, labels,
                                                               settings.steps_per_page),
                          sop=view.sop, L=labels))


def official_pages(view: SopView, labels: dict[str, str], settings: OfficialSettings
                   ) -> dict[str, str]:
    """The official document page of one SOP: docs path -> Markdown."""
    page = official_page_path(view.page_path)
    logo = None
    if settings.logo:
        here = page_url(page, settings.directory_urls)
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        logo = posixpath.relpath(settings.logo, base.rstrip("/") or ".")
    related = [(item.text, href(item.path, page, settings.directory_urls) if item.path
                else None) for item in view.related]
    text = _render("official.md.j2", view=view, sop=view.sop, L=labels, page=page, logo=logo,
                   related=related, sheets=sheets(view, labels, settings.steps_per_page))
    return {page: text}


def render_official_pages(view: SopView, labels: dict[str, str]) -> dict[str, str]:
    """The page renderer listed in ``render.SOP_PAGE_RENDERERS``: the current settings."""
    return official_pages(view, labels, current_settings())


def add_stylesheet(html: str, relative: Callable[[str], str]) -> str:
    """A built page with the official stylesheet linked, if it shows an official flowchart
    or document; every other page comes back unchanged (the rest keeps its own print look)."""
    if MARKER not in html:
        return html
    return insert_before(html, "</head>",
                         f'<link rel="stylesheet" href="{relative(STYLESHEET)}">\n')
