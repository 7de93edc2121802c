"""A build that is stopped half-way: SIGTERM and Ctrl-C clean up at once, and what a SIGKILL
leaves behind is removed by the next build, and nothing that is not sopgen's own."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import make_corpus
from helpers.site import make_project
from helpers.tree import changes, snapshot

SOPS = 40  # enough for a build of several seconds, so it can be stopped half-way


@pytest.fixture
def project(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, SOPS)
    return make_project(tmp_path, sop_dir=corpus)


def build(project: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "-f",
                             str(project / "mkdocs.yml")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def stop_half_way(project: Path, run: subprocess.Popen[bytes], signum: int) -> None:
    """Send ``signum`` once the build is rendering pages into its staging folder."""
    deadline = time.monotonic() + 120
    while not any(project.glob(".site-new-*/.sopgen-pages/*")):
        assert run.poll() is None, "the build ended before it could be stopped"
        assert time.monotonic() < deadline, "the build never started writing pages"
        time.sleep(0.02)
    run.send_signal(signum)


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


@pytest.mark.parametrize(("signum", "status", "message"), [
    (signal.SIGTERM, 143, b""), (signal.SIGINT, 130, b"sopgen build: interrupted\n")])
def test_sigterm_or_ctrl_c_cleans_up_at_once(
        project: Path, signum: int, status: int, message: bytes) -> None:
    assert build(project).wait(timeout=300) == 0
    before = snapshot(project)
    run = build(project)
    stop_half_way(project, run, signum)
    assert run.wait(timeout=60) == status
    assert run.stderr is not None
    err = run.stderr.read()
    assert err.endswith(message) and b"Traceback" not in err
    assert changes(before, snapshot(project)) == []  # the old site too, byte for byte


def test_the_build_after_a_killed_one_removes_its_leftovers(project: Path) -> None:
    foreign = [project / ".site-new-notmine", project / ".site-new-0123abcd"]
    for folder in foreign:  # named like a staging folder, but without sopgen's marker
        folder.mkdir()
        (folder / "keep.txt").write_text("not sopgen's\n", encoding="utf-8")
    before = snapshot(project)
    run = build(project)
    stop_half_way(project, run, signal.SIGKILL)
    assert run.wait(timeout=60) == -signal.SIGKILL
    assert len(leftovers(project)) == 3  # the killed build's staging folder, with its pages
    assert build(project).wait(timeout=300) == 0
    assert leftovers(project) == [".site-new-0123abcd", ".site-new-notmine"]
    assert changes(before, snapshot(project, skip=("site",))) == []
    assert (project / "site" / "sitemap.xml").is_file()
