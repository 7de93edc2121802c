"""User-facing labels from one locale file (Indonesian by default, English selectable)."""

from __future__ import annotations

import datetime
from functools import cache
from importlib import resources

import yaml

from generator.source.load import SopLoader

DEFAULT_LANGUAGE = "id"


@cache
def _all_labels() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("locale.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = yaml.load(text, Loader=SopLoader)
    return data


def labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """All labels of ``language``; unknown languages are an error, not a silent fallback."""
    table = _all_labels()
    if language not in table:
        raise ValueError(f"unknown language '{language}' (known: {', '.join(table)})")
    return dict(table[language])


def format_date(value: datetime.date | None, labels: dict[str, str]) -> str | None:
    """'31 Januari 2024' (months from the locale); None stays None (a blank to fill in)."""
    if value is None:
        return None
    months = labels["months"].split(",")
    return f"{value.day} {months[value.month - 1]} {value.year}"
