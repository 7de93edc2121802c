"""The corpus of bad files (tests/data/bad): each gives its exact error, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.source.load import MAX_FILE_BYTES
from helpers.sops import MINIMAL, write_sop

BAD = Path(__file__).parent / "data" / "bad"


def expected() -> dict[str, str]:
    lines = (BAD / "expected-errors.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split(" | ", 1) for line in lines if line and not line.startswith("#")]
    return {name: error for name, error in pairs}


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", "--sop-dir", str(tmp_path / "sop")])
    err = capsys.readouterr().err.replace(f"{tmp_path}/", "")
    return status, err


def test_every_bad_file_is_listed() -> None:
    assert sorted(expected()) == sorted(p.name for p in BAD.glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(expected()))
def test_bad_file_gives_its_exact_error(name: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sop" / "u").mkdir(parents=True)
    shutil.copy(BAD / name, tmp_path / "sop" / "u" / name)
    status, err = check(tmp_path, capsys)
    if expected()[name] == "OK":
        assert status == 0
    else:
        assert status == 1
        assert err.splitlines()[0] == expected()[name]
        assert "Traceback" not in err


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
