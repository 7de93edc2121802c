"""Find the SOP files under the source folder, and name everything found but not read.

Discovery only looks (``lstat``/``stat``), it never opens: a named pipe called ``x.yaml``
would make an open wait forever for a writer. Only regular files are SOPs; links are
followed only when they stay inside the SOP folder; every entry that looks like an SOP but
is not read becomes an error naming it and why, so no SOP goes missing from a site quietly.
Names starting with '_' or '.' are skipped by design (drafts, editor files).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.source.errors import SopError
from generator.source.files import os_problem, special_kind

SOP_SUFFIXES = (".yaml", ".yml")
Display = Callable[[Path], str]


@dataclass
class Found:
    """What discovery saw: files to read, errors to report, and notes (warnings)."""

    files: list[Path] = field(default_factory=list)
    errors: list[SopError] = field(default_factory=list)
    notes: list[SopError] = field(default_factory=list)


def discover(sop_dir: Path, display: Display) -> Found:
    """The SOP files under ``sop_dir`` in name order, with every problem met on the way."""
    found = Found()
    problem = _folder_problem(sop_dir)
    if problem:
        found.errors.append(SopError(display(sop_dir), 1, 1, "", problem))
        return found
    _Walker(sop_dir, display, found).walk(sop_dir)
    if not found.files and not found.errors:
        found.errors.append(SopError(display(sop_dir), 1, 1, "", (
            "this folder has no SOP files (*.yaml); write one with `sopgen new`")))
    return found


def _folder_problem(sop_dir: Path) -> str | None:
    """Why the SOP folder itself cannot be searched, in words; None when it can."""
    try:
        mode = sop_dir.stat().st_mode
    except FileNotFoundError:
        return "the SOP folder does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "the SOP folder is a link that leads round in a circle; it cannot be read"
        return f"the SOP folder cannot be read ({os_problem(exc)})"
    kind = special_kind(mode)
    if kind == "a folder":
        return None
    return f"this is {'a file' if kind is None else kind}, not a folder; SOP files go in a " \
           "folder (sop/<unit>/<name>.yaml)"


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of one folder, in name order (a separate function so tests can make a
    folder unreadable even when run as root, who may read everything)."""
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


@dataclass
class _Walker:
    """One search of the SOP folder: where it starts, how paths are shown, what it found."""

    sop_dir: Path
    display: Display
    found: Found

    def __post_init__(self) -> None:
        self.root = self.sop_dir.resolve()

    def error(self, path: Path, message: str) -> None:
        self.found.errors.append(SopError(self.display(path), 1, 1, "", message))

    def note(self, path: Path, message: str) -> None:
        self.found.notes.append(SopError(self.display(path), 1, 1, "", message))

    def walk(self, folder: Path) -> None:
        try:
            entries = _scan(folder)
        except OSError as exc:
            self.error(folder, f"this folder cannot be read ({os_problem(exc)}); the SOPs "
                               "in it are missing")
            return
        for entry in entries:
            if not entry.name.startswith(("_", ".")):
                self.visit(folder / entry.name, entry.is_symlink())

    def visit(self, path: Path, is_link: bool) -> None:
        """Take one entry: a file to read, a folder to search, or a problem to name."""
        looks_like_sop = path.suffix.lower() in SOP_SUFFIXES
        try:
            mode = path.stat().st_mode  # follows a link; refuses a broken or looping one
        except OSError as exc:
            reason = _link_problem(exc) if is_link else f"this cannot be read ({os_problem(exc)})"
            if looks_like_sop:
                self.error(path, reason)
            elif is_link:  # perhaps a unit folder's link: worth a word, not a failed build
                self.note(path, reason)
            return
        kind = special_kind(mode)
        if is_link and not path.resolve().is_relative_to(self.root):
            if kind == "a folder":
                self.error(path, "this folder links to a place outside the SOP folder; its "
                                 "files are not read")
            elif looks_like_sop:
                self.error(path, "this file links to a place outside the SOP folder; copy "
                                 "the file in instead")
        elif kind == "a folder":
            self.folder(path, is_link, looks_like_sop)
        elif not looks_like_sop:
            return  # pictures, notes: not SOPs, and not named like one
        elif kind is not None:
            self.error(path, f"this is {kind}, not a file; it is not read")
        elif path.suffix not in SOP_SUFFIXES:
            self.error(path, f"the extension '{path.suffix}' is not read; rename the file to "
                             f"end in '{path.suffix.lower()}'")
        else:
            self.found.files.append(path)

    def folder(self, path: Path, is_link: bool, looks_like_sop: bool) -> None:
        if looks_like_sop:
            self.error(path, "this is a folder named like an SOP file; it is not read "
                             "(rename it)")
        elif is_link:
            target = self.display(self.sop_dir / path.resolve().relative_to(self.root))
            self.note(path, f"this folder is a link to {target}; its SOPs are read there, "
                            "not twice")
        else:
            self.walk(path)


def _link_problem(exc: OSError) -> str:
    """A link that cannot be followed: to nothing, or round in a circle."""
    if exc.errno == errno.ELOOP:
        return "this link leads round in a circle (a link loop); it cannot be read"
    if isinstance(exc, FileNotFoundError):
        return "this link leads to nothing (its target does not exist)"
    return os_problem(exc)

