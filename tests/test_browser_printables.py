"""Checklist and step cards in real headless chromium: print layout, A6 cells, ticks."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from helpers.browser import open_page
from helpers.site import build_project, make_project, serve
from helpers.sops import write_sop

pytestmark = pytest.mark.browser

CHECKLIST = "disdukcapil/pengukuran-kinerja.checklist/"
CARDS = "disdukcapil/pengukuran-kinerja.cards/"
MM = 96 / 25.4  # CSS pixels per millimetre
SITE_CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top"
LONG_STEP = """  - action: '{action}'
    actors: {actor}
    standard:
      inputs: [Formulir permohonan, Surat pengantar dari kelurahan]
      time: 15
      output: Berita acara pemeriksaan berkas
"""
DECISION_SOP = """number: '800/<b>01</b>'
title: '<script>alert("t")</script> Izin </style>'
organization: Dinas Contoh
kind: pelayanan
warnings: ['<img src=x onerror=alert(1)> Jangan lupa']
roles:
  - {id: petugas, name: 'Petugas <u>Loket</u>'}
  - {id: kepala, name: Kepala Seksi}
steps:
  - action: Menerima berkas <script>alert(1)</script>
    actors: petugas
    standard: {inputs: [Formulir], time: 10, output: Berkas}
  - action: Memeriksa kelengkapan
    actors: petugas
    standard: {time: 1 hari}
    decision: {question: 'Berkas lengkap?', yes: next, no: 1}
  - action: Menandatangani
    actors: kepala
    standard: {time: 2 jam}
"""


def long_action(n: int) -> str:
    """Five lines in the checklist: a page break would fall inside some of these rows."""
    return (f"Langkah uji nomor {n}: memeriksa dan mencatat berkas permohonan {n} secara "
            "lengkap dan teliti sesuai dengan ketentuan peraturan yang berlaku di daerah")


def long_sop(steps: int) -> str:
    """An SOP long enough that its checklist needs several pages."""
    body = "".join(LONG_STEP.format(action=long_action(n), actor="a" if n % 2 else "b")
                   for n in range(1, steps + 1))
    return ("title: Uji Panjang\norganization: Dinas Uji\nkind: pelayanan\nroles:\n"
            "  - {id: a, name: Petugas}\n  - {id: b, name: Kepala}\nsteps:\n" + body)


@pytest.fixture(scope="module")
def other_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site with a 40-step SOP (u/panjang) and a hostile one with a decision (u/izin)."""
    tmp = tmp_path_factory.mktemp("printables")
    write_sop(tmp / "sop", "u/panjang.yaml", long_sop(40))
    write_sop(tmp / "sop", "u/izin.yaml", DECISION_SOP)
    project = make_project(tmp, tmp / "sop")
    config = project / "mkdocs.yml"  # a public address: QR codes on the cards
    config.write_text(f"site_url: https://sop.example.go.id/\n{config.read_text()}")
    with serve(build_project(project)) as url:
        yield url


def pdf_pages(page: Any) -> list[str]:
    """The page printed as the browser prints it; the text of each PDF page."""
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_seed_checklist_in_print_is_the_checklist_alone(browser: Any, seed_url: str) -> None:
    page, log = open_page(browser, seed_url + CHECKLIST)
    page.emulate_media(media="print")
    visible_rows = page.locator(".sopgen-checklist-table tbody tr:visible").count()
    chrome = page.evaluate(f"""() => [...document.querySelectorAll('{SITE_CHROME}')]
        .filter(e => e.getClientRects().length > 0).map(e => e.className)""")
    thead = page.evaluate("""() => getComputedStyle(
        document.querySelector('.sopgen-checklist-table thead')).display""")
    progress_shown = page.locator(".sopgen-progress").is_visible()
    texts = pdf_pages(page)
    page.context.close()
    assert visible_rows == 14
    assert chrome == [] and not progress_shown
    assert thead == "table-header-group"
    assert 1 <= len(texts) <= 2
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {len(texts)}" in text
        # the control line: what the scan does not show is a blank, never a guess
        assert "Pengukuran Kinerja · Nomor SOP: ………… · Revisi: ………… · Tanggal Efektif: ………… · " \
               "Dicetak: " in text
    assert "Cari" not in "".join(texts)  # the search box of the site header
    assert log.external_requests == [] and log.page_errors == [] and log.console_errors == []


