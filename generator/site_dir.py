"""The site folder is only ever a site: the rules that keep ``sopgen build`` from replacing
anything else (the project, its sources, a folder of someone's files, ``/``).

A build replaces the whole site folder, so a wrong ``-d`` would delete whatever it names.
The folder is accepted only when it is new, empty (dot-files aside: they are carried over),
or a site that sopgen or MkDocs built, and when it neither is, holds nor lies inside the
sources. Every site sopgen builds carries :data:`MARKER`; sites MkDocs built without sopgen
are known by the ``sitemap.xml`` and ``404.html`` that every MkDocs build writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from generator.user_error import UserError

MARKER = ".sopgen-site"
"""In every site sopgen builds (and in its staging folder, locked while the build runs)."""
SCRATCH = ".sopgen-pages"
"""The plugin's scratch folder for generated Markdown, inside the site being built."""
OWN_NAMES = frozenset({MARKER, SCRATCH})
"""Dot-files of sopgen's own: never carried over from the old site into the new one."""
MARKER_TEXT = "A site built by sopgen: `sopgen build` replaces this folder whole.\n"
EXPORT_MARKER = ".sopgen-export"
"""In every folder ``sopgen export`` writes: the next export may replace it whole."""
EXPORT_MARKER_TEXT = "Pages exported by sopgen: `sopgen export` replaces this folder whole.\n"


class SiteDirError(UserError):
    """The site folder named is not one a build may replace."""


def is_site(folder: Path) -> bool:
    """A site that sopgen built (its marker) or that MkDocs built (its sitemap and 404)."""
    return (folder / MARKER).is_file() or (
        (folder / "sitemap.xml").is_file() and (folder / "404.html").is_file())


def replaceable(folder: Path) -> bool:
    """New, a site, or empty but for dot-files (which the swap carries over)."""
    if not folder.exists():
        return True
    return folder.is_dir() and (
        is_site(folder) or all(p.name.startswith(".") for p in folder.iterdir()))


def is_export(folder: Path) -> bool:
    """A folder of pages that ``sopgen export`` wrote (its marker)."""
    return (folder / EXPORT_MARKER).is_file()


def check_site_dir(site_dir: Path, project: Path, sources: Mapping[str, Path],
                   option: str = "-d", status: int = 2) -> None:
    """Raise :class:`SiteDirError` unless a build may replace ``site_dir``. ``sources`` names
    what the site is built from ("the SOP folder": path, ...): none of them may be the site
    folder, hold it or lie inside it; the project folder may only hold it."""
    site = site_dir.resolve()
    named = {"the project folder": project.resolve(),
             **{what: path.resolve() for what, path in sources.items()}}
    reason = _reason(site, named, [what for what in named if what != "the project folder"])
    if reason:
        raise SiteDirError(f"refusing to build into {option} {site_dir}: {reason}", status)


def check_export_dir(out: Path, project: Path, sources: Mapping[str, Path]) -> None:
    """Raise :class:`SiteDirError` (exit 2) unless ``sopgen export`` may replace ``out``: the
    same rules as a site folder's, but the folder must be new, empty (dot-files aside) or
    an earlier export; never a site or anything else."""
    folder = out.resolve()
    named = {"the project folder": project.resolve(),
             **{what: path.resolve() for what, path in sources.items()}}
    reason = _reason(folder, named, [what for what in named if what != "the project folder"],
                     replaceable=lambda f: not f.exists() or is_export(f) or (
                         f.is_dir() and all(p.name.startswith(".") for p in f.iterdir())),
                     refusal=f"not an export of sopgen (no {EXPORT_MARKER})",
                     noun="a folder")
    if reason:
        raise SiteDirError(f"refusing to export into {out}: {reason}", 2)


def _reason(site: Path, named: Mapping[str, Path], no_site_inside: list[str],
            replaceable: Callable[[Path], bool] = replaceable,
            refusal: str = (f"not a site built by sopgen or MkDocs (no {MARKER}, "
                            "no sitemap.xml with 404.html)"),
            noun: str = "a site folder") -> str | None:
    if site == Path(site.anchor):
        return "it is the root of the file system"
    for what, path in named.items():
        if site == path:
            return f"it is {what}"
    for what, path in named.items():
        if path.is_relative_to(site):
            return f"it contains {what} ({path})"
    for what in no_site_inside:
        if site.is_relative_to(named[what]):
            return f"it is inside {what} ({named[what]})"
    if site.exists() and not site.is_dir():
        return f"it is a file, not {noun}"
    if not replaceable(site):
        return f"it is not empty and {refusal}; name a new or empty folder"
    return None
