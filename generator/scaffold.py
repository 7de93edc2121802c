"""``sopgen new``: a new SOP file from a few answers, valid from the first minute.

Role names already used on the site keep their ids, so a new SOP joins the site's roles
instead of starting a second "Kepala Dinas".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.check.library import load_library
from generator.check.organizations import org_key
from generator.render.catalog import site_roles
from generator.source.errors import SopValidationError

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


def slugify(text: str, separator: str = "-") -> str:
    """'Pelayanan KTP-el (Baru)' -> 'pelayanan-ktp-el-baru': safe in file names and URLs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", separator, ascii_text.lower()).strip(separator)
    slug = slug[:60].rstrip(separator)
    return slug if slug and slug[0].isalpha() else f"sop{separator}{slug}".rstrip(separator)


def _known_role_ids(sop_dir: Path, organization: str) -> dict[str, str]:
    """Role name (case-insensitive) -> id, from the SOPs of the same office on the site:
    another office's 'Sekretaris' is another position and keeps its own id."""
    try:
        library = load_library(sop_dir)
    except SopValidationError:
        return {}
    return {role.name.casefold(): role.id for role in site_roles(library)
            if org_key(role.organization.name) == org_key(organization)}


def new_sop_text(answers: NewSop, sop_dir: Path, path: Path) -> str:
    """The YAML text of the new SOP."""
    known = _known_role_ids(sop_dir, answers.organization) if sop_dir.is_dir() else {}
    roles = [(known.get(name.casefold()) or slugify(name, "_"), name)
             for name in answers.role_names]
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    schema = os.path.relpath(SCHEMA_FILE.resolve(), path.parent.resolve())
    return env.get_template("new_sop.yaml.j2").render(
        title=answers.title, organization=answers.organization, unit=answers.unit_name,
        kind=answers.kind, roles=roles, schema=Path(schema).as_posix())


def new_sop_path(sop_dir: Path, answers: NewSop) -> Path:
    """Where the new SOP goes: ``sop/<unit>/<slug of title>.yaml``."""
    return sop_dir / slugify(answers.unit_folder) / f"{slugify(answers.title)}.yaml"


def _answer(value: str | None, question: str) -> str:
    """A flag's value, or the author's answer at the prompt when run interactively."""
    if value:
        return value
    if not sys.stdin.isatty():
        raise SystemExit(f"sopgen new: missing {question} (give it as a flag)")
    return input(f"{question}: ").strip()


def run_new(args: argparse.Namespace) -> int:
    """Write the new SOP file; never overwrite an existing one."""
    sop_dir = Path(args.sop_dir)
    roles = _answer(args.roles, "roles, comma-separated (e.g. Kepala Dinas, Sekretaris)")
    answers = NewSop(
        title=_answer(args.title, "title"),
        organization=_answer(args.organization, "organization (the office, e.g. Kelurahan "
                                                "Sukamaju)"),
        unit_folder=_answer(args.unit, "unit folder (e.g. sekretariat)"),
        unit_name=args.unit_name, kind=args.kind,
        role_names=tuple(name.strip() for name in roles.split(",") if name.strip()))
    path = new_sop_path(sop_dir, answers)
    if path.exists():
        print(f"sopgen new: {path} exists already; nothing written", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_sop_text(answers, sop_dir, path), encoding="utf-8")
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