def test_long_checklist_repeats_its_header_and_never_splits_a_row(
        browser: Any, other_url: str) -> None:
    page, _ = open_page(browser, other_url + "u/panjang.checklist/")
    texts = pdf_pages(page)
    page.context.close()
    assert len(texts) >= 3
    pages_with_rows = [t for t in texts if "Langkah uji nomor" in t]
    assert len(pages_with_rows) >= 3
    for text in pages_with_rows:
        assert squash("No Kegiatan Pelaksana Kelengkapan Output Waktu Selesai Paraf") in squash(
            text)
    for n in range(1, 41):
        assert sum(squash(long_action(n)) in squash(t) for t in texts) == 1, n
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {len(texts)}" in text


MEASURE_CARDS = """() => [...document.querySelectorAll('.sopgen-sheet')].map(sheet => {
  const box = e => { const r = e.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height, r: r.right, b: r.bottom}; };
  const s = sheet.getBoundingClientRect(), mm = 96 / 25.4;
  return {sheet: box(sheet), cells: [...sheet.querySelectorAll('.sopgen-card')].map((card, i) => {
    const c = card.getBoundingClientRect();
    const x = s.left + (i % 2) * 105 * mm, y = s.top + Math.floor(i / 2) * 148 * mm;
    const outside = [...card.querySelectorAll('*')].filter(e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.left < c.left - .5 || r.top < c.top - .5 ||
                             r.right > c.right + .5 || r.bottom > c.bottom + .5); });
    return {step: +card.querySelector('header').textContent.match(/\\d+/)[0],
            cell: {x, y, w: 105 * mm, h: 148 * mm, r: x + 105 * mm, b: y + 148 * mm},
            card: box(card),
            overflow: card.scrollHeight - card.clientHeight, outside: outside.length,
            overfull: card.classList.contains('sopgen-card--overfull')};
  })};
})"""
"""Script: per printed sheet its box and its cards, each with the A6 quarter of the sheet
(105 x 148 mm) it stands in, in order: left to right, top to bottom."""
CUT_MARKS = """() => [...document.querySelectorAll('.sopgen-sheet')].map(sheet => {
  const mark = part => { const style = getComputedStyle(sheet, part);
    if (style.content === 'none') return null;
    const shadow = style.boxShadow.match(/rgb\\(0, 0, 0\\) ([\\d.]+)px ([\\d.]+)px 0px 0px$/);
    return {left: parseFloat(style.left), top: parseFloat(style.top),
            long: Math.max(parseFloat(style.width), parseFloat(style.height)),
            line: Math.max(parseFloat(style.borderLeftWidth), parseFloat(style.borderTopWidth)),
            shadow: shadow && [+shadow[1], +shadow[2]]}; };
  return {cross: [...sheet.querySelectorAll(':scope > i')].filter(
            e => e.getClientRects().length > 0).length,
          before: mark('::before'), after: mark('::after')};
})"""
"""Script: per sheet, its centre cross shown or not and the edge marks (its ::before and
::after, each drawn twice with a black shadow: where, how long, how thick, the shadow's
offset), or null where none is drawn."""


def near(value: float, mm: float) -> bool:
    return abs(value - mm * MM) < 1


def centred(card: dict[str, float], cell: dict[str, float]) -> bool:
    """The card (91 x 134 mm) stands 7 mm inside its 105 x 148 mm quarter of the sheet,
    where the cut lines run."""
    return all(abs(card[k] - (cell[k] + 7 * MM)) < 1 for k in ("x", "y")) and all(
        abs(card[k] - (cell[k] - 7 * MM)) < 1 for k in ("r", "b"))


def inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (inner["x"] >= outer["x"] - .5 and inner["y"] >= outer["y"] - .5
            and inner["r"] <= outer["r"] + .5 and inner["b"] <= outer["b"] + .5)


def test_seed_cards_lie_inside_a6_cells_four_to_a_sheet(browser: Any, seed_url: str) -> None:
    page, log = open_page(browser, seed_url + CARDS)
    page.emulate_media(media="print")
    sheets = page.evaluate(MEASURE_CARDS)
    cut_marks = page.evaluate(CUT_MARKS)
    texts = pdf_pages(page)
    page.context.close()
    assert [len(sheet["cells"]) for sheet in sheets] == [4, 4, 4, 2]
    cells = [cell for sheet in sheets for cell in sheet["cells"]]
    assert [cell["step"] for cell in cells] == list(range(1, 15))
    for sheet in sheets:
        assert sheet["sheet"]["w"] <= 210 * MM + .5 and sheet["sheet"]["h"] <= 297 * MM + .5
        for cell in sheet["cells"]:
            assert inside(cell["cell"], sheet["sheet"]) and centred(cell["card"], cell["cell"])
            assert cell["overflow"] <= 1 and cell["outside"] == 0 and not cell["overfull"]
    # at x 105 mm from the top edge (and, by its shadow, at the bottom); at y 148 mm from
    # the left edge (and the right); a cross at the centre: 5 marks on each of 4 sheets
    for marks in cut_marks:
        top, left = marks["before"], marks["after"]
        assert marks["cross"] == 1 and top is not None and left is not None
        assert near(top["left"], 105) and near(top["top"], 0) and near(top["long"], 6)
        assert near(left["left"], 0) and near(left["top"], 148) and near(left["long"], 6)
        assert top["shadow"] is not None and near(top["shadow"][0], 0)
        assert near(top["shadow"][1], 290) and 0 < top["line"] <= 1  # 290 + 6 = 296 mm
        assert left["shadow"] is not None and near(left["shadow"][1], 0)
        assert near(left["shadow"][0], 204) and 0 < left["line"] <= 1  # 204 + 6 = 210 mm
    assert len(cut_marks) == 4
    assert len(texts) == 4
    for sheet_number, text in enumerate(texts):
        shown = sorted(int(n) for n in re.findall(r"Langkah (\d+) / 14", text))
        assert shown == list(range(sheet_number * 4 + 1, min(sheet_number * 4 + 5, 15)))
    assert log.external_requests == [] and log.page_errors == [] and log.console_errors == []


def test_cards_on_screen_are_a_grid_without_cut_marks(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, seed_url + CARDS)
    tops = page.evaluate("""() => [...document.querySelectorAll('.sopgen-card')]
        .map(c => Math.round(c.getBoundingClientRect().top))""")
    cut_marks = page.evaluate(CUT_MARKS)
    page.context.close()
    assert len(set(tops)) < len(tops)  # several cards side by side in a row
    assert cut_marks == [{"cross": 0, "before": None, "after": None}] * 4


def tick_box(page: Any, step: int) -> Any:
    """A step's tick box, found by its accessible name as a screen reader announces it."""
    return page.get_by_role("checkbox", name=f"Langkah {step}: Selesai", exact=True)


def progress(page: Any) -> tuple[str, str, int]:
    return (page.locator("[data-sopgen-progress-count]").inner_text(),
            page.locator("[data-sopgen-remaining]").inner_text(),
            page.locator(".sopgen-checklist-table input[type=checkbox]:checked").count())


