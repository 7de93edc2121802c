"""Another revision of sopgen, to build the same corpus with in the same run (``--rev``).

"Half of today's build time" is only a fair claim when both builds run on the same
machine, at the same time, on the same corpus. The revision is checked out as a detached
git worktree in a temporary folder with a venv of its own (its own dependencies), and both
are removed afterwards, whatever happens.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def revision(rev: str) -> Iterator[list[str]]:
    """The command that runs sopgen at ``rev`` (``[python, "-m", "generator"]``)."""
    folder = Path(tempfile.mkdtemp(prefix="sopgen-rev-"))
    tree = folder / "tree"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree),
                    rev], check=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
        python = folder / "venv" / "bin" / "python"
        pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", str(tree)],
                             capture_output=True, text=True, check=False)
        if pip.returncode:
            raise RuntimeError(f"installing {rev} failed:\n{pip.stderr[-2000:]}")
        yield [str(python), "-m", "generator"]
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                       check=False)
        shutil.rmtree(folder, ignore_errors=True)
