"""Every sub-command answers a user's mistake with one line and exit status 1 (bad input) or
2 (wrong use of the command line), never a traceback, and changes nothing; a bug of sopgen
says so in one line, with the traceback only under ``--debug``."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import generator.cli
from generator.cli import BUG, main
from helpers.site import REPO, make_project
from helpers.tree import changes, snapshot


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_project(tmp_path)
    (project / "README.md").write_text("# readme\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err.strip()


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["build", "-f", "nope.yml"], 1,
     "sopgen build: build failed, nothing was written: Config file 'nope.yml' does not exist."),
    (["pdf", "-o", "mkdocs.yml"], 2, "sopgen pdf: -o mkdocs.yml is a file, not a folder"),
    (["pdf", "--site", "README.md"], 2, "sopgen pdf: --site README.md is a file, not a folder"),
    (["schema", "-o", "docs"], 2, "sopgen schema: -o docs is a folder; name a file"),
    (["schema", "-o", "README.md"], 2,
     "sopgen schema: -o README.md is not a schema sopgen wrote; not overwritten"),
    (["new", "--sop-dir", "mkdocs.yml", "--title", "T", "--organization", "O", "--unit", "u",
      "--roles", "A"], 2, "sopgen new: --sop-dir mkdocs.yml is a file, not a folder"),
    (["check", "--sop-dir", "mkdocs.yml"], 1,
     "mkdocs.yml:1:1: this is a file, not a folder; SOP files go in a folder "
     "(sop/<unit>/<name>.yaml)\n1 error found"),
])
def test_a_mistake_is_one_line_and_changes_nothing(
        project: Path, argv: list[str], status: int, message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    assert run(argv, capsys) == (status, message)
    assert changes(before, snapshot(project)) == []


def test_yaml_syntax_error_in_mkdocs_yml_names_file_and_line(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").count("\n")
    config.write_text(config.read_text(encoding="utf-8") + "extra: [\n", encoding="utf-8")
    before = snapshot(project)
    assert run(["build"], capsys) == (1, (
        f"sopgen build: build failed, nothing was written: {config}:{lines + 2}:1: "
        "YAML syntax error: expected the node content, but found '<stream end>'"))
    assert changes(before, snapshot(project)) == []


def test_serve_on_a_port_in_use_fails_at_once(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}"
        before = snapshot(project)
        assert run(["serve", "-a", address], capsys) == (
            1, f"sopgen serve: -a {address}: cannot serve there: Address already in use")
    assert changes(before, snapshot(project)) == []


@pytest.mark.parametrize(("argv", "message"), [
    (["serve", "-f", "nope.yml"], "sopgen serve: Config file 'nope.yml' does not exist."),
    (["serve", "-a", "nowhere"], "sopgen serve: failed (the reasons are above)"),
])
def test_serve_with_a_bad_config_leaves_no_temporary_folder(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str],
        message: str, capsys: pytest.CaptureFixture[str]) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = snapshot(project)
    assert run(argv, capsys) == (1, message)
    assert list(scratch.iterdir()) == []
    assert changes(before, snapshot(project)) == []


def test_unknown_sop_to_print_is_a_usage_error(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    assert run(["pdf", "nope"], capsys) == (
        2, "sopgen pdf: no SOP named nope (known: pengukuran-kinerja)")
    assert changes(before, snapshot(project)) == []


def test_a_bug_says_so_in_one_line_and_debug_shows_the_traceback(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("invariant\nbroken")

    monkeypatch.setattr(generator.cli, "_check", broken)
    line = f"sopgen check: internal error (RuntimeError: invariant broken); {BUG}"
    assert run(["check"], capsys) == (70, line)
    assert "\n## Reporting a bug\n" in (REPO / "README.md").read_text(encoding="utf-8")
    for argv in (["--debug", "check"], ["check", "--debug"]):
        assert main(argv) == 70
        err = capsys.readouterr().err
        assert err.startswith("Traceback") and err.strip().endswith(line)


def test_the_installed_command_exits_with_the_status(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "build", "-d", "/"],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (
        2, "sopgen build: refusing to build into -d /: it is the root of the file system\n")
