"""The "Catatan Mutu SOP" page: every SOP's lint warnings, where authors look for them.

Readers never see it in the navigation or in search; the authoring guide links to it.
Pure like the other renderers: the warnings come in, computed by the check stage. The
warnings are HTML after the page's intro (a side file filling a slot, ``render.slots``):
at a thousand SOPs they are tens of thousands of table rows, which Markdown took seconds
to convert on every build and every edit under serve. Each SOP's part is made on its own
through ``memo`` (``RenderCache.text`` under ``sopgen serve``), so an edit renders again
only the edited SOP's part.

An SOP's findings are grouped by rule, and a rule's by their advice: a rule's advice is
often the same for every finding of it (a dozen untraced inputs, one way to fix them), so
the table says the rule once and each advice once (cells spanning their findings' rows),
while every finding keeps a row of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from generator.check.lint.run import LintWarning
from generator.render.environment import Memo, no_memo, render
from generator.render.paths import QUALITY_PAGE
from generator.render.slots import split_body
from generator.render.urls import href
from generator.render.view import SopView


@dataclass(frozen=True)
class Advice:
    """One advice (the findings' "Saran") and the messages of the findings it answers."""

    hint: str
    messages: tuple[str, ...]


@dataclass(frozen=True)
class RuleFindings:
    """The findings of one rule in one SOP, grouped by their advice."""

    rule: str
    advice: tuple[Advice, ...]

    @property
    def rows(self) -> int:
        """Its table rows: one per finding."""
        return sum(len(item.messages) for item in self.advice)


def group_findings(warnings: Sequence[LintWarning]) -> tuple[RuleFindings, ...]:
    """The warnings of one SOP by rule, then by advice, each in order of first finding
    (the findings themselves keep their order within a group)."""
    rules: dict[str, dict[str, list[str]]] = {}
    for item in warnings:
        rules.setdefault(item.rule, {}).setdefault(item.hint, []).append(item.message)
    return tuple(RuleFindings(rule, tuple(Advice(hint, tuple(messages))
                                          for hint, messages in hints.items()))
                 for rule, hints in rules.items())


def render_quality_page(views: Mapping[str, SopView],
                        warnings: Mapping[str, Sequence[LintWarning]],
                        labels: dict[str, str], memo: Memo = no_memo,
                        directory_urls: bool = True) -> dict[str, str]:
    """The page, SOPs in site order, only those with warnings: its Markdown head and its
    HTML body as a side file (``slots.split_body``)."""
    sections = [Markup(memo(("quality", sop_id, directory_urls), (sop_id,), partial(
        render, "_quality_sop.j2", view=view, groups=group_findings(warnings[sop_id]), L=labels,
        sop_href=href(view.page_path, QUALITY_PAGE, directory_urls))))
        for sop_id, view in views.items() if warnings.get(sop_id)]
    return split_body(QUALITY_PAGE, render("quality.md.j2", L=labels, sections=sections))
