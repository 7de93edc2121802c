"""The corpus of bad input (tests/data/bad): each gives its exact error, never a traceback
and never a hang.

Most cases are files in the folder. Cases a repository cannot hold (a named pipe, a link
loop, a file the system refuses to read) are made by the functions in ``MADE`` under the
name their expected line uses; ``expected-errors.txt`` lists both kinds.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.check import discover
from generator.cli import main
from generator.source.load import MAX_FILE_BYTES
from helpers.sops import MINIMAL, write_sop

BAD = Path(__file__).parent / "data" / "bad"
IS_ROOT = os.geteuid() == 0


def expected() -> dict[str, str]:
    lines = (BAD / "expected-errors.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split(" | ", 1) for line in lines if line and not line.startswith("#")]
    return {name: error for name, error in pairs}


@contextmanager
def deadline(seconds: float = 10) -> Iterator[None]:
    """Fail instead of hanging: a read that blocks (a FIFO opened for reading) is
    interrupted by the alarm and the test fails with the blocked call's traceback."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s: something blocks")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with deadline():
        status = main(["check", "--sop-dir", str(tmp_path / "sop")])
    err = capsys.readouterr().err.replace(f"{tmp_path}/", "")
    return status, err


def refuse_reading(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make the system refuse to open files called ``name``, as chmod 000 does for a user
    that is not root (tests run as root in CI, and root may read anything)."""
    real_open = os.open

    def fake_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", fake_open)


def refuse_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make the folder called ``name`` unreadable for discovery, even to root."""
    real_scan = discover._scan

    def fake_scan(folder: Path) -> list[os.DirEntry[str]]:
        if folder.name == name:
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scan(folder)

    monkeypatch.setattr(discover, "_scan", fake_scan)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))


def _device(path: Path) -> None:
    if not IS_ROOT:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.write_text(MINIMAL, encoding="utf-8")
    refuse_reading(monkeypatch, path.name)


def _unreadable_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_sop(path, "a.yaml")
    refuse_listing(monkeypatch, path.name)


Maker = Callable[[Path, pytest.MonkeyPatch], None]
MADE: dict[str, Maker] = {
    "fifo.yaml": lambda path, _: os.mkfifo(path),
    "socket.yaml": lambda path, _: _socket(path),
    "device.yaml": lambda path, _: _device(path),
    "folder.yaml": lambda path, _: path.mkdir(),
    "broken-link.yaml": lambda path, _: path.symlink_to("nowhere.yaml"),
    "link-loop.yaml": lambda path, _: path.symlink_to(path.name),
    "link-outside.yaml": lambda path, _: path.symlink_to(
        write_sop(path.parent.parent.parent, "outside.yaml")),
    "legal.YAML": lambda path, _: path.write_text(MINIMAL, encoding="utf-8"),
    "sop.Yml": lambda path, _: path.write_text(MINIMAL, encoding="utf-8"),
    "unreadable.yaml": _unreadable,
    "unreadable-folder": _unreadable_folder,
}


def test_every_bad_file_is_listed() -> None:
    assert sorted(expected()) == sorted([p.name for p in BAD.glob("*.yaml")] + list(MADE))


