"""Durations as written in SOPs, and totals that keep clock time and days apart."""

from __future__ import annotations

import pytest

from generator.render.locale import labels
from generator.source.durations import (
    Duration,
    TimeUnit,
    format_duration,
    format_total,
    parse_duration,
    total_of,
)

ID = labels("id")


@pytest.mark.parametrize(("value", "amount", "unit"), [
    (15, 15, TimeUnit.MINUTES), ("15", 15, TimeUnit.MINUTES), ("30 menit", 30, TimeUnit.MINUTES),
    ("2 jam", 2, TimeUnit.HOURS), ("1,5 jam", 1.5, TimeUnit.HOURS), ("1 hari", 1, TimeUnit.DAYS),
    ("3 hari kerja", 3, TimeUnit.WORKING_DAYS), ("3  Hari  Kerja", 3, TimeUnit.WORKING_DAYS),
    (7.5, 7.5, TimeUnit.MINUTES),
])
def test_parse(value: object, amount: float, unit: TimeUnit) -> None:
    parsed = parse_duration(value)
    assert (parsed.amount, parsed.unit) == (amount, unit)


@pytest.mark.parametrize("value", [-5, "-2 jam", "dua jam", "2 minggu", True, None, [1]])
def test_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def test_negative_message_says_negative() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        parse_duration(-1)


def test_shown_as_written() -> None:
    assert format_duration(parse_duration(15), ID) == "15 menit"
    assert format_duration(parse_duration("3 hari kerja"), ID) == "3 hari kerja"


def test_total_minutes_and_hours_into_hours_and_minutes() -> None:
    total = total_of([parse_duration(x) for x in (15, "2 jam", 30)])
    assert total.clock_minutes == 165
    assert format_total(total, ID) == "165 menit (2 jam 45 menit)"


def test_days_are_kept_apart_from_clock_time() -> None:
    durations = [parse_duration(x) for x in ("3 hari kerja", "1 hari", 30, "1 hari kerja")]
    total = total_of(durations)
    assert (total.working_days, total.days, total.clock_minutes) == (4, 1, 30)
    assert format_total(total, ID) == "4 hari kerja + 1 hari + 30 menit"


def test_english_labels() -> None:
    total = total_of([Duration(90, TimeUnit.MINUTES, "90")])
    assert format_total(total, labels("en")) == "90 min (1 h 30 min)"
