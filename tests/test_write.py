"""Stage 5: the site is replaced whole or not at all, also with two builds at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.write import build_atomically, export_pages, write_scratch
from helpers.site import make_project


def write_site(marker: str) -> object:
    def build(staging: Path) -> None:
        (staging / "index.html").write_text(marker, encoding="utf-8")
        (staging / "sub").mkdir()
        (staging / "sub" / "page.html").write_text(marker, encoding="utf-8")
    return build


def test_success_replaces_and_cleans_up(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_atomically(site, write_site("one"))  # type: ignore[arg-type]
    build_atomically(site, write_site("two"))  # type: ignore[arg-type]
    assert (site / "sub" / "page.html").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failure_half_way_leaves_the_old_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_atomically(site, write_site("old"))  # type: ignore[arg-type]

    def broken(staging: Path) -> None:
        (staging / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("build broke half-way")

    with pytest.raises(RuntimeError):
        build_atomically(site, broken)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_at_once_leave_one_whole_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    command = [sys.executable, "-m", "generator", "build", "-f", str(project / "mkdocs.yml"),
               "-d", str(project / "site")]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    site = project / "site"
    assert (site / "disdukcapil" / "pengukuran-kinerja" / "index.html").is_file()
    assert (site / "search" / "search_index.json").is_file()
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_export_pages_writes_markdown_for_another_engine(tmp_path: Path) -> None:
    export_pages({"index.md": "# A\n", "u/b.md": "# B\n"}, tmp_path / "out")
    assert (tmp_path / "out" / "u" / "b.md").read_text(encoding="utf-8") == "# B\n"


def test_scratch_files_are_written_with_their_folders(tmp_path: Path) -> None:
    write_scratch(tmp_path / "a" / "b" / "page.md", "satu")
    write_scratch(tmp_path / "a" / "b" / "page.md", "dua")
    assert (tmp_path / "a" / "b" / "page.md").read_text(encoding="utf-8") == "dua"
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["page.md"]
