"""The benchmark: ``.venv/bin/python -m bench.run`` (sizes 100, 1000, 2000 by default).

For each size it makes a synthetic corpus (bench/corpus.py), then prints: ``sopgen check``
time; full build wall time and peak memory (the kernel's figures for the child process,
from wait4), split into the generator's stages and MkDocs' part; site size and bytes per
SOP; the same MkDocs+Material build of the same pages written as plain Markdown (the
baseline) and the ratio; one edit under ``sopgen serve``; and in headless Chromium, the
time until a diagram is drawn and whether a page without one loads Mermaid. Every figure
is printed next to its target with PASS or FAIL. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.browser import diagram_timing
from bench.corpus import make_corpus
from generator.check.library import load_library
from generator.render.assets import site_assets
from generator.render.site import render_site
from generator.write import export_pages

REPO = Path(__file__).resolve().parents[1]
SOPGEN = [sys.executable, "-m", "generator"]


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


def baseline(root: Path) -> Path:
    """The same pages as plain Markdown files, built by MkDocs+Material without sopgen."""
    base = root / "baseline"
    shutil.copytree(root / "docs", base / "docs")
    export_pages(render_site(load_library(root / "sop")), base / "docs")
    for path, source in site_assets().items():
        (base / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, base / "docs" / path)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!!python/name:pymdownx.superfences.fence_code_format", "FENCE"))
    config["plugins"] = [p for p in config["plugins"] if "sopgen" not in p]
    config["extra_css"] = ["assets/sopgen/sopgen.css"]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("FENCE", "!!python/name:pymdownx.superfences.fence_code_format")
    (base / "mkdocs.yml").write_text(text, encoding="utf-8")
    return base


def mermaid2_config(root: Path) -> Path:
    """The same project with mkdocs-mermaid2 loading the diagrams (the supported option)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - sopgen:", "  - mermaid2:\n      arguments:\n        startOnLoad: false"
                        "\n  - sopgen:").replace("pymdownx.superfences.fence_code_format",
                                                 "mermaid2.fence_mermaid_custom")
    (root / "mkdocs-mermaid2.yml").write_text(text, encoding="utf-8")
    return root / "mkdocs-mermaid2.yml"


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def stage_seconds(stderr: str) -> dict[str, float]:
    """The generator's own stages, as the plugin logs them."""
    found = re.search(r"sopgen: (\d+) SOPs loaded in ([\d.]+) s, (\d+) pages rendered in "
                      r"([\d.]+) s", stderr)
    return {"load": float(found.group(2)), "render": float(found.group(4))} if found else {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_edit(root: Path) -> float:
    """Seconds from saving one changed step to the rebuilt page containing it."""
    port = free_port()
    server = subprocess.Popen([*SOPGEN, "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        page = _first_sop(root)
        _wait_for(lambda: server.poll() is not None or _get(url) is not None, 900)
        assert server.poll() is None, "sopgen serve stopped"
        token = f"Diubah{int(time.time())}"
        path = root / "sop" / f"{page}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("- action: ", f"- action: {token} ", 1), encoding="utf-8")
        start = time.perf_counter()
        _wait_for(lambda: token in (_get(f"{url}{page}/") or ""), 600)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def _first_sop(root: Path) -> str:
    first = sorted((root / "sop").rglob("*.yaml"))[0]
    return first.relative_to(root / "sop").with_suffix("").as_posix()


def _get(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(condition: object, limit: float) -> None:
    deadline = time.perf_counter() + limit
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("gave up waiting")
        time.sleep(0.05)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_size(count: int, work: Path, with_serve: bool) -> dict[str, float]:
    """Every figure of one corpus size, printed as it is measured."""
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
    base = baseline(root)
    plain = run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(base / "site")], base)
    assert plain.status == 0, plain.stderr[-2000:]
    figures |= {"baseline_s": plain.seconds, "baseline_mb": plain.peak_mb}
    other = run([*SOPGEN, "build", "-f", str(mermaid2_config(root)), "-d",
                 str(root / "site-mermaid2")], root)
    assert other.status == 0, other.stderr[-2000:]
    figures["mermaid2_build_s"] = other.seconds
    shutil.rmtree(root / "site-mermaid2")
    if with_serve:
        figures["serve_edit_s"] = serve_edit(root)
    figures |= diagram_timing(root / "site", _first_sop(root) + "/", "")
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
    print(f"baseline (plain .md)  {f['baseline_s']:8.2f} s   peak {f['baseline_mb']:.0f} MB   "
          f"ratio {ratio:.2f}" + (f"   target <= 1.2: {verdict(ratio <= 1.2)}"
                                  if count == 1000 else ""))
    print(f"site size             {f['site_bytes'] / 1e6:8.1f} MB   "
          f"{f['site_bytes'] / count / 1e3:.0f} kB per SOP   "
          f"{f['build_s'] / count * 1e3:.1f} ms per SOP")
    print(f"with mkdocs-mermaid2  {f['mermaid2_build_s']:8.2f} s   (default, Material's own "
          f"Mermaid: {f['build_s']:.2f} s; faster: "
          f"{'Material' if f['build_s'] <= f['mermaid2_build_s'] else 'mkdocs-mermaid2'})")
    if "serve_edit_s" in f:
        print(f"edit under serve      {f['serve_edit_s']:8.2f} s" + (
            f"   target <= 2 s at 1000: {verdict(f['serve_edit_s'] <= 2)}"
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
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sopgen-bench-"))
    results = {n: bench_size(n, work, not args.no_serve) for n in args.sizes}
    small, large = min(results), max(results)
    if small != large:
        print(f"\n== growth {small} -> {large} ==")
        for key, label in (("site_bytes", "bytes per SOP"), ("build_s", "seconds per SOP")):
            a, b = results[small][key] / small, results[large][key] / large
            print(f"{label:16} {a:10.4g} -> {b:10.4g}  ({(b / a - 1) * 100:+.0f}%)   "
                  f"target within 15%: {verdict(abs(b / a - 1) <= 0.15)}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
