"""The monitoring and evaluation forms of one SOP, and its recorded results (pure).

Permen PAN-RB 35/2012, Bab IV: an SOP is monitored every six months with Tabel 7
"Monitoring Pelaksanaan SOP AP" and its application evaluated against seven criteria.
The forms are A4 pages to print and fill in by hand, pre-filled with the SOP's name and
number and a row per monitoring point (the SOP's own points, else its steps); the results
an office types back into the YAML file show on the SOP page as a history.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.environment import render
from generator.render.locale import format_date
from generator.render.slots import split_body
from generator.render.view import SopView
from generator.source.life import Criterion
from generator.source.model import Sop


@dataclass(frozen=True)
class FindingRow:
    """One assessed point or criterion of a recorded monitoring or evaluation."""

    number: int
    subject: str
    result: str
    positive: bool
    notes: str | None
    action: str | None
    action_state: str | None


@dataclass(frozen=True)
class Assessment:
    """One recorded monitoring or evaluation, as the SOP page's history shows it."""

    date: str
    assessor: str
    rows: tuple[FindingRow, ...]
    notes: str | None


def monitoring_points(sop: Sop) -> tuple[str, ...]:
    """The rows of the monitoring form: the SOP's monitoring points, else its steps."""
    return tuple(sop.monitoring_points) or tuple(step.action for step in sop.steps)


def criteria(labels: dict[str, str]) -> tuple[str, ...]:
    """The regulation's evaluation criteria, in its order, in the site's language."""
    return tuple(labels[f"criterion_{criterion.value}"] for criterion in Criterion)


def _state(action: str | None, done: bool, labels: dict[str, str]) -> str | None:
    if action is None:
        return None
    return labels["action_done"] if done else labels["action_open"]


def monitoring_history(sop: Sop, labels: dict[str, str]) -> tuple[Assessment, ...]:
    """Every recorded monitoring, newest first, each point with its result and action."""
    points = monitoring_points(sop)
    result = []
    for entry in sop.monitorings:
        rows = tuple(FindingRow(
            item.point, points[item.point - 1],
            labels["mon_good"] if item.good else labels["mon_not_good"], item.good,
            item.notes, item.action, _state(item.action, item.done, labels))
            for item in sorted(entry.results, key=lambda item: item.point))
        result.append(Assessment(format_date(entry.date, labels) or "", entry.assessor, rows,
                                 entry.notes))
    return tuple(reversed(result))


def evaluation_history(sop: Sop, labels: dict[str, str]) -> tuple[Assessment, ...]:
    """Every recorded evaluation, newest first, criteria in the regulation's order."""
    order = list(Criterion)
    result = []
    for entry in sop.evaluations:
        rows = tuple(FindingRow(
            order.index(item.criterion) + 1, labels[f"criterion_{item.criterion.value}"],
            labels["eval_yes"] if item.met else labels["eval_no"], item.met,
            item.notes, item.action, _state(item.action, item.done, labels))
            for item in sorted(entry.results, key=lambda item: order.index(item.criterion)))
        result.append(Assessment(format_date(entry.date, labels) or "", entry.assessor, rows,
                                 entry.notes))
    return tuple(reversed(result))


def render_forms(view: SopView, labels: dict[str, str]) -> dict[str, str]:
    """The monitoring and evaluation forms of one SOP: docs path -> Markdown, each with
    its body of HTML as a side file (``slots.split_body``: it never goes through Markdown)."""
    common = {"view": view, "sop": view.sop, "L": labels, "control": view.control}
    return {
        **split_body(view.pages.monitoring, render(
            "monitoring.md.j2", page=view.pages.monitoring, rows=monitoring_points(view.sop),
            **common)),
        **split_body(view.pages.evaluation, render(
            "evaluation.md.j2", page=view.pages.evaluation, rows=criteria(labels), **common)),
    }
