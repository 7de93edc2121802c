"""Run the lint rules over a library, minus the rules a site switched off (with a reason).

Switching off lives in one file beside the SOPs, ``sop/_lint.yaml`` (files starting with
'_' are not SOPs), so a decision not to follow a rule is written down once, with its
reason, where reviewers see it:

    off:
      - rule: identity
        reason: Numbers are given by the Bagian Organisasi after approval.
      - rule: active-verb
        sop: pengukuran-kinerja
        reason: The seed stays word for word as the scanned SOP says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.check.library import Library, SopEntry
from generator.check.lint.rules import RULE_IDS, RULES, Finding, SiteFacts, describe
from generator.locale import labels as locale_labels
from generator.source.errors import SopError, SopValidationError, format_path
from generator.source.fields import Identifier, Text
from generator.source.load import LoadFailure, load_file

CONFIG_NAME = "_lint.yaml"


class _Config(BaseModel):
    """Like the SOP format: unknown keys are errors, values immutable (not an SOP model)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleOff(_Config):
    """One rule switched off, for the whole site or for one SOP, and why."""

    rule: str = Field(description="The rule id, e.g. 'active-verb'.")
    sop: Identifier | None = Field(None, description="Only for this SOP (its id); all when "
                                                     "left out.")
    reason: Text = Field(description="Why the site does not follow the rule here.")

    @field_validator("rule")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in RULE_IDS:
            raise ValueError(f"unknown rule '{value}' (rules: {', '.join(RULE_IDS)})")
        return value


class LintConfig(_Config):
    """The content of ``sop/_lint.yaml``."""

    off: list[RuleOff] = Field(default_factory=list, description="Rules switched off.")

    def is_off(self, rule: str, sop_id: str) -> bool:
        return any(item.rule == rule and item.sop in (None, sop_id) for item in self.off)


@dataclass(frozen=True)
class LintWarning:
    """A finding placed in its file: ``file:line:col: rule: message``."""

    sop_id: str
    file: str
    line: int
    column: int
    rule: str
    message: str
    hint: str
    field: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.rule}: {self.message}"


def load_config(sop_dir: Path) -> LintConfig:
    """The site's lint config; none means every rule is on. A bad file is an author error."""
    path = sop_dir / CONFIG_NAME
    if not path.is_file():
        return LintConfig()
    display = path.as_posix()
    try:
        doc = load_file(path, display)
        return LintConfig.model_validate(doc.data or {})
    except LoadFailure as failure:
        raise SopValidationError([failure.error]) from None
    except ValidationError as exc:
        errors = [doc.error(tuple(e["loc"]), e["msg"].removeprefix("Value error, "))
                  for e in exc.errors()]
        raise SopValidationError(errors) from None


def site_facts(library: Library) -> SiteFacts:
    names = {" ".join(name.casefold().split()): entry.id for entry in library.entries
             for name in (entry.sop.title, entry.sop.number, entry.id) if name}
    return SiteFacts({entry.id: frozenset(r.sop for r in entry.sop.related if r.sop)
                      for entry in library.entries}, names)


def lint_entry(entry: SopEntry, facts: SiteFacts, config: LintConfig,
               labels: dict[str, str]) -> list[LintWarning]:
    """Every warning of one SOP, in file order, worded in the language of ``labels``."""
    findings: list[Finding] = [f for rule in RULES.values()
                               for f in rule(entry.id, entry.sop, facts)]
    kept = [f for f in findings if not config.is_off(f.rule, entry.id)]
    return sorted((_placed(entry, f, labels) for f in kept),
                  key=lambda w: (w.line, w.column, w.rule))


def lint_library(library: Library, config: LintConfig | None = None,
                 labels: dict[str, str] | None = None) -> dict[str, list[LintWarning]]:
    """SOP id -> its warnings, for every SOP (an SOP without warnings maps to []); worded
    in English unless ``labels`` of another language are given (the site's, for its
    quality page)."""
    facts, words = site_facts(library), labels or locale_labels("en")
    return {entry.id: lint_entry(entry, facts, config or LintConfig(), words)
            for entry in library.entries}


def _placed(entry: SopEntry, finding: Finding, labels: dict[str, str]) -> LintWarning:
    message, hint = describe(finding, labels)
    error: SopError = entry.source.error(finding.path, message)
    return LintWarning(entry.id, error.file, error.line, error.column, finding.rule,
                       message, hint, format_path(finding.path))
