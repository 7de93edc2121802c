"""``sopgen new``: a new SOP file from a few answers, valid from the first minute.

Role names already used on the site keep their ids, so a new SOP joins the site's roles
instead of starting a second "Kepala Dinas". Answers that cannot make a valid file are
refused with a reason (exit 2) before anything is written (see :mod:`scaffold_input`).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.check import validate
from generator.check.discover import discover
from generator.check.library import load_library
from generator.check.organizations import org_key
from generator.check.validate import name_key
from generator.render.environment import render
from generator.scaffold_input import Refused, SiteFacts, clean, role_ids, slugify
from generator.source.errors import SopValidationError, printable
from generator.source.load import LoadFailure, parse_text

__all__ = ["NewSop", "add_arguments", "new_sop_path", "new_sop_text", "run_new", "slugify"]
SCHEMA_FILE = Path("docs/schema/sop.schema.json")


@dataclass(frozen=True)
class NewSop:
    """The answers ``sopgen new`` needs."""

    title: str
    organization: str
    unit_folder: str
    unit_name: str | None
    role_names: tuple[str, ...]
    kind: str = "rutin"


def site_facts(sop_dir: Path, organization: str) -> SiteFacts:
    """What the SOPs already on the site say about roles, ids and units (nothing when the
    folder is new; only file names when the site does not check). Roles come only from the
    same office: another office's 'Sekretaris' is another position with its own id."""
    files = {path.stem: path.as_posix()
             for path in discover(sop_dir, str).files} if sop_dir.is_dir() else {}
    facts = SiteFacts({}, {}, files, {})
    try:
        library = load_library(sop_dir) if files else None
    except SopValidationError:
        library = None
    for entry in library.entries if library else ():
        where = entry.source.display_path
        same_office = org_key(entry.organization.name) == org_key(organization)
        for role in entry.sop.roles if same_office else ():
            facts.role_by_name.setdefault(name_key(role.name), (role.id, role.name))
            facts.name_by_role.setdefault(role.id, (role.name, where))
        if entry.sop.unit:
            facts.units.setdefault(entry.unit_id, (entry.sop.unit, where))
    return facts


def new_sop_text(answers: NewSop, path: Path, roles: list[tuple[str, str]]) -> str:
    """The YAML text of the new SOP."""
    schema = os.path.relpath(SCHEMA_FILE.resolve(), path.parent.resolve())
    return render("new_sop.yaml.j2",
        title=answers.title, organization=answers.organization, unit=answers.unit_name,
        kind=answers.kind, roles=roles, schema=Path(schema).as_posix())


def new_sop_path(sop_dir: Path, answers: NewSop) -> Path:
    """Where the new SOP goes: ``sop/<unit>/<slug of title>.yaml``."""
    return sop_dir / slugify(answers.unit_folder) / f"{slugify(answers.title)}.yaml"


def _answer(value: str | None, question: str) -> str:
    """A flag's value, or the author's answer at the prompt when run interactively."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise Refused(f"missing {question} (give it as a flag)")
    return input(f"{question}: ")


def _answers(args: argparse.Namespace) -> NewSop:
    roles = _answer(args.roles, "roles, comma-separated (e.g. Kepala Dinas, Sekretaris)")
    unit_name = args.unit_name.strip() if args.unit_name else ""
    return NewSop(
        title=clean(_answer(args.title, "title"), "title"),
        organization=clean(_answer(args.organization, "organization"), "organization"),
        unit_folder=clean(_answer(args.unit, "unit folder (e.g. sekretariat)"), "unit folder"),
        unit_name=clean(unit_name, "unit name") if unit_name else None, kind=args.kind,
        role_names=tuple(clean(name, "role name") for name in roles.split(",")
                         if name.strip()))


def _plan(args: argparse.Namespace, sop_dir: Path) -> tuple[Path, str]:
    """The path and text of the new SOP, or :class:`Refused` saying why there is none."""
    if sop_dir.exists() and not sop_dir.is_dir():
        raise Refused(f"{sop_dir} is a file, not a folder")
    answers = _answers(args)
    site = site_facts(sop_dir, answers.organization)
    path = new_sop_path(sop_dir, answers)
    if path.parent.exists() and not path.parent.is_dir():
        raise Refused(f"{path.parent} is a file, not a unit folder")
    unit = site.units.get(path.parent.relative_to(sop_dir).as_posix())
    if unit and answers.unit_name and unit[0] != answers.unit_name:
        raise Refused(f"the folder {path.parent} is the unit '{printable(unit[0])}' (in "
                      f"{unit[1]}); give --unit-name '{printable(unit[0])}' or leave it out")
    if path.stem in site.sop_files and not path.exists():
        raise Refused(f"an SOP with the id '{path.stem}' exists already "
                      f"({site.sop_files[path.stem]}); choose another title")
    text = new_sop_text(answers, path, role_ids(list(answers.role_names), site))
    try:  # the promise, kept: never write a file that `sopgen check` would refuse
        doc = parse_text(text, path, str(path))
    except LoadFailure as failure:
        raise SopValidationError([failure.error]) from None
    sop, errors = validate.check_model(doc)
    errors += validate.check_sop(doc, sop) if sop is not None else []
    if errors:
        raise SopValidationError(errors)
    return path, text


def run_new(args: argparse.Namespace) -> int:
    """Write the new SOP file; never overwrite an existing one."""
    sop_dir = Path(args.sop_dir)
    try:
        path, text = _plan(args, sop_dir)
    except Refused as refused:
        print(f"sopgen new: {printable(str(refused))}; nothing written", file=sys.stderr)
        return 2
    if path.exists():
        print(f"sopgen new: {path} exists already; nothing written", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path} written: fill it in, then run `sopgen check`")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``sopgen new`` flags."""
    parser.add_argument("--title")
    parser.add_argument("--organization")
    parser.add_argument("--unit", help="unit folder under the SOP folder, e.g. sekretariat")
    parser.add_argument("--unit-name", help="unit display name, e.g. 'Sekretariat'")
    parser.add_argument("--roles", help="comma-separated role names, in lane order")
    parser.add_argument("--kind", choices=("rutin", "pelayanan", "penugasan"), default="rutin")
    parser.add_argument("--sop-dir", default="sop")
    parser.set_defaults(func=run_new)
