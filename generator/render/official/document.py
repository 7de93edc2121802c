"""The official document of one SOP (identity page, then flowchart pages).

Offices file and sign their SOPs in the layout of Permen PAN-RB 35/2012. This module
draws the flowchart sheets of one SOP (once: the SOP page and the official page show the
same sheets) and renders the document as a page of its own (``paths.official_page_path``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.assets import SITE_PREFIX, Assets, link_assets
from generator.render.environment import render
from generator.render.escape import css_string
from generator.render.official.layout import flowchart_pages
from generator.render.official.svg import page_svg
from generator.render.options import RenderOptions
from generator.render.slots import split_body
from generator.render.urls import href, page_url
from generator.render.view import SopView

STYLESHEET = f"{SITE_PREFIX}/official.css"
MARKER = "data-sopgen-official"
"""Pages holding this attribute get the official stylesheet (see :func:`add_stylesheet`)."""


@dataclass(frozen=True)
class Sheet:
    """One flowchart sheet: its number among the SOP's flowchart sheets, their count, and
    the SVG text. Sheets are counted on their own: the printed margin numbers the pages of
    the whole document (:func:`page_numbering`), which the identity page and worksheet can
    stretch to more than one page each."""

    number: int
    count: int
    svg: Markup


def sheets(view: SopView, labels: dict[str, str], steps_per_page: int) -> tuple[Sheet, ...]:
    """The flowchart pages of one SOP as SVG, each named for screen readers. Laying them
    out is the costliest part of rendering an SOP: callers draw them once per SOP."""
    result = []
    for page in flowchart_pages(view, labels, steps_per_page):
        title = (f"{labels['official_figure']} {labels['sop']} {view.sop.title}, "
                 f"{labels['official_sheet']} {page.number} {labels['official_of']} "
                 f"{page.count}")
        result.append(Sheet(page.number, page.count, Markup(page_svg(page, title))))
    return tuple(result)


def official_pages(view: SopView, labels: dict[str, str], options: RenderOptions,
                   drawn: tuple[Sheet, ...]) -> dict[str, str]:
    """The official document page of one SOP: path -> Markdown, and its body with the
    ``drawn`` sheets as a side file (path -> HTML) that fills the page's slot once MkDocs
    has converted and indexed it (``render.slots``): the SVG never goes through Markdown
    or search."""
    page = view.pages.official
    logo = None
    if options.official.logo:
        here = page_url(page, options.directory_urls)
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        logo = posixpath.relpath(options.official.logo, base.rstrip("/") or ".")
    related = [(item.text, href(item.path, page, options.directory_urls) if item.path
                else None) for item in view.related]
    drawing = render("_official_sheets.j2", sheets=drawn, sop=view.sop, L=labels).strip()
    return split_body(page, render(
        "official.md.j2", view=view, sop=view.sop, L=labels, page=page, logo=logo,
        related=related, sheets=Markup(drawing), numbering=page_numbering(labels)))


def page_numbering(labels: dict[str, str]) -> Markup:
    """The CSS content that numbers each printed page of the official document in its
    margin ("halaman 3 dari 5"): Chromium counts the pages it prints, so the identity
    page, the worksheet and the flowchart are numbered as one document even when the
    identity page runs over onto a second page."""
    return Markup(f'{css_string(labels["official_page"])} " " counter(page) " " '
                  f'{css_string(labels["official_of"])} " " counter(pages)')


def assets_needed(html: str) -> Assets:
    """The official stylesheet for a page that shows an official flowchart or document;
    none for any other page (the rest keeps its own print look)."""
    return ((STYLESHEET,), ()) if MARKER in html else ((), ())


def add_stylesheet(html: str, relative: Callable[[str], str]) -> str:
    """A built page with the official stylesheet linked, if it needs it; every other page
    comes back unchanged."""
    return link_assets(html, relative, *assets_needed(html))
