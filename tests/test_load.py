"""Stage 1: YAML text -> data with positions, and every way a file can be unreadable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.source.errors import SopError, printable
from generator.source.load import MAX_FILE_BYTES, LoadFailure, decode, load_file, parse_text


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


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """read_source opens non-blocking and checks fstat: a pipe swapped in after discovery
    is refused at once (opened plainly, it would wait for a writer forever)."""
    os.mkfifo(tmp_path / "x.yaml")
    with pytest.raises(LoadFailure) as info:
        load_file(tmp_path / "x.yaml", "sop/x.yaml")
    assert str(info.value.error) == ("sop/x.yaml:1:1: this is a named pipe (FIFO), not a "
                                     "file; an SOP is a plain text file")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadFailure) as info:
        load_file(tmp_path, "sop/x.yaml")
    assert "this is a folder, not a file" in str(info.value.error)


@pytest.mark.parametrize(("text", "where"), [
    ("title: Café\norganization: B\x07\n", "2:16"),
    ("é: [1, 2]\nx: 'ü\x00'\n", "2:6"),
    ("a: \ufeffb\nc: \ufffe\n", "2:4"),
])
def test_refused_characters_are_named_by_line_and_column(text: str, where: str) -> None:
    """libyaml counts bytes from the start of the file; authors count lines and columns."""
    assert failure(text).startswith(f"sop/x.yaml:{where}: ")


@pytest.mark.parametrize(("raw", "encoding"), [
    ("title: A\n".encode("utf-16"), "UTF-16"), ("title: A\n".encode("utf-16-be"), "UTF-16"),
    ("title: A\n".encode("utf-32"), "UTF-32"), ("title: A\n".encode("utf-16-le"), "UTF-16"),
])
def test_wide_encodings_are_named(raw: bytes, encoding: str) -> None:
    with pytest.raises(LoadFailure) as info:
        decode(raw, "sop/x.yaml")
    assert str(info.value.error) == (f"sop/x.yaml:1:1: the file is saved as {encoding}, not "
                                     "UTF-8; save it as UTF-8")


@pytest.mark.parametrize(("text", "hint"), [
    ("title: A\n  organization: B\n", "this line is indented deeper than the line above "
                                      "(column 3, not 1)"),
    ("roles:\n  - id: a\n    name: B\n      x: 1\n", "(column 7, not 5)"),
    ("title: Rapat: evaluasi\n", "text that contains ': ' must be quoted"),
])
def test_misplaced_colon_gets_a_hint(text: str, hint: str) -> None:
    message = failure(text)
    assert "mapping values are not allowed in this context; " in message
    assert hint in message


def test_merge_keys_are_refused_in_words() -> None:
    assert failure("a: &a {x: 1}\nb:\n  <<: *a\n") == (
        "sop/x.yaml:3:3: b: merge keys ('<<: *name') are not supported: they hide where a "
        "value comes from; write the keys out")


def test_a_quoted_merge_key_is_just_a_key() -> None:
    assert parse('"<<": 1\n').data == {"<<": 1}  # type: ignore[attr-defined]


def test_unknown_tags_are_refused_in_words() -> None:
    assert failure("a: !secret x\n") == ("sop/x.yaml:1:4: a: the YAML tag '!secret' is not "
                                         "supported; write the plain value")
    assert "the YAML tag" in failure("a: !!python/name:os.system x\n")


def test_deep_nesting_is_refused_before_the_stack_runs_out() -> None:
    for opening, closing in (("[", "]"), ("{a: ", "}")):
        message = failure("a: " + opening * 900 + "1" + closing * 900 + "\n")
        assert message.startswith("sop/x.yaml:1:") and "nested more than" in message


def test_printable_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("a\x1b]0;t\x07b\r\n\tc\u202ed\x9be\udcff") == \
        "a\\x1b]0;t\\x07b\\x0d\\x0a\tc\\u202ed\\x9be\\udcff"
    assert str(SopError("f\x1b.yaml", 1, 2, "k\x1b", "m\x1b")) == \
        "f\\x1b.yaml:1:2: k\\x1b: m\\x1b"
