"""Gather every SOP under the source folder: load, model and validate them all, together.

Like MkDocs' own build, everything is gathered and checked before anything is written: a
single error anywhere stops the build with every error listed, and nothing on disk changes.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import across as validate_site
from generator.check import organizations, validate
from generator.check.discover import SOP_SUFFIXES, discover
from generator.check.organizations import Organization, org_key
from generator.check.references import reference_errors
from generator.source.durations import DurationTotal, total_of
from generator.source.errors import SopError, SopValidationError
from generator.source.load import LoadFailure, SourceDocument, load_file
from generator.source.model import Sop

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
__all__ = ["NAME_PATTERN", "SOP_SUFFIXES", "FileCache", "Library", "SopEntry", "load_library"]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SopEntry:
    """A validated SOP with what its place in the source tree says about it."""

    id: str
    unit_id: str
    source: SourceDocument
    sop: Sop
    organization: Organization

    @property
    def unit_name(self) -> str:
        """The unit's display name: the SOP's unit field, else its organisation."""
        return self.sop.unit or self.organization.name

    @property
    def total_time(self) -> DurationTotal:
        return total_of([step.standard.time for step in self.sop.steps])


@dataclass(frozen=True)
class Library:
    """All SOPs of a site, sorted by unit then id."""

    entries: tuple[SopEntry, ...]
    office_folders: dict[str, str] = field(default_factory=dict)
    """Folder (relative to the SOP folder) -> office name, where an _organization.yaml
    names it: the site's navigation titles those folders after their office."""

    def by_id(self, sop_id: str) -> SopEntry:
        return next(entry for entry in self.entries if entry.id == sop_id)

    @property
    def has_many_organizations(self) -> bool:
        """A site of one office looks as it always did: no office headings or folders."""
        return len({entry.organization for entry in self.entries}) > 1

    def offices_by_folder(self) -> dict[str, str]:
        """Folder -> office name: the folders an _organization.yaml names and, on a site of
        several offices, each top folder whose SOPs all belong to one office."""
        tops: dict[str, set[str]] = {}
        for entry in self.entries if self.has_many_organizations else ():
            if entry.unit_id:
                tops.setdefault(entry.unit_id.split("/")[0], set()).add(entry.organization.name)
        found = {top: names.pop() for top, names in tops.items() if len(names) == 1}
        return {**found, **self.office_folders}

    def units(self) -> dict[str, list[SopEntry]]:
        """Unit id -> its SOPs, in unit order."""
        result: dict[str, list[SopEntry]] = {}
        for entry in self.entries:
            result.setdefault(entry.unit_id, []).append(entry)
        return result


def _check_name(path: Path, sop_dir: Path, display: str) -> SopError | None:
    """Names become URLs and file names: refuse unsafe ones."""
    for part in (*path.relative_to(sop_dir).parent.parts, path.stem):
        if not NAME_PATTERN.match(part):
            return SopError(display, 1, 1, "", f"the name '{part}' cannot be used in a URL: "
                                               "use lowercase letters, digits, '-' and '_'")
    return None


Loaded = tuple[SourceDocument | None, Sop | None, list[SopError]]
FileKey = tuple[str, str, int, int]


class FileCache:
    """Files read before, by path and stat: under ``serve`` an edit re-reads one file, not
    all. The SOP model is immutable, so a cached result is as good as a new one. A one-off
    build passes no cache: it reads each file once and frees the node trees after."""

    def __init__(self) -> None:
        self._loaded: dict[FileKey, Loaded] = {}

    def get(self, key: FileKey, read: Callable[[], Loaded]) -> Loaded:
        if key not in self._loaded:
            self._loaded[key] = read()
        return self._loaded[key]

    def keep_only(self, used: set[FileKey]) -> None:
        """Forget files that are gone or changed: only the site's current files stay."""
        for key in set(self._loaded) - used:
            del self._loaded[key]


def _load_one(path: Path, sop_dir: Path, display: str, cache: FileCache | None,
              used: set[FileKey]) -> Loaded:
    name_error = _check_name(path, sop_dir, display)
    if name_error:
        return None, None, [name_error]
    if cache is None:
        return _read_and_check(path, display)
    try:
        stat = path.stat()
    except OSError:  # gone since discovery: read it uncached and report what happens
        return _read_and_check(path, display)
    key = (str(path.resolve()), display, stat.st_mtime_ns, stat.st_size)
    used.add(key)
    return cache.get(key, lambda: _read_and_check(path, display))


def _read_and_check(path: Path, display: str) -> Loaded:
    try:
        doc = load_file(path, display)
    except LoadFailure as failure:
        return None, None, [failure.error]
    sop, errors = validate.check_model(doc)
    errors += validate.check_sop(doc, sop) if sop else reference_errors(doc, errors)
    return doc, sop, errors


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a phase allocates many objects that stay alive.

    Loading creates hundreds of thousands of YAML nodes and values; the collector scanned
    them again and again for cycles there are none of: 3.3 s of a 1,000-SOP load, 0.8 s
    without it (measured). Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_library(sop_dir: Path, display_root: Path | None = None,
                 cache: FileCache | None = None) -> Library:
    """Load and validate every SOP; raise :class:`SopValidationError` listing all errors.
    ``cache`` (``sopgen serve``) keeps unchanged files from the last call."""
    with gc_paused():
        return _load_library(sop_dir, display_root, cache)


def _load_library(sop_dir: Path, display_root: Path | None, cache: FileCache | None
                  ) -> Library:
    root = display_root or sop_dir.parent
    errors: list[SopError] = []
    good: list[tuple[str, SourceDocument, Sop]] = []
    found = discover(sop_dir, lambda path: _display(path, root))
    for note in found.notes:
        log.warning("%s", note)
    errors += found.errors
    paths = found.files
    folders = organizations.declared(sop_dir, lambda path: _display(path, root), errors)
    used: set[FileKey] = set()
    org_names: dict[str, str] = {}
    for path in paths:
        display = _display(path, root)
        doc, sop, file_errors = _load_one(path, sop_dir, display, cache, used)
        errors += file_errors
        name = organizations.organization_of(doc, sop, folders, errors) if doc and sop else None
        if doc is not None and sop is not None and name is not None:
            org_names[display] = name
            good.append((path.stem, doc, sop))
    if cache is not None:
        cache.keep_only(used)
    errors += validate_site.check_library(good, [path.stem for path in paths],
                                          {d: org_key(n) for d, n in org_names.items()})
    if errors:
        raise SopValidationError(errors)
    if cache is None:  # positions are for errors: there are none, free the node trees
        for _, doc, _ in good:
            doc.root = doc.data = None
    offices = organizations.slugs(list(org_names.values()))
    entries = [SopEntry(sop_id, _unit_id(doc.path, sop_dir), doc, sop,
                        offices[org_key(org_names[doc.display_path])])
               for sop_id, doc, sop in good]
    office_folders = {folder.relative_to(sop_dir).as_posix(): name
                      for folder, name in folders.items() if folder != sop_dir}
    return Library(tuple(sorted(entries, key=lambda e: (e.unit_id, e.id))), office_folders)


def _unit_id(path: Path, sop_dir: Path) -> str:
    return "/".join(path.relative_to(sop_dir).parent.parts)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
