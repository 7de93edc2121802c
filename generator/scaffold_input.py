"""``sopgen new``'s answers, checked before anything is written.

``sopgen new`` promises a file that ``sopgen check`` passes. Some answers cannot keep that
promise (a blank title, two roles that make the same id, a role named only in emoji, a
control character); they are refused here, each with a one-line reason, instead of
becoming a file that fails later and blames the wrong line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.check.validate import name_key
from generator.source.errors import printable


class Refused(ValueError):
    """An answer ``sopgen new`` cannot turn into a valid SOP; the message says why."""


@dataclass(frozen=True)
class SiteFacts:
    """What the site already says: role ids by name, names by id, SOP ids, folder units."""

    role_by_name: dict[str, tuple[str, str]]
    name_by_role: dict[str, tuple[str, str]]
    sop_files: dict[str, str]
    units: dict[str, tuple[str, str]]


_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_REFUSED_CHARS = frozenset({"\ufeff", "\ufffe", "\uffff"})


def clean(value: str, what: str) -> str:
    """``value`` stripped; refused when blank or holding a character YAML or a terminal
    would act on (controls, line separators, lone surrogates, byte order marks)."""
    text = value.strip()
    for char in text:
        if unicodedata.category(char) in _REFUSED_CATEGORIES or char in _REFUSED_CHARS:
            raise Refused(f"the {what} contains the control character U+{ord(char):04X}; "
                          "type it without")
    if not text:
        raise Refused(f"the {what} is blank")
    return text


def slugify(text: str, separator: str = "-") -> str:
    """'Pelayanan KTP-el (Baru)' -> 'pelayanan-ktp-el-baru': safe in file names and URLs."""
    slug = _ascii_slug(text, separator)[:60].rstrip(separator)
    return slug if slug and slug[0].isalpha() else f"sop{separator}{slug}".rstrip(separator)


def _ascii_slug(text: str, separator: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", separator, ascii_text.lower()).strip(separator)


def role_ids(names: list[str], site: SiteFacts) -> list[tuple[str, str]]:
    """(id, name) per role: the site's id and spelling for a role it knows, else an id
    made from the name; refused when two roles would share an id or a name."""
    if not names:
        raise Refused("give at least one role name (--roles \"Kepala Seksi, Staf\")")
    roles: list[tuple[str, str]] = []
    by_id: dict[str, str] = {}
    keys: set[str] = set()
    for name in names:
        if name_key(name) in keys:
            raise Refused(f"the role '{printable(name)}' is given twice")
        keys.add(name_key(name))
        known = site.role_by_name.get(name_key(name))
        role_id, spelled = known if known else (_role_id(name), name)
        if role_id in by_id:
            raise Refused(f"the roles '{printable(by_id[role_id])}' and '{printable(name)}' "
                          f"would both get the id '{role_id}'; give one role once, or name "
                          "them apart")
        other = site.name_by_role.get(role_id)
        if known is None and other is not None:
            raise Refused(f"the id '{role_id}' of the role '{printable(name)}' is already the "
                          f"role '{printable(other[0])}' in {other[1]}; use that name, or "
                          "another")
        by_id[role_id] = name
        roles.append((role_id, spelled))
    return roles


def _role_id(name: str) -> str:
    if not _ascii_slug(name, "_"):
        raise Refused(f"the role '{printable(name)}' has no letters a-z or digits to make "
                      "its id from; write the name in Latin letters")
    return slugify(name, "_")
