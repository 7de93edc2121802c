"""The "Catatan Mutu SOP" page: every SOP's lint warnings, where authors look for them.

Readers never see it in the navigation or in search; the authoring guide links to it.
Pure like the other renderers: the warnings come in, computed by the check stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.check.lint.run import LintWarning
from generator.render.environment import render
from generator.render.paths import QUALITY_PAGE
from generator.render.view import SopView


def render_quality_page(views: Mapping[str, SopView],
                        warnings: Mapping[str, Sequence[LintWarning]],
                        labels: dict[str, str]) -> str:
    """The page, SOPs in site order, only those with warnings."""
    sops = [(view, warnings[sop_id]) for sop_id, view in views.items() if warnings.get(sop_id)]
    return render("quality.md.j2", L=labels, page=QUALITY_PAGE, sops=sops)
