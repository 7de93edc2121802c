"""Stage 2: the SOP format as pydantic models (Permen PAN-RB 35/2012 fields, English keys).

Unknown keys are forbidden so a misspelt key is an error, not silently lost content.
Every field carries a description: they become the JSON Schema editors show authors.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    WithJsonSchema,
)

from generator.source.fields import (
    BLANK_PATTERN,
    ID_PATTERN,
    Identifier,
    OptionalText,
    StepDuration,
    Target,
    Text,
    TextList,
    as_list,
    blank_to_none,
)
from generator.source.identity import (
    Approval,
    Dates,
    OrganizationFile,
    RecordEntry,
    Records,
    RelatedSop,
    Responsible,
    Revision,
    Role,
    SopKind,
    Strict,
)
from generator.source.life import SopLife

__all__ = ["ID_PATTERN", "Approval", "Dates", "Decision", "MutuBaku", "OrganizationFile",
           "RecordEntry", "Records", "RelatedSop", "Responsible", "Revision", "Role", "Sop",
           "SopKind", "Step", "StepDuration", "Strict", "Target"]


class MutuBaku(Strict):
    """Mutu Baku: the standard a step is held to."""

    inputs: TextList = Field(default_factory=list, description="Kelengkapan: what must be at "
                                                                "hand (documents, forms).")
    time: StepDuration = Field(None, description="Waktu: minutes (15), or text: '10 Menit', "
                                                 "'2 jam', '1 hari', '3 hari kerja'; empty "
                                                 "when the source does not state it.")
    output: OptionalText = Field(None, description="Output of the step.")


class Decision(Strict):
    """A step that asks a question; 'Ya' and 'Tidak' lead to different places."""

    question: OptionalText = Field(None, description="The question, e.g. 'Berkas lengkap?'; "
                                                     "when empty, the step's action is shown "
                                                     "as the question.")
    yes: Target = None
    no: Target = None


class Step(Strict):
    """One activity of the procedure: a process, or a decision when `decision` is given."""

    id: Identifier | None = Field(None, description="Optional id for decision targets.")
    action: Text = Field(description="Uraian kegiatan: an active verb phrase without subject.")
    actors: Annotated[list[Identifier], BeforeValidator(
        as_list, json_schema_input_type=Identifier | list[Identifier])] = Field(
        min_length=1, description="Role id(s) that act in this step (several for a meeting).")
    standard: MutuBaku = Field(default_factory=MutuBaku,
                               description="Mutu Baku: kelengkapan, waktu, output.")
    notes: OptionalText = Field(None, description="Keterangan.")
    decision: Decision | None = Field(None, description="Makes this step a decision.")
    does: dict[Identifier, Text] = Field(
        default_factory=dict, json_schema_extra={"additionalProperties": False},
        description="What each actor does in this step, when the form says so: "
                    "{sekretaris: paraf, lurah: tanda tangan}.")


class Sop(SopLife):
    """One Standard Operating Procedure, as in one YAML file."""

    number: OptionalText = Field(None, description="Nomor SOP (leave empty if not assigned).")
    title: Text = Field(description="Nama SOP.")
    organization: OptionalText = Field(None, description="The office (OPD), e.g. 'Dinas "
                                       "Kependudukan dan ...'; may be left out when the "
                                       "folder's _organization.yaml names it.")
    unit: OptionalText = Field(None, description="Unit within the office; the folder name is "
                                                 "used when empty.")
    kind: Annotated[SopKind | None, BeforeValidator(blank_to_none), WithJsonSchema(
        {"anyOf": [{"enum": [kind.value for kind in SopKind]}, {"type": "null"},
                   {"type": "string", "pattern": BLANK_PATTERN}]})] = Field(
        None, description="Jenis kegiatan: rutin, pelayanan or penugasan; empty when the "
                          "form does not print it.")
    dates: Dates = Field(default_factory=Dates, description="Tanggal pembuatan/revisi/efektif.")
    approval: Approval = Field(default_factory=Approval, description="Disahkan oleh.")
    responsible: Responsible = Field(default_factory=Responsible, description="Penanggung jawab.")
    scope: OptionalText = Field(None, description="Scope (ruang lingkup).")
    legal_basis: TextList = Field(default_factory=list, description="Dasar Hukum.")
    qualifications: TextList = Field(default_factory=list, description="Kualifikasi Pelaksana.")
    related: Annotated[list[RelatedSop], BeforeValidator(
        as_list, json_schema_input_type=RelatedSop | Text | list[RelatedSop | Text])] = Field(
        default_factory=list, description="Keterkaitan: related SOPs.")
    equipment: TextList = Field(default_factory=list, description="Peralatan/Perlengkapan.")
    requirements: TextList = Field(default_factory=list, description="Persyaratan: what the "
                                                                     "applicant brings (shown "
                                                                     "with Peralatan).")
    warnings: TextList = Field(default_factory=list, description="Peringatan.")
    records: Records = Field(default_factory=Records, description="Pencatatan dan Pendataan.")
    revisions: list[Revision] = Field(default_factory=list, description="Revision history, "
                                                                        "oldest first.")
    roles: list[Role] = Field(min_length=1, description="Pelaksana, in lane (column) order.")
    steps: list[Step] = Field(min_length=1, description="The activities, in order; the first "
                                                        "is the start, the last the end.")
