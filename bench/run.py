"""The benchmark: ``.venv/bin/python -m bench.run`` (sizes 100, 1000, 2000 by default).

For each size it makes a synthetic corpus (bench/corpus.py), then prints: ``sopgen check``
time; full build wall time and peak memory (the kernel's figures for the child process,
from wait4), split into the generator's stages and MkDocs' part; site size and bytes per
SOP; the same MkDocs+Material build of the same pages written as plain Markdown (the
baseline) and the ratio; one edit under ``sopgen serve``; and in headless Chromium, the
time until a diagram is drawn and whether a page without one loads Mermaid. Every figure
is printed next to its target with PASS or FAIL. Growth from the smallest size to the
largest compares bytes per SOP without the site-wide assets (the theme's and sopgen's
scripts and stylesheets, the same 6 MB at every size: an intercept, not growth), and
prints the figure with them beside it. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from bench.baselines import KINDS, bytes_by_kind, floor, mermaid2_config, same_pages
from bench.browser import diagram_timing
from bench.corpus import make_corpus
from bench.revision import revision
from bench.serve_edit import SOPGEN, first_sop, serve_edit
from bench.zensical import zensical_figures, zensical_line

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """One child process: wall seconds, peak resident memory (MB), its stderr."""

    seconds: float
    peak_mb: float
    stderr: str
    status: int


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and take wall time and peak RSS from the kernel (wait4)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode(errors="replace")
    return Run(seconds, usage.ru_maxrss / 1024, text, os.waitstatus_to_exitcode(status))


def project(root: Path, count: int) -> Path:
    """A site project with ``count`` synthetic SOPs and the repository's configuration."""
    make_corpus(root / "sop", count)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def stage_seconds(stderr: str) -> dict[str, float]:
    """The generator's own stages, as the plugin logs them."""
    found = re.search(r"sopgen: (\d+) SOPs loaded in ([\d.]+) s, (\d+) pages rendered in "
                      r"([\d.]+) s", stderr)
    return {"load": float(found.group(2)), "render": float(found.group(4))} if found else {}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_size(count: int, work: Path, with_serve: bool, other: list[str] | None
               ) -> dict[str, float]:
    """Every figure of one corpus size, printed as it is measured; ``other``: the command
    of another revision's sopgen, to build the same corpus with."""
    root = project(work / f"n{count}", count)
    figures: dict[str, float] = {}
    check = run([*SOPGEN, "check"], root)
    figures["check_s"] = check.seconds
    build = run([*SOPGEN, "build", "-d", str(root / "site")], root)
    assert build.status == 0, build.stderr[-2000:]
    stages = stage_seconds(build.stderr)
    figures |= {"build_s": build.seconds, "build_mb": build.peak_mb, **{
        f"{k}_s": v for k, v in stages.items()}}
    figures["site_bytes"] = folder_bytes(root / "site")
    figures |= {f"bytes_{k}": v for k, v in bytes_by_kind(root / "site", root / "sop").items()}
    for name, make in (("baseline", same_pages), ("floor", floor)):
        base = make(root)
        plain = run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(base / "site")],
                    base)
        assert plain.status == 0, plain.stderr[-2000:]
        figures |= {f"{name}_s": plain.seconds, f"{name}_mb": plain.peak_mb}
        shutil.rmtree(base)
    if other is not None:
        before = run([*other, "build", "-d", str(root / "site-rev")], root)
        assert before.status == 0, before.stderr[-2000:]
        figures |= {"rev_s": before.seconds, "rev_mb": before.peak_mb,
                    "rev_bytes": folder_bytes(root / "site-rev")}
        shutil.rmtree(root / "site-rev")
    mermaid2 = run([*SOPGEN, "build", "-f", str(mermaid2_config(root)), "-d",
                    str(root / "site-mermaid2")], root)
    assert mermaid2.status == 0, mermaid2.stderr[-2000:]
    figures["mermaid2_build_s"] = mermaid2.seconds
    shutil.rmtree(root / "site-mermaid2")
    figures |= zensical_figures(root, run)
    if with_serve:
        figures["serve_edit_s"] = serve_edit(root)
    figures |= diagram_timing(root / "site", first_sop(root) + "/", "")
    _print(count, figures)
    return figures


