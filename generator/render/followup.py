"""What needs doing after publishing: SOPs due for monitoring, and actions still open.

Permen PAN-RB 35/2012 has every SOP monitored regularly, every six months. The next
monitoring is due six months after the last one recorded, or after the effective date
when none is; an SOP that states neither is not listed (its date is unknown, not guessed).
Drafts are not in force yet and withdrawn SOPs no longer are: neither is monitored.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from generator.check.library import Library, SopEntry
from generator.render.catalog import REVIEW_HORIZON_DAYS
from generator.render.environment import render
from generator.render.forms import monitoring_points
from generator.render.locale import format_date
from generator.render.options import RenderOptions
from generator.render.paths import FOLLOWUP_PAGE, sop_page_path
from generator.source.life import Criterion, Status

MONITORING_MONTHS = 6
"""Monitoring SOP AP dilaksanakan secara reguler setiap 6 (enam) bulan sekali."""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` that many calendar months later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class MonitoringDue:
    """An SOP whose next monitoring has passed or is near."""

    entry: SopEntry
    last: datetime.date | None
    due: datetime.date
    overdue: bool


@dataclass(frozen=True)
class OpenAction:
    """An action a monitoring or evaluation asked for that is not recorded as done."""

    entry: SopEntry
    date: datetime.date
    source: str
    subject: str
    action: str


def _monitored(entry: SopEntry) -> bool:
    return entry.sop.status not in (Status.DRAFT, Status.WITHDRAWN)


def monitoring_due(library: Library, today: datetime.date) -> list[MonitoringDue]:
    """SOPs whose next monitoring falls on or before 30 days from ``today``; oldest first."""
    horizon = today + datetime.timedelta(days=REVIEW_HORIZON_DAYS)
    result = []
    for entry in filter(_monitored, library.entries):
        last = max((m.date for m in entry.sop.monitorings), default=None)
        base = last or entry.sop.dates.effective
        if base is None:
            continue
        due = add_months(base, MONITORING_MONTHS)
        if due <= horizon:
            result.append(MonitoringDue(entry, last, due, due < today))
    return sorted(result, key=lambda item: (item.due, item.entry.id))


def open_actions(library: Library, labels: dict[str, str]) -> list[OpenAction]:
    """Every action of a recorded monitoring or evaluation not yet done; oldest first."""
    result = []
    order = list(Criterion)
    for entry in filter(_monitored, library.entries):
        points = monitoring_points(entry.sop)
        for monitoring in entry.sop.monitorings:
            result += [OpenAction(entry, monitoring.date, labels["history_monitoring"],
                                  points[item.point - 1], item.action)
                       for item in monitoring.results if item.action and not item.done]
        for evaluation in entry.sop.evaluations:
            result += [OpenAction(entry, evaluation.date, labels["history_evaluation"],
                                  labels[f"criterion_{item.criterion.value}"], item.action)
                       for item in sorted(evaluation.results,
                                          key=lambda item: order.index(item.criterion))
                       if item.action and not item.done]
    return sorted(result, key=lambda item: (item.date, item.entry.id))


def render_followup_page(library: Library, labels: dict[str, str], options: RenderOptions
                         ) -> tuple[str, dict[str, int]]:
    """The page of SOPs due for monitoring and of open actions; and the home page's counts."""
    due = monitoring_due(library, options.today)
    actions = open_actions(library, labels)
    text = render("followup.md.j2", due=due, actions=actions, L=labels, page=FOLLOWUP_PAGE,
                  today=format_date(options.today, labels),
                  date=lambda value: format_date(value, labels), sop_page=sop_page_path)
    return text, {"monitoring_due": len(due), "open_actions": len(actions)}
