"""Stage 1: YAML text -> data with positions, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.source.load import MAX_FILE_BYTES, LoadFailure, load_file, parse_text


def parse(text: str) -> object:
    return parse_text(text, Path("x.yaml"), "sop/x.yaml")


def failure(text: str) -> str:
    with pytest.raises(LoadFailure) as info:
        parse(text)
    return str(info.value.error)


def test_positions_point_at_values() -> None:
    doc = parse_text("title: A\nsteps:\n  - action: B\n    actors: [x, y]\n",
                     Path("x.yaml"), "sop/x.yaml")
    assert doc.position_of(("title",)).line == 1
    assert doc.position_of(("steps", 0, "action")).line == 3
    assert doc.position_of(("steps", 0, "actors", 1)).line == 4
    assert doc.position_of(("steps", 0, "actors", 1)).column == 17


def test_missing_key_points_at_parent_mapping() -> None:
    doc = parse_text("a: 1\nsteps:\n  - action: B\n", Path("x.yaml"), "sop/x.yaml")
    assert doc.position_of(("steps", 0, "standard")).line == 3


def test_yes_no_on_off_stay_words_and_dates_stay_text() -> None:
    doc = parse_text("yes: no\non: off\nd: 2024-01-31\nt: true\n", Path("x"), "x")
    assert doc.data == {"yes": "no", "on": "off", "d": "2024-01-31", "t": True}


def test_duplicate_key_is_an_error_with_both_lines() -> None:
    message = failure("title: A\nkind: rutin\ntitle: B\n")
    assert message.startswith("sop/x.yaml:3:1: title: duplicate key 'title'")
    assert "first given at line 1" in message


def test_syntax_error_names_line_and_column() -> None:
    message = failure("title: A\nroles: [a, b\nsteps: 1\n")
    assert message.startswith("sop/x.yaml:3:")
    assert "YAML syntax error" in message


def test_tab_indentation_is_explained() -> None:
    message = failure("title: A\nroles:\n\t- a\n")
    assert "sop/x.yaml:3:1:" in message
    assert "tab character" in message


def test_empty_file() -> None:
    assert failure("# only a comment\n") == "sop/x.yaml:1:1: the file is empty"


def test_list_at_top_level() -> None:
    assert "the file holds a list" in failure("- title: A\n")


def test_alias_bomb_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 7):
        lines.append(f"{'abcdefg'[i]}: &{'abcdefg'[i]} [" + ", ".join(
            f"*{'abcdefg'[i - 1]}" for _ in range(10)) + "]")
    assert "too many values" in failure("\n".join(lines) + "\n")


def test_non_utf8_byte_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"title: A\norganization: Caf\xe9\n")
    with pytest.raises(LoadFailure) as info:
        load_file(path, "sop/x.yaml")
    assert str(info.value.error).startswith("sop/x.yaml:2:18: the file is not UTF-8: byte 0xE9")


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufefftitle: Ä\n".encode())
    assert load_file(path, "x").data == {"title": "Ä"}


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(LoadFailure) as info:
        load_file(path, "sop/x.yaml")
    assert "may be at most" in str(info.value.error)