def test_ticks_survive_a_reload_until_reset(browser: Any, seed_url: str) -> None:
    page, log = open_page(browser, seed_url + CHECKLIST)
    assert progress(page) == ("0 / 14", "795 menit (13 jam 15 menit)", 0)
    for step in (1, 2, 5):
        tick_box(page, step).check()
    assert progress(page) == ("3 / 14", "600 menit (10 jam)", 3)
    page.reload()
    assert progress(page) == ("3 / 14", "600 menit (10 jam)", 3)
    assert page.locator("progress").evaluate("p => [p.value, p.max]") == [3, 14]
    done = page.locator("tr.is-done").evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    assert done == ["1", "2", "5"]
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('sopgen'))")
    assert stored == ["sopgen.checklist:disdukcapil/pengukuran-kinerja.md:-"]
    page.locator("[data-sopgen-reset]").click()
    assert progress(page) == ("0 / 14", "795 menit (13 jam 15 menit)", 0)
    page.reload()
    assert progress(page) == ("0 / 14", "795 menit (13 jam 15 menit)", 0)
    page.context.close()
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []


def test_checklist_works_from_a_file_without_a_server(browser: Any, seed_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((seed_site / CHECKLIST / "index.html").as_uri())
    tick_box(page, 14).check()
    page.reload()
    assert progress(page) == ("1 / 14", "785 menit (13 jam 5 menit)", 1)
    context.close()
    # the theme's search cannot load its index from a file; nothing else may fail
    assert [error for error in errors if "search" not in error] == []


def test_hostile_decision_sop_stays_text_and_keeps_its_answer(
        browser: Any, other_url: str) -> None:
    for kind in ("cards", "checklist"):
        page, log = open_page(browser, other_url + f"u/izin.{kind}/")
        text = page.locator(".sopgen-printable").inner_text()
        assert 'Menerima berkas <script>alert(1)</script>' in text
        assert "Ya → ke langkah 3" in text and "Tidak → ke langkah 1" in text
        if kind == "cards":  # said once in the page's style, shown on every card as text
            heads = page.locator(".sopgen-card > header").evaluate_all("""heads => heads.map(
                h => [getComputedStyle(h, '::after').content, h.textContent])""")
            assert heads == [['"800/<b>01</b>"', f"Langkah {n} / 3"] for n in (1, 2, 3)]
            codes = page.locator(".sopgen-card > header > i").evaluate_all("""codes => codes.map(
                i => [getComputedStyle(i).content.slice(0, 31),
                      Math.round(i.getBoundingClientRect().width * 25.4 / 96)])""")
            assert codes == [['url("data:image/svg+xml;base64,', 14]] * 3
            assert page.get_by_role("img", name="Pindai untuk membuka versi terkini SOP ini"
                                    ).count() == 3
            # the SOP and its warnings, drawn by CSS, are text to a screen reader too
            for card in page.locator(".sopgen-card").all():
                heard = card.aria_snapshot()
                assert "text: 800/<b>01</b>" in heard
                assert "text: Peringatan <img src=x onerror=alert(1)> Jangan lupa" in heard
        if kind == "checklist":
            page.locator('input[data-sopgen-answer="2"][value="no"]').check()
            tick_box(page, 2).check()
            assert progress(page)[:2] == ("1 / 3", "130 menit (2 jam 10 menit)")
            page.reload()
            assert page.locator('input[data-sopgen-answer="2"][value="no"]').is_checked()
        page.context.close()
        assert log.dialogs == [] and log.page_errors == [] and log.external_requests == []


def test_sop_page_links_to_its_printables_and_back(browser: Any, seed_url: str) -> None:
    page, _ = open_page(browser, seed_url + "disdukcapil/pengukuran-kinerja/")
    assert page.locator('link[href*="printables.css"], script[src*="checklist.js"]').count() == 0
    for name, target in (("Daftar Periksa", CHECKLIST), ("Kartu Langkah", CARDS)):
        page.locator(".sopgen-printable-links a", has_text=name).click()
        assert page.url == seed_url + target
        page.locator(".sopgen-print-links a", has_text="Kembali ke halaman SOP").click()
        assert page.url == seed_url + "disdukcapil/pengukuran-kinerja/"
    nav = page.locator(".md-nav a").evaluate_all("links => links.map(a => a.href)")
    page.context.close()
    assert not any("checklist" in href or "cards" in href for href in nav)
