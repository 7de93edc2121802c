"""Organisations (OPD): which office each SOP belongs to, declared once per folder.

A regency site holds dozens of offices, each with its own Sekretaris and Kepala Seksi:
the same role name in two offices is two positions. An author declares an office once,
with an ``_organization.yaml`` (``name: Kelurahan Sukamaju``) in the folder that holds its
SOPs; an SOP outside such a folder names its office itself (``organization:``, as before).
The office's name is its identity: two folders that declare the same name are one office.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.source.errors import SopError
from generator.source.load import LoadFailure, SourceDocument, load_file
from generator.source.model import OrganizationFile, Sop

ORG_FILE = "_organization.yaml"
"""Starts with '_': SOP discovery skips it, so it can never be read as an SOP."""


@dataclass(frozen=True)
class Organization:
    """One office: its name as written and a slug for page paths (unique on the site)."""

    name: str
    slug: str


def org_key(name: str) -> str:
    """Names that differ only in case or spacing name the same office."""
    return " ".join(name.casefold().split())


def slug_of(name: str) -> str:
    """'Kelurahan Sukamaju' -> 'kelurahan-sukamaju', for page paths."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].rstrip("-") or "organisasi"


def declared(sop_dir: Path, display: Callable[[Path], str], errors: list[SopError]
             ) -> dict[Path, str]:
    """Folder -> office name, from every ``_organization.yaml`` under ``sop_dir``
    (folders starting with '_' or '.' are skipped, like SOP files); their errors are
    added to ``errors``. ``display`` gives a file's path as errors show it."""
    names: dict[Path, str] = {}
    for path in sorted(sop_dir.rglob(ORG_FILE)):
        folders = path.relative_to(sop_dir).parent.parts
        if any(part.startswith(("_", ".")) for part in folders):
            continue
        shown = display(path)
        try:
            doc = load_file(path, shown)
            names[path.parent] = OrganizationFile.model_validate(doc.data).name
        except LoadFailure as failure:
            errors.append(failure.error)
        except ValidationError as exc:
            errors += [_file_error(doc, err) for err in exc.errors(include_url=False)]
    return names


def _file_error(doc: SourceDocument, err: object) -> SopError:
    assert isinstance(err, dict)
    loc = tuple(err["loc"])
    if err["type"] == "missing":
        return doc.error(loc, f"required field '{loc[-1]}' is missing: write the office's "
                              "name, e.g. name: Kelurahan Sukamaju")
    if err["type"] == "extra_forbidden":
        return doc.error(loc, f"unknown key '{loc[-1]}' (an {ORG_FILE} holds only 'name')")
    return doc.error(loc, "the office's name must be text, e.g. name: Kelurahan Sukamaju")


def organization_of(doc: SourceDocument, sop: Sop, folders: dict[Path, str],
                    errors: list[SopError]) -> str | None:
    """The office of one SOP: its folder's (nearest ``_organization.yaml`` up the tree),
    else its own ``organization``; an error (added to ``errors``) when neither says, or
    when they disagree."""
    folder = next((parent for parent in doc.path.parents if parent in folders), None)
    if folder is None:
        if sop.organization is None:
            errors.append(doc.error(("organization",), (
                "required field 'organization' is missing: write the office's name here, "
                f"or put an {ORG_FILE} with 'name:' in the office's folder")))
        return sop.organization
    name = folders[folder]
    if sop.organization is not None and org_key(sop.organization) != org_key(name):
        errors.append(doc.error(("organization",), (
            f"this folder belongs to '{name}' ({ORG_FILE}); leave 'organization' out or "
            "write the same name")))
    return name


def slugs(names: list[str]) -> dict[str, Organization]:
    """Office key -> Organization, with slugs made unique in name order."""
    result: dict[str, Organization] = {}
    taken: set[str] = set()
    for name in sorted(set(names), key=org_key):
        key = org_key(name)
        if key in result:
            continue
        slug, n = slug_of(name), 2
        while slug in taken:
            slug, n = f"{slug_of(name)}-{n}", n + 1
        taken.add(slug)
        result[key] = Organization(name, slug)
    return result
