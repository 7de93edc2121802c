"""The SOP's identity parts as pydantic models: dates, approval, roles, related SOPs,
records, and the office file; ``model.py`` builds the SOP and its steps from them.

Unknown keys are forbidden so a misspelt key is an error, not silently lost content.
Every field carries a description: they become the JSON Schema editors show authors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from generator.source.fields import (
    Date,
    Identifier,
    OptionalDate,
    OptionalText,
    Text,
    TextList,
)


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
    approved: OptionalDate = Field(None, description="Tanggal Pengesahan: the date of approval, "
                                                     "when the form prints it apart from "
                                                     "Tanggal Efektif.")
    review: OptionalDate = Field(None, description="When the SOP is due for review (listed on "
                                                   "the 'Perlu ditinjau' page from 30 days "
                                                   "before).")


class Revision(Strict):
    """One entry of the revision history."""

    date: Date = Field(description="Date of the revision (YYYY-MM-DD).")
    number: Annotated[Text, WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"\S"},
                                                      {"type": "number"}]})] = Field(
        description="Revision number as the office writes it, e.g. '01'.")
    changes: Text = Field(description="What changed.")

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        """'number: 1' is the text '1'; 'number: true' is a slip, not a revision."""
        if isinstance(value, bool):
            raise ValueError(f"{str(value).lower()} is not a revision number; write the "
                             "number, e.g. '01'")
        return str(value) if isinstance(value, int | float) else value


class Approval(Strict):
    """Disahkan oleh: the official who signs the SOP."""

    position: OptionalText = Field(None, description="Jabatan of the approver.")
    name: OptionalText = Field(None, description="Full name of the approver.")
    rank: OptionalText = Field(None, description="Pangkat/golongan of the approver, e.g. "
                                                 "'Pembina Utama Muda, IV/c'.")
    nip: OptionalText = Field(None, description="NIP (civil servant number) of the approver.")


class Responsible(Strict):
    """Penanggung Jawab: who answers for the product and for the activity."""

    product: OptionalText = Field(None, description="Penanggung jawab produk.")
    activity: OptionalText = Field(None, description="Penanggung jawab kegiatan.")


class OrganizationFile(Strict):
    """An ``_organization.yaml``: names the office (OPD) whose SOPs are in its folder."""

    name: Text = Field(description="The office's name, e.g. 'Kelurahan Sukamaju'.")


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
