"""The official document in Chromium: printed to PDF in landscape, text inside its cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.check.library import load_library
from generator.pdf.jobs import sop_jobs
from generator.pdf.printer import print_jobs
from generator.render.locale import labels as locale_labels
from generator.render.official.layout import flowchart_pages
from generator.render.options import DEFAULT_STEPS_PER_PAGE
from generator.render.view import sop_view
from helpers.browser import open_page
from helpers.site import REPO

pytestmark = pytest.mark.browser

SEED_PAGE = "disdukcapil/pengukuran-kinerja.md"
A4_LANDSCAPE = (841.89, 595.28)

OVERFLOWS = """() => {
  const bad = [];
  for (const svg of document.querySelectorAll('svg.sopgen-official-svg')) {
    // Boxes in the sheet's own units, whatever groups move or turn an element.
    const toSvg = svg.getScreenCTM().inverse();
    const boxOf = (el) => {
      const b = el.getBBox(), m = toSvg.multiply(el.getScreenCTM());
      const xs = [], ys = [];
      for (const [x, y] of [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height],
                            [b.x + b.width, b.y + b.height]]) {
        xs.push(m.a * x + m.c * y + m.e); ys.push(m.b * x + m.d * y + m.f);
      }
      return {x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs),
              height: Math.max(...ys) - Math.min(...ys)};
    };
    // Header cells are rects naming their column; a body cell is its column's header
    // cell across the row (g.sop-rows > rect) its text stands in. A body text stands in its
    // column's group, which names the column; a header text in the header cell it is
    // drawn in.
    const heads = {};
    for (const r of svg.querySelectorAll('g.sop-heads > rect')) heads[r.dataset.key] = boxOf(r);
    const rows = [...svg.querySelectorAll('g.sop-rows > rect')].map(boxOf);
    const inside = (a, b) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 &&
      a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
    const holding = (a) => Object.values(heads).find((h) => inside(
      {x: a.x + a.width / 2, y: a.y + a.height / 2, width: 0, height: 0}, h));
    const texts = svg.querySelectorAll('g.sop-texts text');
    if (!texts.length) bad.push('no cell text');
    for (const t of texts) {
      const box = boxOf(t), column = t.closest('g[data-key]');
      let cell = column ? null : holding(box);
      const mid = box.y + box.height / 2;
      const row = rows.find(r => r.y <= mid && mid <= r.y + r.height);
      const head = column && heads[column.dataset.key];
      if (head && row) cell = {x: head.x, width: head.width, y: row.y, height: row.height};
      if (!cell || !inside(box, cell))
        bad.push((column ? column.dataset.key : 'header') + ' ' + t.textContent);
    }
    for (const g of svg.querySelectorAll('g.sop-arrows > g')) {
      const text = g.querySelector('text');  // the label, on its white ground (the rect)
      if (text && !inside(boxOf(text), boxOf(g.querySelector('rect'))))
        bad.push('label ' + text.textContent);
    }
    const symbols = svg.querySelectorAll('g.sop-symbols > g');
    if (!symbols.length) bad.push('no symbol');  // every sheet of the seed has some
    for (const g of symbols) {
      const text = g.querySelector('text');
      const shape = g.querySelector('rect, polygon');
      if (text && !inside(boxOf(text), boxOf(shape))) bad.push('symbol ' + text.textContent);
    }
  }
  return bad;
}"""


def test_seed_official_document_prints_in_landscape(browser: Any, seed_site: Path,
                                                    tmp_path: Path) -> None:
    library = load_library(REPO / "sop")
    official = [job for job in sop_jobs(library.entries[0]) if job.landscape]
    [output] = print_jobs(seed_site, official, tmp_path, browser=browser)
    assert output == tmp_path / "disdukcapil/pengukuran-kinerja.resmi.pdf"
    labels = locale_labels("id")
    view = sop_view(library.entries[0], library, labels)
    flow_pages = len(flowchart_pages(view, labels, DEFAULT_STEPS_PER_PAGE))
    reader = PdfReader(output)
    assert len(reader.pages) == 2 + flow_pages, \
        "one identity page, one worksheet page, then the flowchart"
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_LANDSCAPE, abs=1)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert labels["legal_basis"] in texts[0] and labels["official_signature"] in texts[0]
    assert labels["worksheet"].upper() in texts[1].upper() and labels["last_step"] in texts[1]
    for number, text in enumerate(texts, start=1):  # numbered in the whole document
        assert f"{labels['official_page']} {number} {labels['official_of']} {len(texts)}" \
            in text
    texts = [texts[0], *texts[2:]]
    for text in texts[1:]:
        assert labels["col_performers"] in text, "the header row is on every page"
    assert " ".join(view.steps[0].action.split()[:3]) in texts[1]
    assert " ".join(view.steps[-1].action.split()[:3]) in texts[-1]


@pytest.mark.parametrize("width", [1280, 700])
def test_text_stays_inside_cells(browser: Any, seed_url: str, width: int) -> None:
    path = "disdukcapil/pengukuran-kinerja.resmi/"  # drawn once: the SOP page links here
    page, log = open_page(browser, seed_url + path, {"width": width, "height": 900})
    try:
        assert page.locator("svg.sopgen-official-svg").count() == len(
            flowchart_pages(_seed_view(), locale_labels("id"), DEFAULT_STEPS_PER_PAGE))
        assert page.evaluate(OVERFLOWS) == []
        assert page.evaluate("""() => [...document.styleSheets].some(
            s => (s.href || '').endsWith('assets/sopgen/official.css'))""")
        assert not log.external_requests and not log.console_errors and not log.page_errors
    finally:
        page.context.close()


def test_official_page_prints_without_site_chrome(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, seed_url + "disdukcapil/pengukuran-kinerja.resmi/")
    try:
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
            '.md-content h1', '.sopgen-official-links'].map(s => document.querySelector(s))
            .filter(e => e).map(e => getComputedStyle(e).display)""")
        assert hidden and set(hidden) == {"none"}
    finally:
        page.context.close()


def _seed_view() -> Any:
    library = load_library(REPO / "sop")
    return sop_view(library.entries[0], library, locale_labels("id"))
