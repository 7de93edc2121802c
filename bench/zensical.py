"""A reference line: the same pages exported (``sopgen export``) and built by Zensical.

Zensical is the successor of Material for MkDocs; it runs no sopgen code, so it builds the
export, which carries each page's assets with it. No target: the figure says what the
other engine costs on the same site, next to sopgen's own build. Zensical comes with the
test extras; where it is missing it is installed into a temporary venv for the run.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.serve_edit import SOPGEN


@functools.cache
def zensical_command() -> list[str]:
    """The command that runs Zensical: this interpreter's, or a temporary venv's (made
    once per run, removed when the benchmark exits)."""
    if importlib.util.find_spec("zensical") is not None:
        return [sys.executable, "-m", "zensical"]
    folder = Path(tempfile.mkdtemp(prefix="sopgen-zensical-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    venv.create(folder, with_pip=True)
    subprocess.run([str(folder / "bin" / "pip"), "install", "-q", "zensical"], check=True)
    return [str(folder / "bin" / "python"), "-m", "zensical"]


def zensical_figures(root: Path, run: Callable[[list[str], Path], Any]) -> dict[str, float]:
    """Export the project at ``root`` and build the export with Zensical: the export's
    seconds, Zensical's seconds and peak memory (``run``: bench.run's timed child). A build
    Zensical refuses is a finding of the reference, not a failed benchmark: its figures
    are NaN and its last error line is kept (e.g. at 2,000 SOPs its search index limit)."""
    out = root / "export"
    export = run([*SOPGEN, "export", str(out)], root)
    assert export.status == 0, export.stderr[-2000:]
    built = run([*zensical_command(), "build"], out)
    shutil.rmtree(out)
    failed = built.status != 0
    if failed:
        REFUSED[root] = (built.stderr.strip().splitlines() or ["(no message)"])[-1][:300]
    nan = float("nan")
    return {"export_s": export.seconds, "zensical_s": nan if failed else built.seconds,
            "zensical_mb": nan if failed else built.peak_mb}


REFUSED: dict[Path, str] = {}
"""Why Zensical refused a build, by project (printed after the figures)."""


def zensical_line(f: dict[str, float]) -> str:
    """The reference line, printed next to sopgen's build."""
    if f["zensical_s"] != f["zensical_s"]:  # NaN: Zensical refused the export
        return (f"zensical (export)     refused: {'; '.join(REFUSED.values())}   "
                f"(sopgen export {f['export_s']:.2f} s; a reference, no target)")
    return (f"zensical (export)     {f['zensical_s']:8.2f} s   peak {f['zensical_mb']:.0f} MB   "
            f"(sopgen export {f['export_s']:.2f} s; sopgen build {f['build_s']:.2f} s, "
            f"peak {f['build_mb']:.0f} MB; a reference, no target)")
