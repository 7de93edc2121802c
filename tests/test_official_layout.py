"""Geometry of the official flowchart without drawing it: wrapping, columns, pages, letters."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.check.library import load_library
from generator.render.locale import labels as locale_labels
from generator.render.official.crossings import crossings, letter
from generator.render.official.geometry import Box, collinear_overlap, crosses, segment_hits
from generator.render.official.layout import flowchart_pages
from generator.render.official.paging import PAGE_H, split
from generator.render.official.table import BASE_WIDTH, FONT, PAD, ROLE_MIN, columns
from generator.render.official.text import text_width, wrap
from generator.render.options import OfficialSettings
from generator.render.view import sop_view
from helpers.big_sops import forty_roles
from helpers.site import REPO

DATA = Path(__file__).parent / "data" / "official" / "sop"
LABELS = locale_labels("id")


def _five_short_roles() -> dict[str, Any]:
    data = forty_roles()
    names = ["Kepala Dinas", "Sekretaris", "Bendahara", "Operator", "Pemohon"]
    data["roles"] = [{"id": f"r{i}", "name": name} for i, name in enumerate(names)]
    data["steps"] = data["steps"][:5]
    return data


MINIMAL_FIVE = _five_short_roles()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
       st.floats(min_value=20, max_value=400))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: float) -> None:
    lines = wrap(text, width, FONT)
    for line in lines:
        # a single character wider than the cell is the one thing that cannot be split
        assert text_width(line, FONT) <= width or len(line) == 1
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_wrap_keeps_author_lines_and_cuts_long_words() -> None:
    assert wrap("satu\ndua", 500, FONT) == ["satu", "dua"]
    long_word = "Penatausahaanadministrasikeuangandaerah"
    pieces = wrap(long_word, 60, FONT)
    assert len(pieces) > 1 and "".join(pieces) == long_word


def test_columns_follow_the_official_order_and_fill_the_page() -> None:
    cols = columns(4)
    assert [c.key for c in cols] == ["no", "activity", "role-0", "role-1", "role-2", "role-3",
                                     "inputs", "time", "output", "notes"]
    assert cols[-1].x + cols[-1].w == pytest.approx(BASE_WIDTH)
    assert all(a.x + a.w == pytest.approx(b.x) for a, b in itertools.pairwise(cols))


def test_many_roles_keep_their_minimum_width() -> None:
    cols = columns(14)
    assert all(c.w >= ROLE_MIN for c in cols if c.key.startswith("role-"))
    assert cols[-1].x + cols[-1].w > BASE_WIDTH, "the table grows; print scales it down"


def test_split_and_letters() -> None:
    assert [len(chunk) for chunk in split(30, 8)] == [8, 8, 8, 6]
    assert [len(chunk) for chunk in split(9, 8)] == [5, 4], "no step alone on a sheet"
    assert [len(chunk) for chunk in split(14, 14)] == [14]
    with pytest.raises(ValueError):
        split(5, 0)
    with pytest.raises(ValueError):
        OfficialSettings(steps_per_page=0)
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == \
        ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_geometry_predicates() -> None:
    box = Box(10, 10, 20, 20)
    assert segment_hits((0, 20), (40, 20), box)
    assert not segment_hits((0, 10), (40, 10), box), "running along an edge is touching"
    assert not segment_hits((0, 20), (10, 20), box), "ending on the edge is touching"
    assert crosses(((0, 5), (10, 5)), ((5, 0), (5, 10)))
    assert not crosses(((0, 5), (10, 5)), ((10, 0), (10, 10)))
    assert collinear_overlap(((0, 5), (10, 5)), ((5, 5), (20, 5)))
    assert not collinear_overlap(((0, 5), (10, 5)), ((10, 5), (20, 5)))


def test_every_cell_of_a_long_sop_fits_its_text() -> None:
    library = load_library(DATA)
    view = sop_view(library.by_id("pencairan-panjang"), library, LABELS)
    for page in flowchart_pages(view, LABELS, 8):
        for cell in page.cells:
            bold = cell.header
            across, along = ((cell.box.w, cell.box.h) if cell.rotated  # read upright
                             else (cell.box.h, cell.box.w))
            assert len(cell.lines) * 13.5 + 2 * PAD <= across + 0.01, cell
            for line in cell.lines:
                assert text_width(line, FONT, bold) <= along - 2 * PAD + 0.01, line


def test_role_names_are_never_cut_inside_a_word() -> None:
    """40 roles: columns of 72 units, where "Pengeluaran" does not fit across. The names
    are turned upright, each in whole words; five short names stay level. The text
    columns' headers keep whole words too (the table grows)."""
    for data, turned in ((forty_roles(), True), (MINIMAL_FIVE, False)):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "u" / "a.yaml"
            path.parent.mkdir()
            path.write_text(yaml.safe_dump(data), encoding="utf-8")
            library = load_library(Path(folder))
        view = sop_view(library.entries[0], library, LABELS)
        page = flowchart_pages(view, LABELS, 8)[0]
        heads = {c.key: c for c in page.cells if c.header and c.key.startswith("role-")}
        assert len(heads) == len(view.sop.roles)
        for i, role in enumerate(view.sop.roles):
            cell = heads[f"role-{i}"]
            assert cell.rotated == turned
            assert " ".join(cell.lines).split() == role.name.split(), cell.lines
        words = {w for role in view.sop.roles for w in role.name.split()}
        words |= {w for text in LABELS.values() for w in text.split()}
        for cell in (c for c in page.cells if c.header):  # "Keteran/gan" was cut too
            assert set(" ".join(cell.lines).split()) <= words, cell.lines


