"""Printable checklist and step cards of one SOP: their views and pages (pure).

Trainers print them and staff follow them at the desk, so each is a page of its own whose
print layout is the product (A4 checklist, A6 cards four to a sheet). Everything the
templates need is computed here: lane colours, clock minutes per step for the progress
bar, which records sign off, the cards grouped by sheet, the text each page says once
in CSS custom properties.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.assets import SITE_PREFIX, Assets, link_assets
from generator.render.cards import Card, density, sheets, step_cards
from generator.render.environment import render
from generator.render.escape import css_string
from generator.render.palette import LANE_COLOURS
from generator.render.paths import PRINTABLE_KINDS, printable_path
from generator.render.slots import split_body
from generator.render.view import SopView, StepView
from generator.source.durations import DurationTotal, total_of

STYLESHEET = f"{SITE_PREFIX}/printables.css"
SCRIPTS = {"checklist": (f"{SITE_PREFIX}/checklist.js",), "cards": (f"{SITE_PREFIX}/cards.js",)}
"""Loaded only by printable pages: the rest of the site keeps its own print look."""

@dataclass(frozen=True)
class RoleChip:
    """A role as printed on a checklist row or card, in its diagram lane's colours: ``lane``
    names the class ``lane<n>`` that printables.css colours as ``palette.LANE_COLOURS[n]``
    (one rule per colour for the site instead of the colours on every chip)."""

    name: str
    lane: int


@dataclass(frozen=True)
class PrintStep:
    """A step with what the printables add to its :class:`StepView`."""

    step: StepView
    roles: tuple[RoleChip, ...]
    time: DurationTotal
    density: str

    @property
    def lane(self) -> int:
        """The colour class of the step's card: its first role's lane."""
        return self.roles[0].lane

    @property
    def times(self) -> tuple[tuple[str, str], ...]:
        """The standard time as the checklist row's data attributes for checklist.js: only
        the kinds this step has (a missing one reads as 0), numbers without a needless
        ".0"."""
        values = (("minutes", self.time.clock_minutes), ("days", self.time.days),
                  ("working-days", self.time.working_days))
        return tuple((name, number(value)) for name, value in values if value)


@dataclass(frozen=True)
class SignOff:
    """One holder from the SOP's records who signs or initials the completed checklist."""

    holder: str
    record: str
    sign: str


@dataclass(frozen=True)
class PrintableView:
    """What the checklist and cards templates show."""

    steps: tuple[PrintStep, ...]
    sheets: tuple[tuple[Card[PrintStep], ...], ...]
    sign_offs: tuple[SignOff, ...]
    storage_key: str
    cards_style: Markup
    checklist_style: Markup
    sop_path: str
    checklist_path: str
    cards_path: str


def number(value: float) -> str:
    """``value`` as short as it reads exactly: 60.0 -> "60", 1.5 -> "1.5"."""
    return str(int(value)) if value.is_integer() else repr(value)


def _facts(step: StepView, warnings: list[str]) -> int:
    """Characters a step's card shows besides its action (decided before print)."""
    texts = [step.output or "", step.notes or "", step.question or "",
             *step.inputs, *step.actor_names, *warnings]
    return sum(len(text) for text in texts)


def print_steps(view: SopView) -> tuple[PrintStep, ...]:
    """The steps with lane colours, standard time as numbers, and card density."""
    result = []
    for step, source in zip(view.steps, view.sop.steps, strict=True):
        does = dict(step.does)  # what each actor does here (paraf, tanda tangan), if stated
        chips = tuple(RoleChip(f"{name}: {does[actor]}" if actor in does else name,
                               lane % len(LANE_COLOURS)) for name, lane, actor in
                      zip(step.actor_names, step.lane_indexes, step.actor_ids, strict=True))
        result.append(PrintStep(step, chips, total_of([source.standard.time]),
                                density(len(step.action) + _facts(step, view.sop.warnings))))
    return tuple(result)


def sign_offs(view: SopView, labels: dict[str, str]) -> tuple[SignOff, ...]:
    """The records' holders who sign or initial; those who only keep a record do not."""
    return tuple(SignOff(entry.holder, entry.record, labels[f"sign_{entry.sign}"])
                 for entry in view.sop.records.entries if entry.sign is not None)


