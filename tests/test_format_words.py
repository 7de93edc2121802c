"""Errors in the words of the SOP format, asserted word for word (issue 11), and one run
showing all of a file's problems: a model error no longer hides its reference errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.library import load_library
from generator.source.errors import SopValidationError
from helpers.sops import MINIMAL, line_of, write_sop

DECISION = MINIMAL.replace("      time: 20\n", "      time: 20\n    decision:\n"
                           "      question: Lengkap?\n      yes: next\n      no: end\n")


def errors(tmp_path: Path, text: str) -> list[str]:
    write_sop(tmp_path / "sop", "unit/a.yaml", text)
    with pytest.raises(SopValidationError) as info:
        load_library(tmp_path / "sop")
    return [str(error) for error in info.value.errors]


def at(text: str, needle: str, column: int) -> str:
    return f"sop/unit/a.yaml:{line_of(text, needle)}:{column}:"


def test_unquoted_nip_says_put_it_in_quotes(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: pelayanan", "kind: pelayanan\napproval:\n"
                           "  nip: 198001012005011001")
    assert errors(tmp_path, text) == [
        f"{at(text, 'nip:', 8)} approval.nip: the number 198001012005011001 must be text: put "
        'it in quotes (nip: "198001012005011001"); unquoted digits are read as a number and '
        "lose leading zeros"]


def test_bad_kind_lists_the_allowed_values(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: pelayanan", "kind: layanan")
    assert errors(tmp_path, text) == [
        f"{at(text, 'kind:', 7)} kind: 'layanan' is not one of the allowed values: 'rutin', "
        "'pelayanan', 'penugasan'"]


def test_bad_sign_lists_the_allowed_values(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: pelayanan", "kind: pelayanan\nrecords:\n  entries:\n"
                           "    - {holder: Lurah, record: Buku, sign: stempel}")
    assert errors(tmp_path, text) == [
        f"{at(text, 'stempel', 43)} records.entries[0].sign: 'stempel' is not one of the "
        "allowed values: 'signature', 'initials'"]


def test_a_list_where_a_decision_answer_goes_names_the_choices(tmp_path: Path) -> None:
    text = DECISION.replace("no: end", "no: [1, 2]")
    assert errors(tmp_path, text) == [
        f"{at(text, 'no: [1, 2]', 11)} steps[1].decision.no: a list cannot say where this "
        "answer leads: write a step number (1 = first step), a step id, 'next' or 'end'; or "
        "leave it empty when the form does not say"]


def test_empty_action_must_not_be_empty(tmp_path: Path) -> None:
    text = MINIMAL.replace("action: Memeriksa berkas", "action: ' '")
    assert errors(tmp_path, text) == [
        f"{at(text, 'action: ' + chr(39), 13)} steps[1].action: must not be empty"]


def test_missing_field_and_keys_where_a_list_goes(tmp_path: Path) -> None:
    text = "organization: O\nroles: {a: b}\nsteps:\n  - action: A\n    actors: a\n"
    assert errors(tmp_path, text) == [
        "sop/unit/a.yaml:1:1: title: required field 'title' is missing",
        "sop/unit/a.yaml:2:8: roles: expected a list (lines starting with '- '), got keys "
        "with values"]


def test_number_where_text_goes(tmp_path: Path) -> None:
    text = MINIMAL.replace("action: Memeriksa berkas", "action: 12")
    assert errors(tmp_path, text) == [
        f"{at(text, 'action: 12', 13)} steps[1].action: the number 12 must be text: put it in "
        'quotes (action: "12"); unquoted digits are read as a number and lose leading zeros']


def test_model_error_does_not_hide_unknown_roles_and_targets(tmp_path: Path) -> None:
    text = DECISION.replace("no: end", "no: arsip").replace("actors: kepala", "actors: kabid")
    text = text.replace("kind: pelayanan", "kind: pelayanan\ndates: {made: 31-01-2024}")
    assert errors(tmp_path, text) == [
        f"{at(text, 'dates:', 15)} dates.made: '31-01-2024' is not a date; write it as "
        "YYYY-MM-DD, e.g. 2024-01-31",
        f"{at(text, 'no: arsip', 11)} steps[1].decision.no: no step has the id 'arsip' (use "
        "'next', 'end', a step number, or a step id: no step has an id)",
        f"{at(text, 'actors: kabid', 13)} steps[2].actors: unknown role 'kabid' (known: "
        "petugas, kepala)"]


def test_does_names_only_the_steps_actors(tmp_path: Path) -> None:
    text = MINIMAL.replace("    actors: kepala\n", "    actors: kepala\n    does: "
                           "{petugas: paraf}\n")
    assert errors(tmp_path, text) == [
        f"{at(text, 'does:', 21)} steps[2].does.petugas: 'petugas' does not act in this step; "
        "'does' names the step's actors (kepala)"]


def test_organization_missing_names_both_ways(tmp_path: Path) -> None:
    text = MINIMAL.replace("organization: Dinas Contoh\n", "")
    assert errors(tmp_path, text) == [
        "sop/unit/a.yaml:1:1: organization: required field 'organization' is missing: write "
        "the office's name here, or put an _organization.yaml with 'name:' in the office's "
        "folder"]


def test_organization_file_and_field_must_agree(tmp_path: Path) -> None:
    (tmp_path / "sop" / "unit").mkdir(parents=True)
    (tmp_path / "sop" / "unit" / "_organization.yaml").write_text("name: Kelurahan Sukamaju\n")
    assert errors(tmp_path, MINIMAL) == [
        "sop/unit/a.yaml:2:15: organization: this folder belongs to 'Kelurahan Sukamaju' "
        "(_organization.yaml); leave 'organization' out or write the same name"]


def test_organization_file_needs_a_name(tmp_path: Path) -> None:
    (tmp_path / "sop" / "unit").mkdir(parents=True)
    (tmp_path / "sop" / "unit" / "_organization.yaml").write_text("nama: Kelurahan\n")
    assert errors(tmp_path, MINIMAL.replace("organization: Dinas Contoh\n", "")) == [
        "sop/unit/_organization.yaml:1:1: name: required field 'name' is missing: write the "
        "office's name, e.g. name: Kelurahan Sukamaju",
        "sop/unit/_organization.yaml:1:7: nama: unknown key 'nama' (an _organization.yaml "
        "holds only 'name')",
        "sop/unit/a.yaml:1:1: organization: required field 'organization' is missing: write "
        "the office's name here, or put an _organization.yaml with 'name:' in the office's "
        "folder"]
