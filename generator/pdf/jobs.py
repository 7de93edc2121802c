"""What ``sopgen pdf`` prints: per SOP its checklist, its step cards, its official
document and its monitoring and evaluation forms, each page of the built site to one PDF.

A PDF must be exactly what staff get from the browser's own print, so a job names only a
page and a fallback paper size; the page's own ``@page`` CSS decides the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.check.choose import UnknownSopError, select
from generator.check.library import SopEntry
from generator.render.paths import SopPages, sop_page_path

__all__ = ["PrintJob", "UnknownSopError", "jobs_for", "pdf_path", "select", "sop_jobs"]


@dataclass(frozen=True)
class PrintJob:
    """One page of the site printed to one PDF; paper and orientation are the fallback for
    a page whose CSS names no ``@page`` size (the page's own CSS wins)."""

    page: str
    output: str
    paper: str = "A4"
    landscape: bool = False


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


def jobs_for(entries: Sequence[SopEntry]) -> list[PrintJob]:
    """Every print job of the given SOPs, SOP by SOP."""
    return [job for entry in entries for job in sop_jobs(entry)]