def storage_key(view: SopView) -> str:
    """Where the browser keeps the ticks: per SOP and per revision, so a revised SOP
    starts with a clean checklist instead of ticks that belonged to other steps."""
    dates = view.sop.dates
    revision = dates.revised or dates.effective
    return f"sopgen.checklist:{view.page_path}:{revision.isoformat() if revision else '-'}"


def custom_properties(values: dict[str, str]) -> Markup:
    """CSS custom properties (``--sopgen-<name>``) holding ``values`` as CSS strings: text a
    printable shows on every card or row, said once per page and put there by its CSS
    (``content: var(...)``). Every value is escaped (:func:`css_string`), so none can end
    the declaration or the ``<style>`` element."""
    return Markup(";".join(f"--sopgen-{name}:{css_string(value)}"
                           for name, value in values.items()))


def css_lines(texts: list[str]) -> Markup:
    """Texts as one CSS ``content`` value, each line of each a :func:`css_string` with a
    line break (``"\\A"``, shown by ``white-space: pre-line``) between: as HTML shows
    them, one text per line and a text's own line breaks kept."""
    lines = [line for text in texts for line in text.splitlines() or [""]]
    return Markup(' "\\A" '.join(css_string(line) for line in lines))


def cards_style(view: SopView, labels: dict[str, str]) -> Markup:
    """The text every step card repeats: the SOP's number (its title when it has none),
    its warnings, the note of a card too full even in the smallest type, and the QR code
    image (the SOP page's address) when the site has one."""
    values = {"sop": view.sop.number or view.sop.title, "overfull": labels["card_overfull"],
              "warnings-label": labels["warnings"]}
    style = custom_properties(values)
    if view.sop.warnings:
        style = Markup(f"{style};--sopgen-warnings:{css_lines(view.sop.warnings)}")
    qr = view.control.qr_image if view.control else None
    return style if qr is None else Markup(f"{style};--sopgen-qr:url({css_string(qr)})")


def checklist_style(labels: dict[str, str]) -> Markup:
    """The labels a checklist row shows before its cells on a phone (one card per step,
    no header row): said once on the table instead of on every cell."""
    return custom_properties({"step": labels["step"], "roles": labels["col_performers"],
                              "inputs": labels["col_inputs"], "output": labels["col_output"],
                              "time": labels["col_time"]})


def printable_view(view: SopView, labels: dict[str, str]) -> PrintableView:
    """Everything the two printables of one SOP show."""
    steps = print_steps(view)
    cards = [card for item in steps for card in
             step_cards(item, item.step.action, _facts(item.step, view.sop.warnings))]
    return PrintableView(
        steps=steps, sheets=sheets(cards), sign_offs=sign_offs(view, labels),
        storage_key=storage_key(view),
        cards_style=cards_style(view, labels), checklist_style=checklist_style(labels),
        sop_path=view.pages.sop, checklist_path=view.pages.checklist,
        cards_path=view.pages.cards)


def render_printables(view: SopView, labels: dict[str, str]) -> dict[str, str]:
    """The checklist and cards pages of one SOP: docs path -> Markdown, each with its body
    of HTML as a side file (``slots.split_body``: it never goes through Markdown)."""
    printable = printable_view(view, labels)
    pages = {}
    for kind in PRINTABLE_KINDS:
        page = printable_path(view.page_path, kind)
        pages.update(split_body(page, render(f"{kind}.md.j2", p=printable, view=view,
                                             sop=view.sop, L=labels, page=page)))
    return pages


_MARKER = re.compile(r'data-sopgen-printable="([a-z]+)"')


def printable_kind(html: str) -> str | None:
    """'checklist' or 'cards' for a built printable page, else None. The marker's quote can
    not come from SOP text, where every quote is escaped."""
    match = _MARKER.search(html)
    return match.group(1) if match and match.group(1) in PRINTABLE_KINDS else None


def assets_needed(html: str) -> Assets:
    """A printable page's stylesheet and scripts (none for any other page): what the
    adapter links into the built page and the export into the Markdown."""
    kind = printable_kind(html)
    return ((), ()) if kind is None else ((STYLESHEET,), SCRIPTS[kind])


def add_assets(html: str, relative: Callable[[str], str]) -> str:
    """A built printable page with its stylesheet (end of head) and scripts (end of body);
    any other page comes back unchanged."""
    return link_assets(html, relative, *assets_needed(html))
