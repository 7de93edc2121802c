"""The seed's SOP page printed from the browser (A4): at most 4 pages, no heading alone at
the foot of a page, neither diagram printed (a swimlane taller than a page would be cut
through its boxes; the official chart prints from the official document)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from helpers.browser import open_page
from helpers.pages import SEED_PAGES

pytestmark = pytest.mark.browser
HEADINGS = ("Identitas SOP", "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan",
            "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan",
            "Uraian Prosedur")


def test_sop_page_prints_in_at_most_four_a4_pages(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, f"{seed_url}/{SEED_PAGES['sop']}")
    page.wait_for_timeout(1500)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    texts = [p.extract_text() or "" for p in pdf.pages]
    assert len(texts) <= 4, len(texts)
    for text in texts:
        last = [line for line in text.splitlines() if line.strip()][-1].strip()
        assert last not in HEADINGS, f"heading {last!r} stranded at a page's foot"
    everything = "\n".join(texts)
    assert "memvalidasi" in everything and "Pengarsipan" in everything  # the steps
    assert "halaman 1 dari 2" not in everything  # no official sheet
    assert "Diagram Alir (Swimlane)" not in everything
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => [...document.querySelectorAll(
        '.sopgen-diagram-scroll, .sopgen-official-sheets, .mermaid')]
        .every((el) => el.getBoundingClientRect().height === 0)""")
    assert hidden, "no diagram box is printed, so none can be cut across pages"
    page.context.close()