def _print(count: int, f: dict[str, float]) -> None:
    mkdocs_part = f["build_s"] - f.get("load_s", 0) - f.get("render_s", 0)
    print(f"\n== {count} SOPs ==")
    print(f"sopgen check          {f['check_s']:8.2f} s" + (
        f"   target < 3 s at 1000: {verdict(f['check_s'] < 3)}" if count == 1000 else ""))
    print(f"full build            {f['build_s']:8.2f} s   peak {f['build_mb']:.0f} MB" + (
        f"   target < 500 MB: {verdict(f['build_mb'] < 500)}" if count == 1000 else ""))
    print(f"  generator: load     {f.get('load_s', float('nan')):8.2f} s")
    print(f"  generator: render   {f.get('render_s', float('nan')):8.2f} s")
    print(f"  MkDocs and the rest {mkdocs_part:8.2f} s")
    ratio = f["build_s"] / f["baseline_s"]
    at = count == 1000
    print(f"same pages, plain .md {f['baseline_s']:8.2f} s   peak {f['baseline_mb']:.0f} MB   "
          f"ratio {ratio:.2f}" + (f"   target <= 1.2: {verdict(ratio <= 1.2)}" if at else ""))
    low = f["build_s"] / f["floor_s"]
    print(f"floor (1 paragraph)   {f['floor_s']:8.2f} s   peak {f['floor_mb']:.0f} MB   "
          f"ratio {low:.2f}" + (f"   target <= 2.0: {verdict(low <= 2.0)}" if at else ""))
    if "rev_s" in f:
        half = f["build_s"] / f["rev_s"]
        print(f"--rev build           {f['rev_s']:8.2f} s   peak {f['rev_mb']:.0f} MB   "
              f"{f['rev_bytes'] / count / 1e3:.0f} kB per SOP   ratio {half:.2f}" + (
                  f"   target <= 0.5: {verdict(half <= 0.5)}" if at else ""))
    per_sop = f["site_bytes"] / count / 1e3
    print(f"site size             {f['site_bytes'] / 1e6:8.1f} MB   {per_sop:.0f} kB per SOP" + (
        f"   target <= 120 kB: {verdict(per_sop <= 120)}" if at else "") +
        f"   {f['build_s'] / count * 1e3:.1f} ms per SOP")
    print("  kB per SOP by kind  " + "  ".join(
        f"{kind} {f[f'bytes_{kind}'] / count / 1e3:.1f}" for kind in KINDS))
    print(f"with mkdocs-mermaid2  {f['mermaid2_build_s']:8.2f} s   (default, Material's own "
          f"Mermaid: {f['build_s']:.2f} s; faster: "
          f"{'Material' if f['build_s'] <= f['mermaid2_build_s'] else 'mkdocs-mermaid2'})")
    print(zensical_line(f))
    if "serve_edit_s" in f:
        print(f"edit under serve      {f['serve_edit_s']:8.2f} s" + (
            f"   target <= 1 s at 1000: {verdict(f['serve_edit_s'] <= 1)}"
            if count == 1000 else ""))
    print(f"diagram drawn after   {f['diagram_s']:8.2f} s   target <= 0.5 s: "
          f"{verdict(f['diagram_s'] <= 0.5)}")
    print(f"mermaid on plain page {int(f['plain_page_mermaid_requests']):8d}      target 0: "
          f"{verdict(f['plain_page_mermaid_requests'] == 0)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000])
    parser.add_argument("--no-serve", action="store_true", help="skip the serve edit loop")
    parser.add_argument("--keep", type=Path, help="keep the corpora and sites in this folder")
    parser.add_argument("--rev", help="also build each corpus with this git revision "
                        "(e.g. main), in a worktree and venv of its own, removed afterwards")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sopgen-bench-"))
    with revision(args.rev) if args.rev else nullcontext() as other:
        results = {n: bench_size(n, work, not args.no_serve, other) for n in args.sizes}
    small, large = min(results), max(results)
    if small != large:
        print(f"\n== growth {small} -> {large} ==")
        for result in results.values():
            result["page_bytes"] = result["site_bytes"] - result["bytes_assets"]
        for key, label in (("page_bytes", "bytes per SOP"), ("build_s", "seconds per SOP")):
            a, b = results[small][key] / small, results[large][key] / large
            print(f"{label:16} {a:10.4g} -> {b:10.4g}  ({(b / a - 1) * 100:+.0f}%)   "
                  f"target within 15%: {verdict(abs(b / a - 1) <= 0.15)}")
        a, b = (results[n]["site_bytes"] / n for n in (small, large))
        print(f"  with the assets {a:10.4g} -> {b:10.4g}  ({(b / a - 1) * 100:+.0f}%)   "
              f"(the site-wide assets, {results[large]['bytes_assets'] / 1e6:.1f} MB at every "
              "size, are a constant: no target)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
