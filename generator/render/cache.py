"""What ``sopgen serve`` remembers between rebuilds: each SOP's view and pages.

An SOP's pages depend on its own file and on a few facts about the other SOPs (their
ids, titles, numbers, units and related links: for links, backlinks and names in notes).
When an author saves one file, only that SOP's pages are rendered again; a change to any
of those facts renders everything again. Pages across SOPs (a role's page, an SOP's part
of the quality notes) are kept too, each with the SOPs it shows: it is rendered again
when one of them was (:meth:`RenderCache.text`). The other pages across SOPs (home,
units, roles index, review, map, follow-up) are kept while no SOP they show changed in
more than its steps' words (:meth:`RenderCache.kept`, ``render.shape``); a role's
uses of each SOP are kept with the SOP (:meth:`RenderCache.role_uses`). A one-off build
uses no cache at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

from generator.check.library import Library, SopEntry
from generator.check.lint.run import LintWarning
from generator.render.catalog import RoleUses, entry_role_uses
from generator.render.shape import same_outside_steps_words
from generator.render.view import SiteContext, SopView
from generator.source.model import Sop


def site_fingerprint(library: Library) -> int:
    """What every SOP page may show of the other SOPs, as one hash."""
    return hash(tuple((e.id, e.unit_id, e.unit_name, e.organization, e.sop.title, e.sop.number,
                       tuple(r.sop or "" for r in e.sop.related)) for e in library.entries))


@dataclass
class _Rendered:
    sop: Sop
    key: Hashable
    view: SopView
    pages: dict[str, str]
    warnings: list[LintWarning]


T = TypeVar("T")
Rendered = tuple[SopView, dict[str, str], list[LintWarning]]
"""One SOP's view, its pages and its lint warnings (which its page may count)."""


class RenderCache:
    """Views and pages per SOP, valid while the SOP object and the render key stay."""

    def __init__(self) -> None:
        self._site: tuple[int, SiteContext] | None = None
        self._entries: dict[str, _Rendered] = {}
        self._fresh: set[str] = set()
        self._reshaped: set[str] = set()
        self._values: dict[Hashable, object] = {}
        self._kept_values: dict[Hashable, object] = {}
        self._uses: dict[str, tuple[Sop, RoleUses]] = {}

    def site_context(self, library: Library, fingerprint: int) -> SiteContext:
        """The site context, built again only when the fingerprint changed."""
        if self._site is None or self._site[0] != fingerprint:
            self._site = (fingerprint, SiteContext.of(library))
        return self._site[1]

    def get(self, entry: SopEntry, key: Hashable) -> Rendered | None:
        """The remembered view and pages of ``entry``, if its file and the key are the same
        (loading keeps the same immutable Sop object while the file is unchanged)."""
        hit = self._entries.get(entry.id)
        if hit is None or hit.sop is not entry.sop or hit.key != key:
            return None
        return hit.view, hit.pages, hit.warnings

    def put(self, entry: SopEntry, key: Hashable, view: SopView, pages: dict[str, str],
            warnings: list[LintWarning]) -> None:
        """Remember ``entry``'s pages; it counts as rendered anew until the next round,
        and as changed for the pages across SOPs unless only its steps' words changed."""
        old = self._entries.get(entry.id)
        if old is None or old.key != key or not same_outside_steps_words(old.sop, entry.sop):
            self._reshaped.add(entry.id)
        self._entries[entry.id] = _Rendered(entry.sop, key, view, pages, warnings)
        self._fresh.add(entry.id)

    def start_round(self) -> None:
        """A new rendering of the site begins: texts kept from the last one stay
        available, and no SOP counts as rendered anew yet."""
        self._values, self._kept_values = self._kept_values, {}
        self._fresh, self._reshaped = set(), set()

    def text(self, key: Hashable, shows: Iterable[str], make: Callable[[], str]) -> str:
        """The text remembered under ``key``, made again when there is none or when an SOP
        it ``shows`` (ids) was rendered anew this round. Texts not asked for in a round
        are forgotten at the next one."""
        return self._recall(("text", key), shows, self._fresh, make)

    def kept(self, key: Hashable, shows: Iterable[str], make: Callable[[], T]) -> T:
        """The value remembered under ``key``, made again when there is none or when an
        SOP it ``shows`` (ids) changed this round in more than its steps' words. For pages
        that show no step's words; ``key`` names the SOPs shown, so one added or gone
        makes the value again. Values not asked for in a round are forgotten."""
        return self._recall(("kept", key), shows, self._reshaped, make)

    def _recall(self, key: Hashable, shows: Iterable[str], changed: set[str],
                make: Callable[[], T]) -> T:
        """The value of the last round under ``key``, or ``make()`` when there is none or
        an SOP it ``shows`` is in ``changed``; kept for the next round either way."""
        found = self._values.get(key, self._values)  # the dict itself: nothing kept
        if found is self._values or not changed.isdisjoint(shows):
            found = make()
        self._kept_values[key] = found
        return cast(T, found)

    def role_uses(self, entry: SopEntry) -> RoleUses:
        """What each role does in ``entry`` (``catalog.entry_role_uses``), worked out again
        only when its SOP changed; each use names this round's entry."""
        hit = self._uses.get(entry.id)
        if hit is None or hit[0] is not entry.sop:
            hit = self._uses[entry.id] = (entry.sop, entry_role_uses(entry))
        return [(role, use if use.entry is entry else dataclasses.replace(use, entry=entry))
                for role, use in hit[1]]

    def keep_only(self, ids: set[str]) -> None:
        """Forget SOPs that are gone."""
        for sop_id in set(self._entries) - ids:
            del self._entries[sop_id]
        for sop_id in set(self._uses) - ids:
            del self._uses[sop_id]
