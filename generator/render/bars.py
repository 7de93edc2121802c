"""The 'time per role' chart of an SOP page: one group of bars per measure.

A role with "1 hari" drawn next to one with 155 menit on one scale looks as if the day
were nothing; so clock time, days and working days each get their own group and scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.library import SopEntry
from generator.render.catalog import role_use
from generator.source.durations import DurationTotal, format_total


@dataclass(frozen=True)
class RoleTime:
    """One bar of the 'time per role' chart: a role's standard time in one run, in one
    measure (clock time, days or working days)."""

    name: str
    lane: int
    time: str
    percent: int


@dataclass(frozen=True)
class BarGroup:
    """The bars of one measure, on their own scale: a day is never drawn next to minutes
    as if it were a short time."""

    title: str
    bars: tuple[RoleTime, ...]


MEASURES = (("bars_clock", "clock_minutes"), ("bars_days", "days"),
            ("bars_working_days", "working_days"))
"""The measures role times are drawn in, each on its own scale (locale key, total field)."""


def role_bars(entry: SopEntry, labels: dict[str, str]) -> tuple[BarGroup, ...]:
    """One group of bars per measure a role uses; clock time always (as before), days
    and working days only where some role has them."""
    totals = [(lane, role.name, role_use(entry, role).time)
              for lane, role in enumerate(entry.sop.roles)]
    groups = []
    for title, measure in MEASURES:
        shown = [(lane, name, total, float(getattr(total, measure)))
                 for lane, name, total in totals
                 if getattr(total, measure) or (measure == "clock_minutes" and (
                     total.is_clock_only or total.stated == 0))]
        if not shown:
            continue
        longest = max(value for *_, value in shown) or 1
        groups.append(BarGroup(labels[title], tuple(
            RoleTime(name, lane, format_total(_part(total, measure), labels),
                     round(100 * value / longest))
            for lane, name, total, value in shown)))
    return tuple(groups)


def _part(total: DurationTotal, measure: str) -> DurationTotal:
    """The one measure of a total, still saying how many steps it covers."""
    if total.stated == 0:
        return total
    return DurationTotal(
        clock_minutes=total.clock_minutes if measure == "clock_minutes" else 0,
        days=total.days if measure == "days" else 0,
        working_days=total.working_days if measure == "working_days" else 0,
        stated=total.stated, unstated=total.unstated)
