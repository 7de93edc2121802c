"""Marked parts of a page become side files with a searchable slot (render.slots)."""

from __future__ import annotations

from generator.render.slots import (
    PART,
    PART_END,
    fill_slots,
    filled_pages,
    side_path,
    split_parts,
)

TABLE = ('<table class="t">\n<tr><td>Menerima &amp; memeriksa</td>'
         '<td><a href="x/">Berkas</a></td></tr>\n</table>\n')
PAGE = f"# Judul\n\n{PART}{TABLE}{PART_END}\n## Lain\n\n{PART}<p>dua</p>\n{PART_END}"


def test_each_marked_part_becomes_a_side_file_and_the_page_fills_back() -> None:
    pages = split_parts("u/a.md", PAGE)
    assert sorted(pages) == ["u/a.md", "u/a.part-1.body.html", "u/a.part-2.body.html"]
    assert pages[side_path("u/a.md", 1)] == TABLE.rstrip()
    assert "<table" not in pages["u/a.md"] and "sopgen:part" not in pages["u/a.md"]
    assert filled_pages(pages)["u/a.md"] == f"# Judul\n\n{TABLE}\n## Lain\n\n<p>dua</p>\n"


def test_the_slot_carries_the_parts_words_for_search_without_tags() -> None:
    page = split_parts("u/a.md", PAGE)["u/a.md"]
    assert "Menerima &amp; memeriksa Berkas</div>" in page  # entities kept, tags gone
    assert "<td>" not in page and "<a " not in page


def test_a_slot_of_another_site_stays_with_its_text() -> None:
    page = split_parts("u/a.md", PAGE)["u/a.md"]
    assert fill_slots(page, lambda path: None) == page


def test_a_page_without_marks_stays_whole() -> None:
    assert split_parts("u/a.md", "# Judul\n\n<table></table>\n") == {
        "u/a.md": "# Judul\n\n<table></table>\n"}
