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
    """One warning: the rule, where in the file, what is wrong, and how to fix it."""

    rule: str
    path: FieldPath
    message: str
    hint: str


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
        fix = f"; e.g. '{start} ...'" if start else ""
        message, hint = {
            "nominal": (f"step {i + 1} starts with a noun ('{problem.word}'), not an active "
                        "verb", f"write the activity as an active verb{fix} (add -kan or -i "
                        "where Indonesian needs it)"),
            "passive": (f"step {i + 1} is passive ('{problem.word}')",
                        f"write the activity as an active verb{fix}"),
            "subject": (f"step {i + 1} starts with its subject ('{problem.word}')",
                        f"leave the subject out: the Pelaksana columns name who acts{fix}"),
            "unknown": (f"step {i + 1} does not start with an active verb ('{problem.word}')",
                        "start with an active verb: me-/mem-/men-/meng-/meny-/ber- or a base "
                        "verb like 'Cetak'"),
        }[problem.kind]
        found.append(Finding("active-verb", ("steps", i, "action"), message, hint))
    return found


def output_and_time(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    found = []
    for i, step in enumerate(sop.steps):
        if not step.standard.output:
            found.append(Finding("output-stated", ("steps", i, "standard"),
                                 f"step {i + 1} has no output", "name what the step "
                                 "produces (Mutu Baku: Output)"))
        if step.standard.time is None:  # not stated in the source; 0 is a stated value
            found.append(Finding("time-stated", ("steps", i, "standard"),
                                 f"step {i + 1} has no time", "state how long the step takes "
                                 "(Mutu Baku: Waktu), e.g. '15 menit' or '1 hari'"))
    return found


def roles_act(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    acting = {actor for step in sop.steps for actor in step.actors}
    found = [Finding("role-acts", ("roles", i), f"'{role.name}' never acts in a step",
                     "remove the role, or add it to the steps it acts in")
             for i, role in enumerate(sop.roles) if role.id not in acting]
    if len(sop.steps) > COARSE_STEPS:
        found += [Finding("role-everywhere", ("roles", i),
                          f"'{role.name}' acts in every one of {len(sop.steps)} steps",
                          "the steps may be too coarse: say who really acts in each")
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
                found.append(Finding("inputs-traced", ("steps", i, "standard", "inputs", j),
                                     f"step {i + 1} needs '{item}', which no earlier step "
                                     "produces", "make it an earlier step's output, or list "
                                     "it with the first step's inputs or the equipment"))
        if step.standard.output:
            known.add(_key(step.standard.output))
    return found


def size(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    found = []
    if len(sop.steps) > MAX_STEPS:
        found.append(Finding("size", ("steps",), f"{len(sop.steps)} steps (guidance: at most "
                             f"{MAX_STEPS})", "split the procedure into related SOPs"))
    if len(sop.roles) > MAX_ROLES:
        found.append(Finding("size", ("roles",), f"{len(sop.roles)} roles (guidance: at most "
                             f"{MAX_ROLES})", "split the procedure into related SOPs"))
    return found


def decisions(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """A decision states its question. (Answers that lead to the same place, or paths that
    never reach the end, are errors ``sopgen check`` refuses.)"""
    return [Finding("decision", ("steps", i, "decision"),
                    f"step {i + 1} decides without a question",
                    "write the question the step answers, e.g. 'Berkas lengkap?'")
            for i, step in enumerate(sop.steps)
            if step.decision is not None and not step.decision.question]


def identity(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """Number, dates and approver before an SOP is in force (a draft may lack them; one
    whose status is not stated is taken as published, as it was before statuses)."""
    if sop.status in (Status.DRAFT, Status.WITHDRAWN):
        return []
    missing = [(path, label) for path, label, value in (
        (("number",), "number", sop.number), (("dates", "made"), "date made", sop.dates.made),
        (("dates", "effective"), "effective date", sop.dates.effective),
        (("approval", "position"), "approver's position", sop.approval.position),
        (("approval", "name"), "approver's name", sop.approval.name)) if not value]
    return [Finding("identity", path, f"the {label} is empty", "fill it in before the SOP "
                    "is in force (it shows as a line to fill in by hand)")
            for path, label in missing]


def related_both_ways(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    mine = site.related_to.get(sop_id, frozenset())
    return [Finding("related-both-ways", ("related",), f"'{other}' names this SOP as "
                    "related, but this SOP does not name it", f"add '{other}' to related")
            for other, targets in sorted(site.related_to.items())
            if sop_id in targets and other not in mine and other != sop_id]


def related_by_id(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    """A related SOP written as text that names an SOP of this site (``related: [b]``)
    is shown as plain text: the reader gets no link, and the related-both-ways check
    cannot see it. Free text stays right for an SOP outside the site."""
    found = []
    for i, item in enumerate(sop.related):
        other = site.known_as.get(_key(item.text)) if item.text else None
        if other and other != sop_id:
            found.append(Finding("related-by-id", ("related", i), f"'{item.text}' is written "
                                 f"as text, but it is the SOP '{other}' of this site",
                                 f"write '- sop: {other}' so the page links to it"))
    return found


def legal_citation(sop_id: str, sop: Sop, site: SiteFacts) -> list[Finding]:
    return [Finding("legal-citation", ("legal_basis", i), f"'{text[:60]}' is not cited as "
                    "type, number, year and title", "write e.g. 'Peraturan Menteri PAN-RB "
                    "Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP'")
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
