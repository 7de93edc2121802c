"""Stage 5: the only module that writes the site, and it never leaves a half-built one.

A build goes into a fresh folder beside the site; only when it has fully succeeded does it
take the site's place, by renames under a lock. A failed build deletes its own folder and
leaves the previous site byte for byte as it was.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def _locked(site_dir: Path) -> Iterator[None]:
    """Serialise swaps of the same site between processes (two builds at once)."""
    lock_path = site_dir.parent / f".{site_dir.name}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(staging)`` into a new folder, then swap it in; on failure change nothing."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        build(staging)
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, site_dir: Path) -> None:
    with _locked(site_dir):
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
            os.rename(site_dir, old / "site")
        os.rename(staging, site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text(path: Path, text: str) -> None:
    """Write a text file whole: a reader sees the old content or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def export_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write generated Markdown pages to a folder, for site engines other than MkDocs."""
    for rel_path, text in pages.items():
        write_text(out_dir / rel_path, text)
