"""The lint rules: each looks at one SOP (and the site around it) and says what a reviewer
applying Permen PAN-RB 35/2012 would say.

A rule is a function ``(sop, site) -> [Finding]``; ``RULES`` lists them by id, and the
authoring guide lists every id with a good and a bad example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.check.lint.verbs import first_verb_problem
from generator.source.errors import FieldPath
from generator.source.life import Status
from generator.source.model import Sop

MAX_STEPS = 25
MAX_ROLES = 7
COARSE_STEPS = 6
"""Guidance, not law: the regulation asks for SOPs that one reader can follow on a few
pages; past these counts a reviewer asks whether the SOP should be split into related
SOPs (Keterkaitan). A role in every step of a longer SOP suggests coarse steps."""
CITATION = re.compile(
    r"^(Undang-Undang|Peraturan|Keputusan|Instruksi|Surat Edaran)\b.*?"
    r"\bNomor\s+\S+.*?\bTahun\s+\d{4}\b.*?\btentang\s+\S", re.IGNORECASE | re.DOTALL)
"""Type, number, year and title: 'Peraturan Menteri ... Nomor 35 Tahun 2012 tentang ...'."""


@dataclass(frozen=True)
class Finding:
    """One warning: the rule, where in the file, and what to say: ``words`` names the
    message in the locale (``lint_<words>`` and ``lint_<words>_hint``), ``args`` fills it,
    so the quality page speaks the site's language and ``sopgen lint`` English."""

    rule: str
    path: FieldPath
    words: str
    args: tuple[tuple[str, str | int], ...] = ()


def finding(rule: str, path: FieldPath, words: str, **args: str | int) -> Finding:
    return Finding(rule, path, words, tuple(args.items()))


def describe(item: Finding, labels: dict[str, str]) -> tuple[str, str]:
    """The message and hint of a finding in the language of ``labels``."""
    args = dict(item.args)
    proposal = args.pop("proposal", "")
    args["example"] = labels["lint_example"].format(proposal=proposal) if proposal else ""
    if "field" in args:
        args["field"] = labels[f"lint_field_{args['field']}"]
    return (labels[f"lint_{item.words}"].format(**args),
            labels[f"lint_{item.words}_hint"].format(**args))


@dataclass(frozen=True)
class SiteFacts:
    """What rules need from the other SOPs: who names whom as related, and each SOP's id,
    number and title (folded) -> its id, to recognise one named as free text."""

    related_to: dict[str, frozenset[str]]
    known_as: dict[str, str]


Rule = Callable[[str, Sop, SiteFacts], list[Finding]]


def active_verb(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    names = [role.name for role in sop.roles]
    found = []
    for i, step in enumerate(sop.steps):
        problem = first_verb_problem(step.action, names)
        if problem is None:
            continue
        start = " ".join(problem.proposal.split()[:3]) if problem.proposal else ""
        found.append(finding("active-verb", ("steps", i, "action"), f"verb_{problem.kind}",
                             step=i + 1, word=problem.word,
                             proposal=f"'{start} ...'" if start else ""))
    return found


def output_and_time(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    found = []
    for i, step in enumerate(sop.steps):
        if not step.standard.output:
            found.append(finding("output-stated", ("steps", i, "standard"), "no_output",
                                 step=i + 1))
        if step.standard.time is None:  # not stated in the source; 0 is a stated value
            found.append(finding("time-stated", ("steps", i, "standard"), "no_time",
                                 step=i + 1))
    return found


def roles_act(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    acting = {actor for step in sop.steps for actor in step.actors}
    found = [finding("role-acts", ("roles", i), "role_idle", name=role.name)
             for i, role in enumerate(sop.roles) if role.id not in acting]
    if len(sop.steps) > COARSE_STEPS:
        found += [finding("role-everywhere", ("roles", i), "role_everywhere",
                          name=role.name, count=len(sop.steps))
                  for i, role in enumerate(sop.roles)
                  if len(sop.roles) > 1 and all(role.id in s.actors for s in sop.steps)]
    return found


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def inputs_traced(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """Kelengkapan of a later step is an earlier step's output, or stated as coming from
    outside: among the first step's inputs or the SOP's equipment."""
    known = {_key(item) for item in (*sop.steps[0].standard.inputs, *sop.equipment)}
    found = []
    for i, step in enumerate(sop.steps):
        for j, item in enumerate(step.standard.inputs):
            if i > 0 and _key(item) not in known:
                found.append(finding("inputs-traced", ("steps", i, "standard", "inputs", j),
                                     "input_untraced", step=i + 1, item=item))
        if step.standard.output:
            known.add(_key(step.standard.output))
    return found


def size(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    found = []
    if len(sop.steps) > MAX_STEPS:
        found.append(finding("size", ("steps",), "size_steps", count=len(sop.steps),
                             max=MAX_STEPS))
    if len(sop.roles) > MAX_ROLES:
        found.append(finding("size", ("roles",), "size_roles", count=len(sop.roles),
                             max=MAX_ROLES))
    return found


def decisions(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """A decision states its question. (Answers that lead to the same place, or paths that
    never reach the end, are errors ``sopgen check`` refuses.)"""
    return [finding("decision", ("steps", i, "decision"), "no_question", step=i + 1)
            for i, step in enumerate(sop.steps)
            if step.decision is not None and not step.decision.question]


def identity(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """Number, dates and approver before an SOP is in force (a draft may lack them; one
    whose status is not stated is taken as published, as it was before statuses)."""
    if sop.status in (Status.DRAFT, Status.WITHDRAWN):
        return []
    missing = [path for path, value in (
        (("number",), sop.number), (("dates", "made"), sop.dates.made),
        (("dates", "effective"), sop.dates.effective),
        (("approval", "position"), sop.approval.position),
        (("approval", "name"), sop.approval.name)) if not value]
    return [finding("identity", path, "identity_empty", field="_".join(map(str, path)))
            for path in missing]


def related_both_ways(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    mine = site.related_to.get(sop_id, frozenset())
    return [finding("related-both-ways", ("related",), "related_one_way", other=other)
            for other, targets in sorted(site.related_to.items())
            if sop_id in targets and other not in mine and other != sop_id]


def related_by_id(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """A related SOP written as text that names an SOP of this site (``related: [b]``)
    is shown as plain text: the reader gets no link, and the related-both-ways check
    cannot see it. Free text stays right for an SOP outside the site."""
    found = []
    for i, item in enumerate(sop.related):
        other = site.known_as.get(_key(item.text)) if item.text else None
        if item.text and other and other != sop_id:
            found.append(finding("related-by-id", ("related", i), "related_as_text",
                                 text=item.text, other=other))
    return found


def legal_citation(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    return [finding("legal-citation", ("legal_basis", i), "citation", text=text[:60])
            for i, text in enumerate(sop.legal_basis) if not CITATION.match(text)]


RULES: dict[str, Rule] = {
    "active-verb": active_verb, "output-stated": output_and_time, "role-acts": roles_act,
    "inputs-traced": inputs_traced, "size": size, "decision": decisions,
    "identity": identity, "related-both-ways": related_both_ways,
    "related-by-id": related_by_id, "legal-citation": legal_citation,
}
"""Rule functions by the id of their first finding; a function may report related ids
(``output-stated`` also reports ``time-stated``, ``role-acts`` also ``role-everywhere``)."""
RULE_IDS = ("active-verb", "output-stated", "time-stated", "role-acts", "role-everywhere",
            "inputs-traced", "size", "decision", "identity", "related-both-ways",
            "related-by-id", "legal-citation")
