"""Durations as SOPs write them ("15", "2 jam", "1 hari", "3 hari kerja") and their totals.

The official table gives Waktu in minutes, but real offices also write hours and days.
Clock time (minutes, hours) adds up into hours and minutes; calendar days and working days
are kept apart, because 1 working day is not 24 hours and a total that mixed them would lie.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class TimeUnit(StrEnum):
    """The units an SOP may state a duration in."""

    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"


_UNIT_WORDS: dict[str, TimeUnit] = {
    "menit": TimeUnit.MINUTES, "mnt": TimeUnit.MINUTES, "min": TimeUnit.MINUTES,
    "minute": TimeUnit.MINUTES, "minutes": TimeUnit.MINUTES,
    "jam": TimeUnit.HOURS, "hour": TimeUnit.HOURS, "hours": TimeUnit.HOURS,
    "hari": TimeUnit.DAYS, "day": TimeUnit.DAYS, "days": TimeUnit.DAYS,
    "hari kerja": TimeUnit.WORKING_DAYS, "working day": TimeUnit.WORKING_DAYS,
    "working days": TimeUnit.WORKING_DAYS,
}


def _any_case(word: str) -> str:
    """'jam' -> '[jJ][aA][mM]': JSON Schema patterns (ECMA-262) have no ignore-case flag,
    and forms write 'Menit', 'JAM' as often as 'menit'."""
    return "".join(" +" if ch == " " else f"[{ch}{ch.upper()}]" for ch in word)


_UNITS = "|".join(_any_case(word) for word in sorted(_UNIT_WORDS, key=len, reverse=True))
DURATION_PATTERN = rf"^\s*[0-9]+(?:[.,][0-9]+)?\s*(?:(?:{_UNITS})\s*)?$"
"""What the loader accepts as a written duration, for the JSON Schema: the same unit words
in any case, so editors and ``sopgen check`` agree (a test feeds both the same examples)."""
MAX_AMOUNT = 1e9
"""A billion minutes is 1,900 years: a larger number is a typo, and its sum would print in
exponent notation."""
_DURATION_RE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z ]*?)\s*$")


@dataclass(frozen=True)
class Duration:
    """One step's standard time, kept as written so pages can show it unchanged."""

    amount: float
    unit: TimeUnit
    text: str

    @property
    def clock_minutes(self) -> float:
        """Minutes of clock time; 0 for day-based durations."""
        factor = {TimeUnit.MINUTES: 1, TimeUnit.HOURS: 60}.get(self.unit, 0)
        return self.amount * factor


