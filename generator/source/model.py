"""Stage 2: the SOP format as pydantic models (Permen PAN-RB 35/2012 fields, English keys).

Unknown keys are forbidden so a misspelt key is an error, not silently lost content.
Every field carries a description: they become the JSON Schema editors show authors.
"""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from generator.source.durations import DURATION_PATTERN, Duration, parse_duration
from generator.source.life import SopLife

ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
"""Role and step ids end up in file names, URLs and diagram ids: keep them plain."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def _as_list(value: Any) -> Any:
    """Accept a single item where a list is expected: `actors: kepala_dinas`."""
    return [value] if isinstance(value, str | dict) else value


def _blank_to_none(value: Any) -> Any:
    """An empty string means 'not filled in yet', the same as leaving the field out."""
    return None if isinstance(value, str) and not value.strip() else value


TextList = Annotated[
    list[Text], BeforeValidator(_as_list, json_schema_input_type=Text | list[Text])]
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
OptionalDate = Annotated[datetime.date | None, BeforeValidator(_blank_to_none)]
StepDuration = Annotated[
    Duration,
    BeforeValidator(parse_duration),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0},
                              {"type": "string", "pattern": DURATION_PATTERN}]}),
]
Target = Annotated[
    int | str,
    Field(description="Where this answer leads: 'next' (the following step), 'end' (the "
                      "procedure ends), a step id, or a step number (1 = first step)."),
]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SopKind(StrEnum):
    """Jenis kegiatan."""

    RUTIN = "rutin"
    PELAYANAN = "pelayanan"
    PENUGASAN = "penugasan"


class Dates(Strict):
    """Tanggal Pembuatan, Tanggal Revisi, Tanggal Efektif (YYYY-MM-DD)."""

    made: OptionalDate = Field(None, description="Tanggal Pembuatan: when the SOP was drafted.")
    revised: OptionalDate = Field(None, description="Tanggal Revisi: last revision or planned "
                                                    "review.")
    effective: OptionalDate = Field(None, description="Tanggal Efektif: the signing date.")
    review: OptionalDate = Field(None, description="When the SOP is due for review (listed on "
                                                   "the 'Perlu ditinjau' page from 30 days "
                                                   "before).")


class Revision(Strict):
    """One entry of the revision history."""

    date: datetime.date = Field(description="Date of the revision (YYYY-MM-DD).")
    number: Text = Field(description="Revision number as the office writes it, e.g. '01'.")
    changes: Text = Field(description="What changed.")

    @model_validator(mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("number"), int | float):
            return {**value, "number": str(value["number"])}
        return value


class Approval(Strict):
    """Disahkan oleh: the official who signs the SOP."""

    position: OptionalText = Field(None, description="Jabatan of the approver.")
    name: OptionalText = Field(None, description="Full name of the approver.")
    nip: OptionalText = Field(None, description="NIP (civil servant number) of the approver.")


class Responsible(Strict):
    """Penanggung Jawab: who answers for the product and for the activity."""

    product: OptionalText = Field(None, description="Penanggung jawab produk.")
    activity: OptionalText = Field(None, description="Penanggung jawab kegiatan.")


class Role(Strict):
    """A Pelaksana (executor): one column of the flowchart table and one diagram lane."""

    id: Identifier = Field(description="Stable id used by steps and records, e.g. kepala_dinas.")
    name: Text = Field(description="Name shown in tables and lanes, e.g. 'Kepala Dinas'.")


class RelatedSop(Strict):
    """Keterkaitan: another SOP of this site (by id) or a free-text reference to one outside."""

    sop: Identifier | None = Field(None, description="Id (file name without .yaml) of an SOP "
                                                     "in this site.")
    text: OptionalText = Field(None, description="Name of an SOP outside this site.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_of(self) -> RelatedSop:
        if (self.sop is None) == (self.text is None):
            raise ValueError("give either 'sop' (an id in this site) or 'text', not both")
        return self


class RecordEntry(Strict):
    """Pencatatan dan Pendataan: which holder keeps which record."""

    holder: Text = Field(description="Who keeps the record, as the SOP writes it.")
    role: Identifier | None = Field(None, description="The role id of the holder, if any.")
    record: Text = Field(description="What is recorded, e.g. 'Lembar disposisi'.")
    sign: Literal["signature", "initials"] | None = Field(
        None, description="Whether the holder signs (tanda tangan) or initials (paraf).")


class Records(Strict):
    """Pencatatan dan Pendataan: per-holder records plus free notes."""

    entries: list[RecordEntry] = Field(default_factory=list, description="Records per holder.")
    notes: TextList = Field(default_factory=list, description="Free notes on documentation.")


class MutuBaku(Strict):
    """Mutu Baku: the standard a step is held to."""

    inputs: TextList = Field(default_factory=list, description="Kelengkapan: what must be at "
                                                                "hand (documents, forms).")
    time: StepDuration = Field(description="Waktu: minutes (15), or text: '2 jam', '1 hari', "
                                           "'3 hari kerja'.")
    output: OptionalText = Field(None, description="Output of the step.")


class Decision(Strict):
    """A step that asks a question; 'Ya' and 'Tidak' lead to different places."""

    question: Text = Field(description="The question, e.g. 'Berkas lengkap?'.")
    yes: Target
    no: Target


class Step(Strict):
    """One activity of the procedure: a process, or a decision when `decision` is given."""

    id: Identifier | None = Field(None, description="Optional id for decision targets.")
    action: Text = Field(description="Uraian kegiatan: an active verb phrase without subject.")
    actors: Annotated[list[Identifier], BeforeValidator(
        _as_list, json_schema_input_type=Identifier | list[Identifier])] = Field(
        min_length=1, description="Role id(s) that act in this step (several for a meeting).")
    standard: MutuBaku = Field(description="Mutu Baku: kelengkapan, waktu, output.")
    notes: OptionalText = Field(None, description="Keterangan.")
    decision: Decision | None = Field(None, description="Makes this step a decision.")


class Sop(Strict, SopLife):
    """One Standard Operating Procedure, as in one YAML file."""

    number: OptionalText = Field(None, description="Nomor SOP (leave empty if not assigned).")
    title: Text = Field(description="Nama SOP.")
    organization: Text = Field(description="The office, e.g. 'Dinas Kependudukan dan ...'.")
    unit: OptionalText = Field(None, description="Unit within the office; the folder name is "
                                                 "used when empty.")
    kind: SopKind = Field(description="Jenis kegiatan: rutin, pelayanan or penugasan.")
    dates: Dates = Field(default_factory=Dates, description="Tanggal pembuatan/revisi/efektif.")
    approval: Approval = Field(default_factory=Approval, description="Disahkan oleh.")
    responsible: Responsible = Field(default_factory=Responsible, description="Penanggung jawab.")
    scope: OptionalText = Field(None, description="Scope (ruang lingkup).")
    legal_basis: TextList = Field(default_factory=list, description="Dasar Hukum.")
    qualifications: TextList = Field(default_factory=list, description="Kualifikasi Pelaksana.")
    related: Annotated[list[RelatedSop], BeforeValidator(
        _as_list, json_schema_input_type=list[RelatedSop | Text])] = Field(
        default_factory=list, description="Keterkaitan: related SOPs.")
    equipment: TextList = Field(default_factory=list, description="Peralatan/Perlengkapan.")
    warnings: TextList = Field(default_factory=list, description="Peringatan.")
    records: Records = Field(default_factory=Records, description="Pencatatan dan Pendataan.")
    revisions: list[Revision] = Field(default_factory=list, description="Revision history, "
                                                                        "oldest first.")
    roles: list[Role] = Field(min_length=1, description="Pelaksana, in lane (column) order.")
    steps: list[Step] = Field(min_length=1, description="The activities, in order; the first "
                                                        "is the start, the last the end.")
