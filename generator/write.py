"""Stage 5: the only module that writes the site, and it never leaves a half-built one.

A build goes into a fresh staging folder beside the site; only when it has fully succeeded
does it take the site's place, by renames under a lock. A failed build deletes its own
folder and leaves the previous site byte for byte as it was. The new site gets the folder
mode the old one had (or a plain ``mkdir``'s) and the old site's dot-files (``.git`` of a
gh-pages worktree, ``.nojekyll``), as ``mkdocs build`` keeps them.

A build killed outright (SIGKILL, power cut) cannot clean up after itself, so each build
first removes what dead builds of the same site left: staging folders whose marker is no
longer locked by a living build, and old sites renamed aside (put back if the site itself
is missing). Only folders named and marked as sopgen's own are touched.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from generator.render.slots import filled_pages
from generator.site_dir import MARKER, MARKER_TEXT, OWN_NAMES, SiteDirError, replaceable


@contextmanager
def _locked(site_dir: Path) -> Iterator[None]:
    """Serialise swaps and clean-ups of the same site between processes. The lock is taken
    on the folder that holds the site, so no lock file is left beside it."""
    handle = os.open(site_dir.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def build_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(staging)`` into a new folder, then swap it in; on failure change nothing."""
    site_dir = site_dir.resolve()
    if not replaceable(site_dir):
        raise SiteDirError(f"refusing to replace {site_dir}: it is not a site folder")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(site_dir):
        remove_leftovers(site_dir)
        staging = _fresh_dir(site_dir.parent, f".{site_dir.name}-new-")
        marker = _lock_marker(staging)
    try:
        build(staging)
        _swap_in(staging, site_dir)
    finally:
        marker.close()
        shutil.rmtree(staging, ignore_errors=True)


def _fresh_dir(parent: Path, prefix: str) -> Path:
    """A new folder with a random name, made by a plain mkdir (so with the umask's mode)."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _lock_marker(staging: Path) -> IO[str]:
    """Write the site marker and hold a lock on it while the build lives: a clean-up that
    can take the lock knows the build that made the folder is dead."""
    handle = open(staging / MARKER, "w", encoding="utf-8")  # noqa: SIM115 (held open)
    handle.write(MARKER_TEXT)
    handle.flush()
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _leftover_pattern(site_dir: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(site_dir.name)}-(new|old)-[0-9a-f]{{8}}")


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Remove what killed builds of ``site_dir`` left beside it; returns what was removed.
    Call under the site's lock."""
    removed = []
    pattern = _leftover_pattern(site_dir)
    for path in sorted(site_dir.parent.iterdir()):
        kind = pattern.fullmatch(path.name)
        if kind is None or path.is_symlink() or not path.is_dir():
            continue
        if kind.group(1) == "new" and not _dead_staging(path):
            continue
        if kind.group(1) == "old" and not replaceable(path):
            continue
        if kind.group(1) == "old" and not site_dir.exists():
            os.rename(path, site_dir)  # killed between the two renames of a swap
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _dead_staging(path: Path) -> bool:
    """A staging folder whose build is gone: its marker is unlocked (or never written)."""
    marker = path / MARKER
    if not marker.is_file():
        return not any(path.iterdir())
    with open(marker, encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
    return True


def _swap_in(staging: Path, site_dir: Path) -> None:
    with _locked(site_dir):
        old = None
        if site_dir.exists():
            _carry_over(site_dir, staging)
            old = _fresh_dir(site_dir.parent, f".{site_dir.name}-old-")
            os.rename(site_dir, old)  # onto the empty folder just made: replaces it
        os.rename(staging, site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _carry_over(site_dir: Path, staging: Path) -> None:
    """Give the new site the old one's folder mode and copies of its dot-files (copies, so
    a build killed half-way never loses the originals)."""
    os.chmod(staging, stat.S_IMODE(site_dir.stat().st_mode))
    for entry in site_dir.iterdir():
        target = staging / entry.name
        if not entry.name.startswith(".") or entry.name in OWN_NAMES or target.exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True)
        else:
            shutil.copy2(entry, target, follow_symlinks=False)


def write_text(path: Path, text: str) -> None:
    """Write a text file whole: a reader sees the old content or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_scratch(path: Path, text: str) -> None:
    """Write a file of a scratch folder the build made and only the build reads: directly,
    with no temporary file to swap in (a build writes some 14,000 of them at 1,000 SOPs)."""
    try:
        path.write_text(text, encoding="utf-8")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def export_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write generated Markdown pages to a folder, for site engines other than MkDocs:
    with no adapter to fill the slots after conversion, each page carries its side
    files' HTML in its Markdown, and the side files are not written."""
    for rel_path, text in filled_pages(pages).items():
        write_text(out_dir / rel_path, text)
