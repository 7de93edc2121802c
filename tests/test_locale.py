"""The one locale file: every label once per language, the same labels in every language."""

from __future__ import annotations

import yaml

from generator.render.locale import labels
from helpers.site import REPO

LOCALE = REPO / "generator" / "locale.yaml"


def test_no_label_is_written_twice_in_a_language() -> None:
    """YAML keeps the last of two equal keys: a second label would silently replace the
    first on every page that shows it (two features merged, one label lost)."""
    root = yaml.compose(LOCALE.read_text(encoding="utf-8"))
    assert isinstance(root, yaml.MappingNode)
    twice = {}
    for language, table in root.value:
        keys = [key.value for key, _ in table.value]
        twice[language.value] = sorted({k for k in keys if keys.count(k) > 1})
    assert twice == {"id": [], "en": []}


def test_both_languages_have_the_same_labels() -> None:
    assert sorted(labels("id")) == sorted(labels("en"))


def test_a_label_takes_the_same_fields_in_every_language() -> None:
    """Lint messages are filled with str.format: a field missing from a translation would
    drop a value, an extra one would fail at build time."""
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    english = labels("en")
    differ = {key: (fields(text), fields(english[key])) for key, text in labels("id").items()
              if key.startswith("lint_") and fields(text) != fields(english[key])}
    assert differ == {}
