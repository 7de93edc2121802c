"""Long text never overlaps or vanishes (#12): step cards continue on the next card, the
official flowchart continues a tall row on the next page, every printed page of the
official document is numbered in the whole document. Printed by headless Chromium and
checked by bounding boxes and by the text of the PDF."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from test_browser_printables import MEASURE_CARDS, inside, pdf_pages, squash

from helpers.browser import open_page
from helpers.site import build_project, make_project, serve
from helpers.sops import long_text, long_text_sop, write_sop

pytestmark = pytest.mark.browser

LENGTHS = (2100, 5200)
MM = 96 / 25.4


@pytest.fixture(scope="module")
def long_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site with a 9-step SOP whose steps 2 and 3 have 2,100 and 5,200 characters."""
    tmp = tmp_path_factory.mktemp("long-text")
    write_sop(tmp / "sop", "u/panjang.yaml", long_text_sop(LENGTHS, 9))
    with serve(build_project(make_project(tmp, tmp / "sop"))) as url:
        yield url


def test_long_steps_continue_on_cards_of_their_own(browser: Any, long_url: str) -> None:
    page, log = open_page(browser, long_url + "u/panjang.cards/")
    page.emulate_media(media="print")
    sheets = page.evaluate(MEASURE_CARDS)
    parts = page.evaluate("""() => [...document.querySelectorAll('.sopgen-card')].map(c => ({
        step: +c.querySelector('header').textContent.match(/\\d+/)[0],
        part: +((c.querySelector('.sopgen-card-part') || {textContent: '1'})
                .textContent.match(/\\d+/)[0]),
        action: (c.querySelector(':scope > p:not([class])') || {textContent: ''}).textContent}))""")
    texts = pdf_pages(page)
    page.context.close()
    cells = [cell for sheet in sheets for cell in sheet["cells"]]
    for sheet in sheets:
        for cell in sheet["cells"]:
            assert inside(cell["card"], cell["cell"]), cell
            assert cell["overflow"] <= 1 and cell["outside"] == 0 and not cell["overfull"], cell
    for a, b in itertools.combinations(cells, 2):  # no card over another
        assert a["card"]["b"] <= b["card"]["y"] + .5 or a["card"]["r"] <= b["card"]["x"] + .5 \
            or b["card"]["r"] <= a["card"]["x"] + .5 or a["card"]["y"] >= b["card"]["b"] - .5
    for step, chars in zip((2, 3), LENGTHS, strict=True):
        mine = [p for p in parts if p["step"] == step]
        assert len(mine) >= 2 and [p["part"] for p in mine] == list(range(1, len(mine) + 1))
        assert squash("".join(p["action"] for p in mine)) == squash(long_text(chars))
    assert len(texts) == len(sheets) == -(-len(parts) // 4)
    joined = "".join(texts)
    assert "kartu 1 dari" in joined and "Bersambung ke kartu berikutnya" in joined
    assert log.page_errors == [] and log.console_errors == []


MEASURE_SHEETS = """() => [...document.querySelectorAll('.sopgen-official-flow')].map(s => {
  const texts = [...s.querySelectorAll('g.sop-texts text')].map(t => {
    const r = t.getBoundingClientRect();  // a body text's column group names its column
    const column = t.closest('g[data-key]');
    return {x: r.left, y: r.top, r: r.right, b: r.bottom, text: t.textContent,
            key: column ? column.dataset.key : ''}; });
  return {h: s.getBoundingClientRect().height, texts}; })"""


def overlapping(texts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of text blocks whose boxes overlap by more than half a pixel."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if min(a["r"], b["r"]) - max(a["x"], b["x"]) > .5 and \
                    min(a["b"], b["b"]) - max(a["y"], b["y"]) > .5:
                found.append((a["text"][:30], b["text"][:30]))
    return found


def test_long_rows_continue_on_numbered_official_pages(browser: Any, long_url: str) -> None:
    page, log = open_page(browser, long_url + "u/panjang.resmi/")
    page.emulate_media(media="print")
    sheets = page.evaluate(MEASURE_SHEETS)
    texts = pdf_pages(page)
    page.context.close()
    assert len(sheets) >= 4, "steps 2 and 3 continue on further pages"
    for sheet in sheets:
        assert sheet["h"] <= 190 * MM, "a sheet fits in A4 landscape between its margins"
        assert overlapping(sheet["texts"]) == []
    activity = "".join(t["text"] for s in sheets for t in s["texts"]
                       if t["key"] == "activity")  # the body's: header texts have no key
    for chars in LENGTHS:
        assert squash(long_text(chars)) in squash(activity.replace("(lanjutan)", ""))
    assert len(texts) >= 2 + len(sheets)
    for number, text in enumerate(texts, start=1):
        assert f"halaman {number} dari {len(texts)}" in text
    flow_pages = [t for t in texts if "Uraian Kegiatan" in t and "Pelaksana" in t]
    assert len(flow_pages) == len(sheets), "each sheet is one printed page"
    for text in flow_pages:  # never a page with the table header alone
        assert re.search(r"Langkah biasa|Petugas memeriksa", text)
    assert log.page_errors == [] and log.console_errors == []