@pytest.mark.parametrize("name", sorted(expected()))
def test_bad_file_gives_its_exact_error(name: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sop" / "u").mkdir(parents=True)
    if name in MADE:
        MADE[name](tmp_path / "sop" / "u" / name, monkeypatch)
    else:
        shutil.copy(BAD / name, tmp_path / "sop" / "u" / name)
    status, err = check(tmp_path, capsys)
    if expected()[name] == "OK":
        assert status == 0
    else:
        assert status == 1
        assert err.splitlines()[0] == expected()[name]
        assert "Traceback" not in err
        assert "\x1b" not in err and "\x07" not in err


def test_file_of_many_megabytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINIMAL + "# " + "x" * (3 * MAX_FILE_BYTES) + "\n"
    path = write_sop(tmp_path / "sop", "u/besar.yaml", text)
    status, err = check(tmp_path, capsys)
    assert status == 1
    assert err.splitlines()[0] == (f"sop/u/besar.yaml:1:1: the file is {path.stat().st_size:,} "
                                   "bytes; an SOP file may be at most 1,048,576")


def test_folder_linked_from_outside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_sop(tmp_path / "outside", "x.yaml")
    (tmp_path / "sop").mkdir()
    (tmp_path / "sop" / "luar").symlink_to(tmp_path / "outside", target_is_directory=True)
    write_sop(tmp_path / "sop", "u/a.yaml")
    status, err = check(tmp_path, capsys)
    assert status == 1
    assert err.splitlines()[0] == ("sop/luar:1:1: this folder links to a place outside the SOP "
                                   "folder; its files are not read")


@pytest.mark.parametrize(("make", "message"), [
    (lambda sop: None, "sop:1:1: the SOP folder does not exist"),
    (lambda sop: sop.write_text("x", encoding="utf-8"),
     "sop:1:1: this is a file, not a folder; SOP files go in a folder "
     "(sop/<unit>/<name>.yaml)"),
    (lambda sop: os.mkfifo(sop), "sop:1:1: this is a named pipe (FIFO), not a folder; SOP "
                                 "files go in a folder (sop/<unit>/<name>.yaml)"),
    (lambda sop: sop.symlink_to("sop"), "sop:1:1: the SOP folder is a link that leads round "
                                        "in a circle; it cannot be read"),
    (lambda sop: (sop / "u").mkdir(parents=True),
     "sop:1:1: this folder has no SOP files (*.yaml); write one with `sopgen new`"),
], ids=["missing", "file", "fifo", "loop", "empty"])
def test_the_sop_folder_itself(make: Callable[[Path], object], message: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    make(tmp_path / "sop")
    assert check(tmp_path, capsys) == (1, f"{message}\n1 error found\n")


def test_only_skipped_entries_name_themselves(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sop" / "u").mkdir(parents=True)
    os.mkfifo(tmp_path / "sop" / "u" / "a.yaml")
    (tmp_path / "sop" / "u" / "b.yml").symlink_to("gone.yml")
    (tmp_path / "sop" / "u" / "_draft.yaml").symlink_to("gone.yml")  # '_': skipped by design
    (tmp_path / "sop" / "u" / "notes.txt").write_text("not an SOP", encoding="utf-8")
    assert check(tmp_path, capsys) == (1, (
        "sop/u/a.yaml:1:1: this is a named pipe (FIFO), not a file; it is not read\n"
        "sop/u/b.yml:1:1: this link leads to nothing (its target does not exist)\n"
        "2 errors found\n"))


def test_links_inside_the_folder_are_followed_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml")
    (tmp_path / "sop" / "u" / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "sop" / "v").symlink_to("u", target_is_directory=True)
    (tmp_path / "sop" / "w").symlink_to("gone")
    status, _ = check(tmp_path, capsys)
    assert status == 0
    assert capsys.readouterr().out == ""
    warnings = [r.getMessage().replace(f"{tmp_path}/", "") for r in caplog.records]
    assert warnings == [
        "sop/v:1:1: this folder is a link to sop/u; its SOPs are read there, not twice",
        "sop/w:1:1: this link leads to nothing (its target does not exist)"]


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode (see MADE)")
def test_a_file_without_read_permission(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml").chmod(0)
    assert check(tmp_path, capsys)[1].splitlines()[0] == (
        "sop/u/a.yaml:1:1: the file cannot be opened (permission denied); check that it may "
        "be read")


@pytest.mark.parametrize("time", [".inf", ".nan"])
def test_build_fails_in_words_on_a_time_that_is_not_finite(
        time: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    from helpers.site import make_project

    sop_dir = tmp_path / "src"
    write_sop(sop_dir, "u/a.yaml", MINIMAL.replace("time: 20", f"time: {time}"))
    project = make_project(tmp_path, sop_dir)
    os.mkfifo(project / "sop" / "u" / "pipe.yaml")
    with deadline(60):
        status = main(["build", "-f", str(project / "mkdocs.yml"),
                       "-d", str(tmp_path / "site")])
    err = capsys.readouterr().err + caplog.text  # MkDocs logs the errors
    assert status == 1
    assert "Traceback" not in err
    assert "sop/u/a.yaml:17:13: steps[1].standard.time: " in err
    assert "sop/u/pipe.yaml:1:1: this is a named pipe (FIFO), not a file; it is not read" in err