def test_pages_hold_their_steps_and_one_header_height() -> None:
    library = load_library(REPO / "sop")
    view = sop_view(library.entries[0], library, LABELS)
    for per_page in (1, 5, 8, 14, 40):
        pages = flowchart_pages(view, LABELS, per_page)
        steps = [[step for step, _ in page.rows if step] for page in pages]
        assert list(itertools.chain(*steps)) == list(range(1, len(view.steps) + 1))
        assert len(pages) >= len(split(len(view.steps), per_page))
        assert all(0 < len(on_page) <= per_page for on_page in steps)
        assert max(map(len, steps)) - min(map(len, steps)) <= 1 or per_page > 8, steps
        for page in pages:
            assert page.count == len(pages)
            assert page.height <= PAGE_H + 1, "a page fits on A4 landscape"
        heads = {max(c.box.bottom for c in page.cells if c.header) for page in pages}
        assert len(heads) == 1, "the header row is the same on every page"


def test_crossings_are_lettered_in_step_order() -> None:
    library = load_library(DATA)
    view = sop_view(library.by_id("pencairan-panjang"), library, LABELS)
    from generator.check import flow

    page_of = {i: i // 8 for i in range(len(view.steps))}
    letters = crossings(flow.edges(view.sop), page_of)
    assert list(letters.values()) == [letter(i) for i in range(len(letters))]
    assert [e.source for e in letters] == sorted(e.source for e in letters)


def test_connectors_name_the_flowchart_sheet_of_the_other_end() -> None:
    """A connector's title names the sheet (not a document page: the pages before the
    flowchart vary with their text) where its arrow goes on; sheets count 1..n."""
    from generator.render.official.document import sheets

    library = load_library(DATA)
    view = sop_view(library.by_id("pencairan-panjang"), library, LABELS)
    drawn = sheets(view, LABELS, 4)
    pages = flowchart_pages(view, LABELS, 4)
    assert [(s.number, s.count) for s in drawn] == [(i, len(pages)) for i in
                                                     range(1, len(pages) + 1)]
    sheet_of = {step: page.number for page in pages for step, _ in page.rows if step}
    seen = 0
    for page in pages:
        for symbol in page.symbols:
            if symbol.kind != "connector":
                continue
            seen += 1
            step = int(symbol.title.split(": ")[1].split(",")[0].split()[-1])
            named = int(symbol.title.rsplit(" ", 1)[1])
            assert symbol.title.rsplit(" ", 1)[0].endswith(LABELS["official_sheet"])
            assert named == sheet_of[step] != page.number, symbol.title
    assert seen >= 2, "the corpus SOP crosses sheets both ways"
