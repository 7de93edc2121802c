"""Stage 3, across files: what no single SOP can check about itself.

SOP ids (file names) and numbers are unique, related SOPs exist, a role is one role
across the site (one id, one name), and the SOPs of one folder name one unit.
"""

from __future__ import annotations

from generator.check.life import check_replacement
from generator.check.validate import name_key
from generator.source.errors import SopError, did_you_mean
from generator.source.load import SourceDocument
from generator.source.model import Sop


def check_library(entries: list[tuple[str, SourceDocument, Sop]], ids: list[str],
                  office_of: dict[str, str] | None = None) -> list[SopError]:
    """Checks across files: unique ids and numbers, related SOPs that exist in ``ids``;
    roles within each office (``office_of``: display path -> office key)."""
    errors: list[SopError] = []
    first_by_id: dict[str, SourceDocument] = {}
    first_by_number: dict[str, SourceDocument] = {}
    known = set(ids)  # membership in a set: a list made this check quadratic in the SOPs
    for sop_id, doc, sop in entries:
        if sop_id in first_by_id:
            other = first_by_id[sop_id].display_path
            errors.append(doc.error((), f"duplicate SOP id '{sop_id}': {other} has the same "
                                        "file name; SOP ids (file names) must be unique"))
        first_by_id.setdefault(sop_id, doc)
        if sop.number:
            if sop.number in first_by_number:
                other = first_by_number[sop.number].display_path
                errors.append(doc.error(("number",), f"duplicate SOP number '{sop.number}' "
                                                     f"(also in {other})"))
            first_by_number.setdefault(sop.number, doc)
        errors += _check_related(doc, sop, sop_id, ids, known)
        errors += check_replacement(doc, sop, sop_id, ids)
    return errors + _check_site_roles(entries, office_of or {}) + _check_unit_names(entries)


def _check_site_roles(entries: list[tuple[str, SourceDocument, Sop]],
                      office_of: dict[str, str]) -> list[SopError]:
    """A role is one role across its office: one id, one name, wherever it acts. Two
    offices may both have a 'Sekretaris': those are two positions."""
    errors: list[SopError] = []
    name_of: dict[tuple[str, str], tuple[str, str]] = {}
    id_of: dict[tuple[str, str], tuple[str, str]] = {}
    for _, doc, sop in entries:
        office = office_of.get(doc.display_path, "")
        for i, role in enumerate(sop.roles):
            key = name_key(role.name)
            known_name, where = name_of.setdefault((office, role.id),
                                                   (role.name, doc.display_path))
            if known_name != role.name:
                errors.append(doc.error(("roles", i, "name"), (
                    f"role '{role.id}' is named '{known_name}' in {where}; a role has one "
                    "name across its organisation")))
            known_id, where = id_of.setdefault((office, key), (role.id, doc.display_path))
            if known_id != role.id and where != doc.display_path:
                errors.append(doc.error(("roles", i, "id"), (
                    f"the role '{role.name}' has the id '{known_id}' in {where}; use the "
                    "same id for the same role")))
    return errors


def _check_unit_names(entries: list[tuple[str, SourceDocument, Sop]]) -> list[SopError]:
    """All SOPs of one folder belong to one unit, so they must not name different units."""
    errors: list[SopError] = []
    seen: dict[str, tuple[str, str]] = {}
    for _, doc, sop in entries:
        if sop.unit is None:
            continue
        folder = doc.path.parent.as_posix()
        unit, where = seen.setdefault(folder, (sop.unit, doc.display_path))
        if unit != sop.unit:
            errors.append(doc.error(("unit",), (
                f"this folder's unit is '{unit}' (in {where}); SOPs of one folder share "
                "one unit")))
    return errors


def _check_related(doc: SourceDocument, sop: Sop, sop_id: str, ids: list[str],
                   known: set[str]) -> list[SopError]:
    errors = []
    for i, related in enumerate(sop.related):
        if related.sop is None:
            continue
        if related.sop == sop_id:
            errors.append(doc.error(("related", i, "sop"), "an SOP cannot be related to itself"))
        elif related.sop not in known:
            hint = did_you_mean(related.sop, ids)
            errors.append(doc.error(("related", i, "sop"),
                                    f"no SOP has the id '{related.sop}'{hint}"))
    return errors
