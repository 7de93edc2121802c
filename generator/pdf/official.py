"""The official document of an SOP as a PDF: identity page and flowchart pages, ready to sign.

The PDF is the browser's own print of the built official page (``<sop>.resmi.md``), so it
is exactly what staff get from the print button: A4 landscape from the page's ``@page``
rule. Printing itself is ``pdf.py``'s: this module only says which page and how.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.check.library import SopEntry
from generator.pdf.printer import PrintJob, print_jobs
from generator.render.official.document import official_page_path
from generator.render.view import sop_page_path


def official_pdf_path(sop_page: str) -> str:
    """``unit/sop.md`` -> ``unit/sop.resmi.pdf``: where the official PDF goes in the output."""
    return f"{official_page_path(sop_page).removesuffix('.md')}.pdf"


def official_job(sop_page: str) -> PrintJob:
    """The print job of the official document of the SOP page ``unit/sop.md``."""
    return PrintJob(official_page_path(sop_page), official_pdf_path(sop_page), "A4",
                    landscape=True)


def official_jobs(entry: SopEntry) -> list[PrintJob]:
    """The official document of one SOP (a job source of ``pdf.JOB_SOURCES``)."""
    return [official_job(sop_page_path(entry))]


def print_official_pdf(site: Path, sop_page: str, output: Path, *,
                       directory_urls: bool = True, browser: Any = None) -> Path:
    """Print the official document of ``sop_page`` from the built ``site`` to ``output``."""
    job = PrintJob(official_page_path(sop_page), output.name, "A4", landscape=True)
    return print_jobs(site, [job], output.parent, directory_urls, browser=browser)[0]
