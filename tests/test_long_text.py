"""Long text (#12): how cards and official pages cut a long step (pure, no browser)."""

from __future__ import annotations

from generator.render.cards import CARD_TEXT, chunks, step_cards
from generator.render.official.paging import Paper, Part, Row, paginate
from helpers.sops import long_text

PAPER = Paper(500.0, 13.5, 6.0)


def test_chunks_cut_at_sentence_or_word_ends_and_lose_nothing() -> None:
    text = long_text(5200)
    pieces = chunks(text, CARD_TEXT)
    assert " ".join(pieces) == text
    assert all(len(piece) <= CARD_TEXT for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces[:-1]), "sentences stay whole"


def test_a_long_action_continues_and_its_facts_stand_on_the_last_card() -> None:
    cards = step_cards("s", long_text(2100), 200)
    assert [c.part for c in cards] == [1, 2, 3] and {c.parts for c in cards} == {3}
    assert [c.last for c in cards] == [False, False, True]
    assert step_cards("s", "Menerima berkas", 50)[0].parts == 1


def test_a_row_taller_than_a_page_fills_the_page_and_continues() -> None:
    rows = [Row(0, 3, 60.0, 50.0), Row(1, 100, 100 * 13.5 + 12, 50.0), Row(2, 3, 60.0, 50.0)]
    pages = paginate(rows, 8, PAPER)
    tall = [part for page in pages for part in page if part.step == 1]
    assert tall[0].first == 0 and len(tall) >= 3
    assert paginate(rows[:2], 1, PAPER)[0] == [Part(0, 0, 3, 60.0)]
    assert paginate(rows[:2], 8, PAPER)[0][1] == tall[0] or len(pages[0]) == 1
    assert [p.first for p in tall[1:]] == [p.last for p in tall[:-1]] and tall[-1].last == 100
    assert all(sum(part.height for part in page) <= PAPER.budget for page in pages)


def test_pages_are_balanced_no_lone_step() -> None:
    rows = [Row(i, 2, 60.0, 50.0) for i in range(9)]
    pages = paginate(rows, 8, Paper(10_000.0, 13.5, 6.0))
    assert [len(page) for page in pages] == [5, 4]
    pages = paginate(rows, 8, Paper(8 * 60.0, 13.5, 6.0))  # height allows 8: still 5 + 4
    assert [len(page) for page in pages] == [5, 4]
