"""What ``sopgen pdf`` prints: per SOP its checklist, its step cards, its official
document and its monitoring and evaluation forms, each page of the built site to one PDF.

A PDF must be exactly what staff get from the browser's own print, so a job names only a
page and a fallback paper size; the page's own ``@page`` CSS decides the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.check.library import Library, SopEntry
from generator.render.paths import SopPages, sop_page_path
from generator.user_error import UserError


@dataclass(frozen=True)
class PrintJob:
    """One page of the site printed to one PDF; paper and orientation are the fallback for
    a page whose CSS names no ``@page`` size (the page's own CSS wins)."""

    page: str
    output: str
    paper: str = "A4"
    landscape: bool = False


class UnknownSopError(UserError):
    """A name on the command line that is no SOP of the library (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=2)


def pdf_path(page: str) -> str:
    """``unit/sop.checklist.md`` -> ``unit/sop.checklist.pdf``: where a page's PDF goes."""
    return f"{page.removesuffix('.md')}.pdf"


def sop_jobs(entry: SopEntry) -> list[PrintJob]:
    """The checklist, the step cards, the official document (A4 landscape) and the
    monitoring and evaluation forms of one SOP."""
    pages = SopPages.of(sop_page_path(entry))
    return [PrintJob(pages.checklist, pdf_path(pages.checklist)),
            PrintJob(pages.cards, pdf_path(pages.cards)),
            PrintJob(pages.official, pdf_path(pages.official), "A4", landscape=True),
            PrintJob(pages.monitoring, pdf_path(pages.monitoring)),
            PrintJob(pages.evaluation, pdf_path(pages.evaluation))]


def select(library: Library, names: Sequence[str]) -> list[SopEntry]:
    """The SOPs named by id (``pengukuran-kinerja``) or path (``disdukcapil/...``); all
    of them when no name is given. Every unknown name is reported, not just the first."""
    if not names:
        return list(library.entries)
    keys = {key: entry for entry in library.entries
            for key in (entry.id, sop_page_path(entry).removesuffix(".md"))}
    unknown = [name for name in names if name not in keys]
    if unknown:
        raise UnknownSopError(f"no SOP named {', '.join(unknown)} (known: "
                              f"{', '.join(entry.id for entry in library.entries)})")
    chosen = {keys[name].id: keys[name] for name in names}
    return list(chosen.values())


def jobs_for(entries: Sequence[SopEntry]) -> list[PrintJob]:
    """Every print job of the given SOPs, SOP by SOP."""
    return [job for entry in entries for job in sop_jobs(entry)]
