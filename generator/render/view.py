"""What templates show, computed once per SOP: numbers, names, labels, formatted times.

Templates stay free of logic: they read these plain views and never look up roles or
resolve decision targets themselves; durations come formatted, except the role pages'
totals, which templates format with the ``fmt`` function they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.check import flow
from generator.check.library import Library, SopEntry
from generator.render.bars import BarGroup, role_bars
from generator.render.catalog import MentionFinder, backlinks
from generator.render.control import ControlView, control_view
from generator.render.locale import format_date
from generator.render.options import RenderOptions
from generator.render.paths import SopPages, sop_page_path
from generator.source.durations import format_duration, format_total
from generator.source.model import Sop


@dataclass(frozen=True)
class StepView:
    """One row of the step table, one checklist row, one card."""

    number: int
    action: str
    actor_ids: tuple[str, ...]
    actor_names: tuple[str, ...]
    lane_indexes: tuple[int, ...]
    inputs: tuple[str, ...]
    time: str
    output: str | None
    notes: str | None
    question: str | None
    yes_to: str | None
    no_to: str | None
    next_to: str | None
    is_terminator: bool
    note_parts: tuple[tuple[str, str | None], ...] = ()
    time_stated: bool = True
    does: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RelatedView:
    """A related SOP: a link when it is in the site, plain text when it is not."""

    text: str
    path: str | None


@dataclass(frozen=True)
class RevisionView:
    """One row of the revision history."""

    date: str
    number: str
    changes: str


@dataclass(frozen=True)
class SiteContext:
    """What every SOP page needs from the whole site, computed once per build."""

    library: Library
    backlinks: dict[str, list[SopEntry]]
    mentions: MentionFinder

    @classmethod
    def of(cls, library: Library) -> SiteContext:
        return cls(library, backlinks(library), MentionFinder(library))


@dataclass(frozen=True)
class SopView:
    """Everything a page of one SOP shows."""

    entry: SopEntry
    sop: Sop
    pages: SopPages
    steps: tuple[StepView, ...]
    related: tuple[RelatedView, ...]
    total_time: str
    kind: str | None
    made: str | None
    revised: str | None
    effective: str | None
    review: str | None = None
    approved: str | None = None
    backlinks: tuple[RelatedView, ...] = ()
    role_times: tuple[BarGroup, ...] = ()
    revisions: tuple[RevisionView, ...] = ()
    control: ControlView | None = None
    """Status and document control (None only for a view made without the site's options)."""

    @property
    def page_path(self) -> str:
        """The SOP page's docs path (its printables' and official document's: ``pages``)."""
        return self.pages.sop

    @property
    def lead(self) -> str:
        """What the SOP is about in one line: the first line of its scope, else its first
        step (the summary under the title, and its search result's teaser)."""
        text = self.scope or self.sop.steps[0].action
        return text.strip().splitlines()[0]

    @property
    def scope(self) -> str | None:
        """The scope, unless it only repeats the office's or the unit's name."""
        scope = self.sop.scope
        names = {self.entry.organization.name.casefold(), self.entry.unit_name.casefold()}
        return scope if scope and scope.strip().casefold() not in names else None


def target_text(edge: flow.Edge, labels: dict[str, str]) -> str:
    """'ke langkah 4', 'selesai', or 'tidak tercantum' for an answer the source omits."""
    if edge.unknown:
        return labels["not_stated"]
    return labels["to_end"] if edge.target is None else f"{labels['goes_to']} {edge.target + 1}"


def step_views(sop: Sop, labels: dict[str, str]) -> tuple[StepView, ...]:
    """The steps with everything resolved: role names, lanes, where each answer leads."""
    roles = {role.id: (i, role.name) for i, role in enumerate(sop.roles)}
    by_source: dict[int, dict[str | None, flow.Edge]] = {}
    for edge in flow.edges(sop):
        by_source.setdefault(edge.source, {})[edge.branch] = edge
    views = []
    last = len(sop.steps) - 1
    for i, step in enumerate(sop.steps):
        actors = sorted(step.actors, key=lambda actor: roles[actor][0])
        exits = by_source[i]
        views.append(StepView(
            number=i + 1, action=step.action, actor_ids=tuple(actors),
            actor_names=tuple(roles[a][1] for a in actors),
            lane_indexes=tuple(roles[a][0] for a in actors),
            inputs=tuple(step.standard.inputs), time=format_duration(step.standard.time, labels),
            output=step.standard.output, notes=step.notes,
            question=(step.decision.question or step.action) if step.decision else None,
            yes_to=target_text(exits["yes"], labels) if step.decision else None,
            no_to=target_text(exits["no"], labels) if step.decision else None,
            next_to=None if step.decision else target_text(exits[None], labels),
            is_terminator=i in (0, last), time_stated=step.standard.time is not None,
            does=tuple(step.does.items())))
    return tuple(views)


def _with_note_links(steps: tuple[StepView, ...], entry: SopEntry, site: SiteContext
                     ) -> tuple[StepView, ...]:
    return tuple(replace(step, note_parts=tuple(
        (text, sop_page_path(target) if target else None)
        for text, target in site.mentions.split(step.notes, entry.id))) if step.notes else step
        for step in steps)


def sop_view(entry: SopEntry, library: Library, labels: dict[str, str],
             site: SiteContext | None = None, options: RenderOptions | None = None
             ) -> SopView:
    """The view of one SOP in the context of its site (related links, backlinks, status)."""
    site = site or SiteContext.of(library)
    sop = entry.sop
    related = []
    for item in sop.related:
        if item.sop is not None:
            other = library.by_id(item.sop)
            related.append(RelatedView(other.sop.title, sop_page_path(other)))
        else:
            related.append(RelatedView(item.text or "", None))
    return SopView(
        entry=entry, sop=sop, pages=SopPages.of(sop_page_path(entry)),
        steps=_with_note_links(step_views(sop, labels), entry, site), related=tuple(related),
        total_time=format_total(entry.total_time, labels),
        kind=labels[f"kind_{sop.kind.value}"] if sop.kind else None,
        made=format_date(sop.dates.made, labels), revised=format_date(sop.dates.revised, labels),
        effective=format_date(sop.dates.effective, labels),
        review=format_date(sop.dates.review, labels),
        approved=format_date(sop.dates.approved, labels),
        backlinks=tuple(RelatedView(e.sop.title, sop_page_path(e))
                        for e in site.backlinks.get(entry.id, [])),
        role_times=role_bars(entry, labels),
        revisions=tuple(RevisionView(format_date(r.date, labels) or "", r.number, r.changes)
                        for r in sop.revisions),
        control=control_view(entry, library, labels, options or RenderOptions()))
