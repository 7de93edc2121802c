"""The "Catatan Mutu SOP" page: every SOP's lint warnings, where authors look for them.

Readers never see it in the navigation or in search; the authoring guide links to it.
Pure like the other renderers: the warnings come in, computed by the check stage. Each
SOP's part is made on its own through ``memo`` (``RenderCache.text`` under ``sopgen
serve``), so an edit renders again only the edited SOP's part, not thousands of rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from markupsafe import Markup

from generator.check.lint.run import LintWarning
from generator.render.environment import Memo, no_memo, render
from generator.render.paths import QUALITY_PAGE
from generator.render.view import SopView


def render_quality_page(views: Mapping[str, SopView],
                        warnings: Mapping[str, Sequence[LintWarning]],
                        labels: dict[str, str], memo: Memo = no_memo) -> str:
    """The page, SOPs in site order, only those with warnings."""
    sections = [Markup(memo(("quality", sop_id), (sop_id,), partial(
        render, "_quality_sop.j2", view=view, warnings=warnings[sop_id], L=labels,
        page=QUALITY_PAGE))) for sop_id, view in views.items() if warnings.get(sop_id)]
    return render("quality.md.j2", L=labels, page=QUALITY_PAGE, sections=sections)
