"""The labels pages are rendered with (from ``generator.locale``), and dates in words."""

from __future__ import annotations

import datetime

from generator.locale import DEFAULT_LANGUAGE, labels

__all__ = ["DEFAULT_LANGUAGE", "format_date", "labels"]


def format_date(value: datetime.date | None, labels: dict[str, str]) -> str | None:
    """'31 Januari 2024' (months from the locale); None stays None (a blank to fill in)."""
    if value is None:
        return None
    months = labels["months"].split(",")
    return f"{value.day} {months[value.month - 1]} {value.year}"
