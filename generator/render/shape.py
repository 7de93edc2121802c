"""Which edit of an SOP can show on pages other than its own and its roles' pages.

Under ``sopgen serve`` most edits rewrite a step's words. Of the pages across SOPs, only a
role's page shows a step's words (and the follow-up page a step's action, as the subject
of an open action, when the SOP has no monitoring points of its own); the home, unit,
roles, review, map and follow-up pages show titles, numbers, counts, times, dates and
links. So an edit that changed only steps' words keeps those pages as they are
(``RenderCache.kept``), instead of rendering them for every SOP of the site again.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.source.model import Sop

STEP_WORDS = frozenset({"action", "notes", "does"})
"""A step's fields that only its SOP's own pages and its roles' pages show."""


def _fields_equal(old: BaseModel, new: BaseModel, skip: frozenset[str]) -> bool:
    return type(old) is type(new) and all(
        getattr(old, name) == getattr(new, name)
        for name in type(new).model_fields if name not in skip)


def same_outside_steps_words(old: Sop, new: Sop) -> bool:
    """True when ``new`` differs from ``old`` at most in its steps' words: the same fields
    everywhere else, as many steps, each with the same actors, standard and decision."""
    if not _fields_equal(old, new, frozenset({"steps"})) or len(old.steps) != len(new.steps):
        return False
    # an open action without monitoring points is named after its step's action
    skip = STEP_WORDS - {"action"} if new.monitorings and not new.monitoring_points \
        else STEP_WORDS
    return all(_fields_equal(a, b, skip) for a, b in zip(old.steps, new.steps, strict=True))
