"""A snapshot of a folder tree (every path, its mode, its content hash or link target), to
show that a command changed nothing outside the folder it may write."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

Tree = dict[str, tuple[int, str]]


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> Tree:
    """``{relative path: (mode, sha256 or link target)}`` for ``root`` and all below it,
    except the relative paths in ``skip`` and what lies under them."""
    tree: Tree = {}
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        rel_base = base.relative_to(root)
        dirs[:] = [d for d in dirs if str(rel_base / d) not in skip]
        for name in [".", *dirs, *files]:
            path = base / name if name != "." else base
            rel = str(path.relative_to(root))
            if rel in skip:
                continue
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                content = "-> " + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                content = ""
            tree[rel] = (stat.S_IMODE(info.st_mode) | stat.S_IFMT(info.st_mode), content)
    return tree


def changes(before: Tree, after: Tree) -> list[str]:
    """What differs, one line per path: added, removed or changed."""
    return sorted([f"added {p}" for p in after.keys() - before.keys()]
                  + [f"removed {p}" for p in before.keys() - after.keys()]
                  + [f"changed {p}" for p in before.keys() & after.keys()
                     if before[p] != after[p]])
