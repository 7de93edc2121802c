"""Step cards: which card shows which part of a step's text (pure).

A card is A6 whatever it holds. A step whose text would not fit on one card even in the
smallest readable type continues on the next card ("lanjutan"): its action is cut at a
sentence or word end, the first card says it continues, and the facts (inputs, output,
time, next step) stand on its last card. The type size of each card is then estimated
here and refined in the browser (assets/cards.js), which only ever makes text smaller down
to a floor size and marks a card that still does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

CARD_TEXT = 900
"""Characters one card holds in its densest readable type (10 pt action, 7 pt facts):
measured on Chromium's A6 card with Indonesian text, with room to spare."""

CARDS_PER_SHEET = 4
"""Four A6 cards fill one A4 sheet (2 x 2)."""

DENSE_TEXT = 380
DENSER_TEXT = 640
"""Characters on a card above which its type shrinks a step: a first guess, kept when
scripts are off; cards.js measures each card in the browser and sets the size that fits."""

T = TypeVar("T")


@dataclass(frozen=True)
class Card(Generic[T]):
    """One printed card: the step it belongs to, the part of its action it shows, its
    place among the step's cards (1-based) and its type density."""

    item: T
    action: str
    part: int
    parts: int
    density: str

    @property
    def last(self) -> bool:
        """The step's last card carries its facts (inputs, output, time, next step)."""
        return self.part == self.parts


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, each ending at a sentence
    end when one is in its last third, else at a word end (never inside a word that fits
    in a piece), so a reader can follow it from one card to the next."""
    words, pieces = text.split(" "), []
    current = ""
    for word in words:
        joined = f"{current} {word}" if current else word
        if len(joined) <= size or not current:
            current = joined
            continue
        cut = current.rfind(". ", size * 2 // 3)
        if cut > 0:
            pieces.append(current[:cut + 1])
            current = f"{current[cut + 2:]} {word}"
        else:
            pieces.append(current)
            current = word
    return [*pieces, current] if current or not pieces else pieces


def density(size: int) -> str:
    """The first guess of a card's type size from its characters."""
    return "denser" if size > DENSER_TEXT else "dense" if size > DENSE_TEXT else ""


def step_cards(item: T, action: str, other: int) -> list[Card[T]]:
    """The cards of one step: its ``action`` and ``other`` characters of facts on one card
    when they fit, else the action over as many cards as it needs, the facts on the last
    (on a card of their own when they leave no room beside the action)."""
    if len(action) + other <= CARD_TEXT:
        return [Card(item, action, 1, 1, density(len(action) + other))]
    pieces = chunks(action, CARD_TEXT)
    if len(pieces[-1]) + other > CARD_TEXT:
        pieces.append("")
    return [Card(item, piece, i, len(pieces),
                 density(len(piece) + (other if i == len(pieces) else 0)))
            for i, piece in enumerate(pieces, start=1)]


def sheets(cards: Sequence[Card[T]]) -> tuple[tuple[Card[T], ...], ...]:
    """The cards four to an A4 sheet, in order."""
    return tuple(tuple(cards[i:i + CARDS_PER_SHEET])
                 for i in range(0, len(cards), CARDS_PER_SHEET))
