"""The SOP's life after publishing: status, withdrawal, monitoring and evaluation records.

Permen PAN-RB 35/2012, Bab IV: an SOP is monitored regularly (every six months, Tabel 7
"Monitoring Pelaksanaan SOP AP") and its application evaluated against fixed criteria.
These fields are the base of :class:`generator.source.model.Sop` (kept apart so each
module stays short), with the format's rules:
unknown keys are errors, values are immutable. Nothing here is filled in when the author
leaves it out: ``status`` not stated stays None (see ``generator/render/control.py``).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from generator.source.fields import Date, Identifier, OptionalDate, Text
from generator.source.identity import Strict


class Status(StrEnum):
    """Where an SOP stands: a draft, in force, or withdrawn."""

    DRAFT = "draft"
    IN_FORCE = "in_force"
    WITHDRAWN = "withdrawn"


class Criterion(StrEnum):
    """The evaluation criteria of Permen PAN-RB 35/2012 (labels: ``criterion_<key>``)."""

    PERFORMANCE = "performance"
    UNDERSTANDABLE = "understandable"
    PRACTICABLE = "practicable"
    ROLES = "roles"
    PROBLEMS = "problems"
    NEEDS = "needs"
    SYNERGY = "synergy"


class Withdrawal(Strict):
    """Why an SOP was withdrawn and what replaces it (its page stays, saying so)."""

    reason: Text = Field(description="Why the SOP was withdrawn.")
    date: OptionalDate = Field(None, description="When it was withdrawn (YYYY-MM-DD).")
    replaced_by: Identifier | None = Field(None, description="Id of the SOP of this site that "
                                                      "replaces it.")


class Finding(Strict):
    """One point's or criterion's result, with what to do about it."""

    notes: Text | None = Field(None, description="Catatan hasil penilaian.")
    action: Text | None = Field(None, description="Tindakan yang harus diambil.")
    done: bool = Field(False, description="Whether the action has been taken.")


class PointResult(Finding):
    """Tabel 7, one row: how one monitoring point went."""

    point: int = Field(ge=1, description="Number of the monitoring point (1 = first); the "
                                         "steps when the SOP lists no points.")
    good: bool = Field(description="true: berjalan dengan baik; false: tidak berjalan "
                                   "dengan baik.")


class Monitoring(Strict):
    """One monitoring of the SOP's application."""

    date: Date = Field(description="When it was monitored (YYYY-MM-DD).")
    assessor: Text = Field(description="Penilai: the assessor's position.")
    results: list[PointResult] = Field(default_factory=list, description="Per point.")
    notes: Text | None = Field(None, description="General notes.")


class CriterionResult(Finding):
    """One criterion of an evaluation."""

    criterion: Criterion = Field(description="Which criterion.")
    met: bool = Field(description="Whether the SOP meets it.")


class Evaluation(Strict):
    """One evaluation of the SOP's application against the regulation's criteria."""

    date: Date = Field(description="When it was evaluated (YYYY-MM-DD).")
    assessor: Text = Field(description="Penilai: the assessor's position.")
    results: list[CriterionResult] = Field(default_factory=list, description="Per criterion.")
    notes: Text | None = Field(None, description="General notes.")


class SopLife(Strict):
    """The fields of an SOP's life after publishing (mixed into ``Sop``)."""

    status: Status | None = Field(None, description="draft, in_force or withdrawn; left out: "
                                                    "not stated (shown as before, no mark).")
    withdrawal: Withdrawal | None = Field(None, description="Only for status withdrawn.")
    monitoring_points: list[Text] = Field(default_factory=list, description=(
        "What monitoring looks at, one row each on the form; the steps when left out."))
    monitorings: list[Monitoring] = Field(default_factory=list, description="Monitoring "
                                          "results (Tabel 7), oldest first.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="Evaluation "
                                          "results, oldest first.")

    @model_validator(mode="after")
    def _withdrawal_only_when_withdrawn(self) -> SopLife:
        if (self.status == Status.WITHDRAWN) != (self.withdrawal is not None):
            raise ValueError("a withdrawn SOP needs 'withdrawal' (reason, replaced_by), and "
                             "only a withdrawn SOP has one")
        return self
