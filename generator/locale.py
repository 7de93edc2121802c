"""User-facing words from one locale file, ``locale.yaml`` (Indonesian by default, English
selectable): the site's labels and the lint messages an author reads on the quality page.

It sits below every stage because more than one stage speaks to users: ``check`` words its
lint findings, ``render`` labels the pages (``render.locale`` adds dates).
"""

from __future__ import annotations

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
