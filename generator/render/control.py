"""Status and document control of one SOP: draft, in force or withdrawn, and what every
printed page of it says about the paper in a reader's hand.

A trainer must tell an old print from a current one: each printable carries the SOP
number, revision, effective date, the date of printing (filled in by the browser when the
page is printed, a blank line where scripts are off) and, when the site has a public
address, a QR code of the SOP page. A status the author did not state stays unstated:
such an SOP is shown and listed as before, with no mark and no status line (existing SOPs
were published as the offices' current procedures; calling them drafts or "in force"
would invent a fact their files do not give).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.check.library import Library, SopEntry
from generator.render.assets import SITE_PREFIX, Assets, link_assets
from generator.render.escape import css_text
from generator.render.locale import format_date
from generator.render.options import RenderOptions
from generator.render.paths import sop_page_path
from generator.render.qr import qr_svg_text
from generator.render.urls import page_url
from generator.source.life import Status
from generator.source.model import Sop

PRINTED_PLACEHOLDER = "\u2026\u2026\u2026\u2026"
"""Where the date of printing goes in the page margin until control.js fills it in."""
PRINTED_TOKEN = css_text(PRINTED_PLACEHOLDER)
"""The CSS string control.js replaces with the date of printing (its TOKEN: the script
says it once instead of every printable naming it)."""


@dataclass(frozen=True)
class Replacement:
    """The SOP that replaces a withdrawn one: its title and its page."""

    title: str
    path: str


@dataclass(frozen=True)
class ControlView:
    """What the SOP page and every printable show about the SOP's status and revision."""

    status: str | None
    draft: bool
    withdrawn: bool
    reason: str | None
    withdrawn_on: str | None
    replacement: Replacement | None
    number: str | None
    revision: str | None
    effective: str | None
    address: str | None
    footer: Markup
    """The printed pages' margin line as a CSS string (``@page`` margin box content)."""
    footer_text: str
    """The same line as text, for sheets without a margin (the step cards)."""
    qr_image: str | None
    """The QR code as a ``data:`` URL, for the ``@page`` margin box of every printed page."""
    language: str
    """The site's language: control.js writes the date of printing with its month names."""
    blank: str = PRINTED_PLACEHOLDER


def is_withdrawn(sop: Sop) -> bool:
    return sop.status == Status.WITHDRAWN


def listed(library: Library) -> Library:
    """The library the indexes show: withdrawn SOPs keep their page but leave the lists."""
    return Library(tuple(entry for entry in library.entries if not is_withdrawn(entry.sop)))


def revision_of(sop: Sop) -> str | None:
    """The current revision: the number of the latest entry of the revision history."""
    if not sop.revisions:
        return None
    return max(enumerate(sop.revisions), key=lambda item: (item[1].date, item[0]))[1].number


def address(entry: SopEntry, options: RenderOptions) -> str | None:
    """The public address of the SOP page, or None when the site has no ``site_url``."""
    if not options.site_url:
        return None
    return options.site_url.rstrip("/") + "/" + page_url(sop_page_path(entry),
                                                         options.directory_urls)


def footer_text(sop: Sop, revision: str | None, effective: str | None,
                labels: dict[str, str]) -> str:
    """'Title · Nomor SOP: … · Revisi: … · Tanggal Efektif: … · Dicetak: ' for the margin;
    what the SOP does not state prints as a dotted blank, never a guess."""
    blank = PRINTED_PLACEHOLDER
    return (f"{sop.title} \u00b7 {labels['number']}: {sop.number or blank} \u00b7 "
            f"{labels['control_revision']}: {revision or blank} \u00b7 "
            f"{labels['date_effective']}: {effective or blank} \u00b7 "
            f"{labels['control_printed']}: ")


def data_url(svg: str) -> str:
    """An SVG as a ``data:`` URL (base64: nothing in it can end the CSS string around it)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def control_view(entry: SopEntry, library: Library, labels: dict[str, str],
                 options: RenderOptions) -> ControlView:
    """Status, withdrawal and the printed control block of one SOP."""
    sop = entry.sop
    withdrawal = sop.withdrawal
    replacement = None
    if withdrawal is not None and withdrawal.replaced_by is not None:
        other = library.by_id(withdrawal.replaced_by)
        replacement = Replacement(other.sop.title, sop_page_path(other))
    revision = revision_of(sop)
    effective = format_date(sop.dates.effective, labels)
    url = address(entry, options)
    qr = qr_svg_text(url) if url else None
    text = footer_text(sop, revision, effective, labels)
    return ControlView(
        status=labels[f"status_{sop.status.value}"] if sop.status else None,
        draft=sop.status == Status.DRAFT, withdrawn=is_withdrawn(sop),
        reason=withdrawal.reason if withdrawal else None,
        withdrawn_on=format_date(withdrawal.date, labels) if withdrawal else None,
        replacement=replacement, number=sop.number, revision=revision, effective=effective,
        address=url, footer=Markup(f'{css_text(text)} " " {PRINTED_TOKEN}'),
        footer_text=text, qr_image=data_url(qr) if qr else None, language=options.language)


STYLESHEET = f"{SITE_PREFIX}/control.css"
SCRIPT = f"{SITE_PREFIX}/control.js"
MARKER = "data-sopgen-control"


def assets_needed(html: str) -> Assets:
    """The control stylesheet and script for a page with a control block (printables,
    official document, forms); none for any other page."""
    return ((STYLESHEET,), (SCRIPT,)) if MARKER in html else ((), ())


def add_assets(html: str, relative: Callable[[str], str]) -> str:
    """A built page with the control stylesheet and script, if it carries a control block;
    every other page comes back unchanged."""
    return link_assets(html, relative, *assets_needed(html))