def parse_optional_duration(value: Any) -> Duration | None:
    """A duration, or None for a blank or missing one: 'not stated in the source' is not 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_duration(value)


def parse_duration(value: Any) -> Duration:
    """Read a duration; a bare number means minutes, as in the official table."""
    if isinstance(value, Duration):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("a duration is a number of minutes or text such as '2 jam'")
    if isinstance(value, int | float):
        amount = _finite(value, _shown_number(value))
        if amount < 0:
            raise ValueError(f"the time must not be negative (got {value})")
        return Duration(amount, TimeUnit.MINUTES, _number_text(amount))
    return _parse_text(value)


def _finite(value: float | str, shown: str) -> float:
    """A number of minutes that a total can hold: YAML's .inf and .nan, or a number too
    large for a float, would crash or poison every sum it is added to."""
    try:
        amount = float(value)
    except OverflowError:
        amount = math.inf
    if math.isnan(amount):
        reason = ".nan is not a number"
    elif isinstance(value, float) and math.isinf(value):
        reason = "the number is infinite (.inf) or too large to count"
    elif amount > MAX_AMOUNT:
        reason = f"{shown} is too large (more than {MAX_AMOUNT:,.0f})"
    else:
        return amount
    raise ValueError(f"{reason}; a time is a finite number of minutes, hours or days")


def _shown_number(value: int | float) -> str:
    digits = str(abs(value)) if isinstance(value, int) else ""
    return f"a number of {len(digits)} digits" if len(digits) > 15 else str(value)


def _parse_text(value: str) -> Duration:
    text = value.strip()
    if text.startswith("-"):
        raise ValueError(f"the time must not be negative (got '{text}')")
    match = _DURATION_RE.match(text)
    unit = _UNIT_WORDS.get(" ".join(match.group(2).lower().split())) if match else None
    if match and not match.group(2):
        unit = TimeUnit.MINUTES
    if match is None or unit is None:
        raise ValueError(f"'{text}' is not a duration; write minutes (15), or '2 jam', "
                         "'1 hari', '3 hari kerja'")
    amount = _finite(match.group(1).replace(",", "."), f"'{text}'")
    shown = text if match.group(2) else _number_text(amount)
    return Duration(amount, unit, shown)


def _number_text(amount: float) -> str:
    """A number as Indonesians write it: 90, 1,5."""
    return str(int(amount)) if amount == int(amount) else f"{amount:g}".replace(".", ",")


@dataclass(frozen=True)
class DurationTotal:
    """A sum of durations with clock time and the two kinds of days kept apart, and how
    many of the steps it adds up had a time at all: a time not stated is not 0, so a total
    says what it covers ("of 6 of 9 steps") instead of passing for the whole."""

    clock_minutes: float = 0.0
    days: float = 0.0
    working_days: float = 0.0
    stated: int = 0
    unstated: int = 0

    def __add__(self, other: DurationTotal) -> DurationTotal:
        return DurationTotal(self.clock_minutes + other.clock_minutes, self.days + other.days,
                             self.working_days + other.working_days,
                             self.stated + other.stated, self.unstated + other.unstated)

    @property
    def is_clock_only(self) -> bool:
        return self.days == 0 and self.working_days == 0

    @property
    def is_known(self) -> bool:
        """False when no step it covers states a time: there is no total to show."""
        return self.stated > 0 or self.unstated == 0


def total_of(durations: Sequence[Duration | None]) -> DurationTotal:
    """Add durations up without mixing clock time and days; None (not stated) is counted,
    never added as 0."""
    total = DurationTotal()
    for item in durations:
        if item is None:
            total += DurationTotal(unstated=1)
        elif item.unit is TimeUnit.DAYS:
            total += DurationTotal(days=item.amount, stated=1)
        elif item.unit is TimeUnit.WORKING_DAYS:
            total += DurationTotal(working_days=item.amount, stated=1)
        else:
            total += DurationTotal(clock_minutes=item.clock_minutes, stated=1)
    return total


def format_total(total: DurationTotal, labels: dict[str, str]) -> str:
    """'795 menit (13 jam 15 menit)', '3 hari kerja + 2 jam': says how it counts; with
    steps whose time is not stated, also how many it covers, or 'tidak tercantum'."""
    if not total.is_known:
        return labels["not_stated"]
    parts = []
    if total.working_days:
        parts.append(f"{_number_text(total.working_days)} {labels['working_days']}")
    if total.days:
        parts.append(f"{_number_text(total.days)} {labels['days']}")
    if total.clock_minutes or not parts:
        parts.append(_format_clock(total.clock_minutes, labels))
    text = " + ".join(parts)
    if total.unstated:
        count = total.stated + total.unstated
        text += "; " + labels["total_covers"].format(stated=total.stated, count=count)
    return text


def _format_clock(minutes: float, labels: dict[str, str]) -> str:
    text = f"{_number_text(minutes)} {labels['minutes']}"
    if minutes < 60:
        return text
    hours, rest = divmod(minutes, 60)
    split = f"{int(hours)} {labels['hours']}"
    if rest:
        split += f" {_number_text(rest)} {labels['minutes']}"
    return f"{text} ({split})"


def format_duration(duration: Duration | None, labels: dict[str, str]) -> str:
    """A step's time as written; a bare number gets the minutes label; not stated says so."""
    if duration is None:
        return labels["not_stated"]
    if duration.unit is TimeUnit.MINUTES and duration.text == _number_text(duration.amount):
        return f"{duration.text} {labels['minutes']}"
    return duration.text
