"""Facts across SOPs: roles as one identity, backlinks, reviews due, links in notes.

Staff come with questions ("what do I do as Sekretaris?", "which SOPs are out of date?");
this module answers them from the validated library, purely, for the index pages.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.check.library import Library, SopEntry
from generator.check.organizations import Organization, org_key
from generator.source.durations import DurationTotal, total_of
from generator.source.life import Status
from generator.source.model import Role

REVIEW_HORIZON_DAYS = 30
"""An SOP shows on the review page from this many days before its review date."""


@dataclass(frozen=True)
class RoleUse:
    """What one role does in one SOP: its step numbers and its time per run."""

    entry: SopEntry
    step_numbers: tuple[int, ...]
    time: DurationTotal


@dataclass(frozen=True)
class SiteRole:
    """A role across its organisation (same id and name in every SOP of that office,
    checked by validate): 'Sekretaris' of two offices is two roles."""

    id: str
    name: str
    uses: tuple[RoleUse, ...]
    organization: Organization

    @property
    def time(self) -> DurationTotal:
        """Standard time of this role over one run of each of its SOPs."""
        total = DurationTotal()
        for use in self.uses:
            total += use.time
        return total


def role_use(entry: SopEntry, role: Role) -> RoleUse:
    """The steps of ``entry`` in which ``role`` acts, and their time added up."""
    steps = [(i + 1, s) for i, s in enumerate(entry.sop.steps) if role.id in s.actors]
    return RoleUse(entry, tuple(n for n, _ in steps),
                   total_of([s.standard.time for _, s in steps]))


RoleUses = list[tuple[Role, RoleUse]]


def entry_role_uses(entry: SopEntry) -> RoleUses:
    """Each role of ``entry`` that acts in one of its steps, with what it does there."""
    uses = [(role, role_use(entry, role)) for role in entry.sop.roles]
    return [(role, use) for role, use in uses if use.step_numbers]


def site_roles(library: Library, uses: Callable[[SopEntry], RoleUses] = entry_role_uses
               ) -> list[SiteRole]:
    """Every role of the site with the SOPs it acts in, sorted by office then name;
    ``uses``: each SOP's roles at work (``RenderCache.role_uses`` keeps them under serve)."""
    found: dict[tuple[str, str], tuple[str, Organization, list[RoleUse]]] = {}
    for entry in library.entries:
        for role, use in uses(entry):
            key = (entry.organization.slug, role.id)
            found.setdefault(key, (role.name, entry.organization, []))[2].append(use)
    roles = [SiteRole(rid, name, tuple(uses), org)
             for (_, rid), (name, org, uses) in found.items()]
    return sorted(roles, key=lambda role: (org_key(role.organization.name),
                                           role.name.casefold(), role.id))


def backlinks(library: Library) -> dict[str, list[SopEntry]]:
    """SOP id -> the SOPs that name it as related (a withdrawn SOP links nowhere now)."""
    result: dict[str, list[SopEntry]] = {entry.id: [] for entry in library.entries}
    for entry in library.entries:
        for related in entry.sop.related:
            if related.sop is not None and entry.sop.status != Status.WITHDRAWN:
                result[related.sop].append(entry)
    return result


@dataclass(frozen=True)
class ReviewDue:
    """An SOP whose review date has passed or is near."""

    entry: SopEntry
    review: datetime.date
    overdue: bool


def due_for_review(library: Library, today: datetime.date) -> list[ReviewDue]:
    """SOPs to review: the date has passed or falls within the next 30 days; oldest first."""
    horizon = today + datetime.timedelta(days=REVIEW_HORIZON_DAYS)
    due = [ReviewDue(e, e.sop.dates.review, e.sop.dates.review < today)
           for e in library.entries
           if e.sop.dates.review is not None and e.sop.dates.review <= horizon]
    return sorted(due, key=lambda item: (item.review, item.entry.id))


class MentionFinder:
    """Finds mentions of the site's SOPs (by title or number) in free text such as notes.

    "SOP Pelaksanaan Rapat" links to the SOP titled "Pelaksanaan Rapat"; the longest name
    wins where names overlap; names shorter than 4 characters are not matched. Names are
    looked up by their first word at each word of the text: one pattern of every name of a
    1,000-SOP site took a millisecond per note, trying 2,000 names at every character.
    """

    def __init__(self, library: Library) -> None:
        names = sorted(((name, e) for e in library.entries
                        for name in (e.sop.title, e.sop.number) if name and len(name) >= 4),
                       key=lambda item: -len(item[0]))
        self._by_name = {name.casefold(): entry for name, entry in names}
        self._by_word: dict[str, list[re.Pattern[str]]] = {}
        for name, _ in names:  # longest first, so each word's list is too
            word = _WORD.match(name)
            key = word.group(0).casefold() if word else ""
            self._by_word.setdefault(key, []).append(
                re.compile(rf"{re.escape(name)}(?!\w)", flags=re.IGNORECASE))
        odd = "" in self._by_word  # a name that starts with a mark: one pattern of all
        self._pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)"
                                            for name, _ in names), flags=re.IGNORECASE
                                   ) if odd else None

    def _mentions(self, text: str) -> Iterator[re.Match[str]]:
        """The names in ``text``, left to right, the longest at each place."""
        if self._pattern is not None:
            yield from self._pattern.finditer(text)
            return
        end = 0
        for word in _WORD.finditer(text):
            if word.start() < end:
                continue
            for pattern in self._by_word.get(word.group(0).casefold(), ()):
                if (found := pattern.match(text, word.start())) is not None:
                    yield found
                    end = found.end()
                    break

    def split(self, text: str, current: str) -> list[tuple[str, SopEntry | None]]:
        """``text`` as pieces, each with the SOP it names (never ``current``) or None."""
        if not self._by_word:
            return [(text, None)]
        parts: list[tuple[str, SopEntry | None]] = []
        last = 0
        for match in self._mentions(text):
            entry = self._by_name[match.group(0).casefold()]
            if entry.id == current:
                continue
            parts += [(text[last:match.start()], None), (match.group(0), entry)]
            last = match.end()
        parts.append((text[last:], None))
        return [(chunk, entry) for chunk, entry in parts if chunk]


_WORD = re.compile(r"\w+")
