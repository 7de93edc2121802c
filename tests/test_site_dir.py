"""``sopgen build -d``: the site folder is only ever a site. Every refusal is one line with
exit status 2 and leaves the whole tree as it was; a build keeps the site's mode and its
dot-files, and changes nothing outside the site folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from helpers.site import build_project, make_project
from helpers.tree import changes, snapshot

NOT_A_SITE = ("it is not empty and not a site built by sopgen or MkDocs (no .sopgen-site, "
              "no sitemap.xml with 404.html); name a new or empty folder")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed project as the current folder, with a README, a .git and a notes folder."""
    project = make_project(tmp_path)
    (project / "README.md").write_text("# readme\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize(("site", "reason"), [
    (".", "it is the project folder"),
    ("sop", "it is the SOP folder"),
    ("docs", "it is the docs folder"),
    ("mkdocs.yml", "it is the config file"),
    ("README.md", "it is a file, not a site folder"),
    ("..", "it contains the project folder ({project})"),
    ("docs/site", "it is inside the docs folder ({project}/docs)"),
    ("sop/site", "it is inside the SOP folder ({project}/sop)"),
    ("notes", NOT_A_SITE),
    ("/", "it is the root of the file system"),
])
def test_build_refuses_a_folder_that_is_no_site(
        project: Path, site: str, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    before, root_before = snapshot(project.parent), sorted(os.listdir("/"))
    assert main(["build", "-d", site]) == 2
    expected = f"sopgen build: refusing to build into -d {site}: {reason.format(project=project)}"
    assert capsys.readouterr().err.strip() == expected
    assert changes(before, snapshot(project.parent)) == []
    assert sorted(os.listdir("/")) == root_before


def test_site_dir_of_the_config_is_checked_too(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site",
                                                                 "site_dir: notes"))
    before = snapshot(project)
    assert main(["build"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"sopgen build: refusing to build into site_dir {project}/notes: {NOT_A_SITE}")
    assert changes(before, snapshot(project)) == []


@pytest.mark.parametrize("kind", ["new", "empty", "dot-files only", "built by MkDocs"])
def test_build_accepts_a_new_or_empty_folder_or_a_site(project: Path, kind: str) -> None:
    out = project / "out"
    if kind != "new":
        out.mkdir()
    if kind == "dot-files only":  # a fresh gh-pages worktree
        (out / ".git").write_text("gitdir: ../.git/worktrees/out\n", encoding="utf-8")
    if kind == "built by MkDocs":
        build_project(project).rename(out)
        assert not (out / ".sopgen-site").exists()
    before = snapshot(project, skip=("out",))
    assert main(["build", "-d", "out"]) == 0
    assert (out / ".sopgen-site").is_file()
    assert (out / "disdukcapil" / "pengukuran-kinerja" / "index.html").is_file()
    if kind == "dot-files only":
        assert (out / ".git").read_text(encoding="utf-8") == "gitdir: ../.git/worktrees/out\n"
    assert changes(before, snapshot(project, skip=("out",))) == []


def test_site_folder_gets_the_mode_of_a_mkdir_then_keeps_its_own(project: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        assert main(["build"]) == 0
        assert (project / "site").stat().st_mode & 0o777 == 0o750
        os.chmod(project / "site", 0o711)
        assert main(["build"]) == 0
        assert (project / "site").stat().st_mode & 0o777 == 0o711
    finally:
        os.umask(old_umask)


def test_rebuild_keeps_the_dot_files_of_the_site(project: Path) -> None:
    site = project / "site"
    assert main(["build"]) == 0
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    (site / ".sopgen-pages").mkdir()  # the scratch of a killed `mkdocs build`: not kept
    (site / ".sopgen-pages" / "stale.md").write_text("# stale\n", encoding="utf-8")
    (site / "stale.html").write_text("old page\n", encoding="utf-8")
    before = snapshot(project, skip=("site",))
    assert main(["build"]) == 0
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").is_file()
    assert not (site / ".sopgen-pages").exists()
    assert not (site / "stale.html").exists()
    assert changes(before, snapshot(project, skip=("site",))) == []
