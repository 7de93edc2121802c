"""Stages 2 and 3: every author mistake gets its own located, readable error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.library import load_library
from generator.source.errors import SopValidationError
from helpers.sops import MINIMAL, line_of, write_sop


def errors_of(sop_dir: Path) -> list[str]:
    with pytest.raises(SopValidationError) as info:
        load_library(sop_dir)
    return [str(error) for error in info.value.errors]


def one_error(tmp_path: Path, text: str, name: str = "unit/a.yaml") -> str:
    write_sop(tmp_path / "sop", name, text)
    errors = errors_of(tmp_path / "sop")
    assert len(errors) == 1, errors
    return errors[0]


def test_minimal_sop_is_valid(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "unit/a.yaml")
    library = load_library(tmp_path / "sop")
    assert [entry.id for entry in library.entries] == ["a"]
    assert library.entries[0].total_time.clock_minutes == 35


def test_unknown_role_names_line_known_roles_and_suggestion(tmp_path: Path) -> None:
    text = MINIMAL.replace("actors: kepala", "actors: [kepal]")
    error = one_error(tmp_path, text)
    line = line_of(text, "actors: [kepal]")
    assert error == (f"sop/unit/a.yaml:{line}:14: steps[2].actors[0]: unknown role 'kepal' "
                     "(did you mean 'kepala'?) (known: petugas, kepala)")


def test_unknown_key_with_suggestion(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: pelayanan", "kind: pelayanan\nequipmnt: [Printer]")
    error = one_error(tmp_path, text)
    assert error == "sop/unit/a.yaml:4:11: equipmnt: unknown key 'equipmnt' (did you mean " \
                    "'equipment'?)"


def test_missing_minutes_is_not_stated_not_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 20\n", "      output: Berkas\n")
    write_sop(tmp_path / "sop", "unit/a.yaml", text)
    entry = load_library(tmp_path / "sop").entries[0]
    assert entry.sop.steps[1].standard.time is None
    assert (entry.total_time.stated, entry.total_time.unstated) == (2, 1)


def test_negative_minutes(tmp_path: Path) -> None:
    text = MINIMAL.replace("time: 20", "time: -20")
    error = one_error(tmp_path, text)
    assert error == (f"sop/unit/a.yaml:{line_of(text, 'time: -20')}:13: steps[1].standard.time: "
                     "the time must not be negative (got -20)")


def test_bad_duration_text(tmp_path: Path) -> None:
    text = MINIMAL.replace("time: 20", "time: sebentar")
    assert "'sebentar' is not a duration" in one_error(tmp_path, text)


def test_dangling_decision_target(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 20\n", "      time: 20\n    decision:\n"
                           "      question: Lengkap?\n      yes: next\n      no: tolak\n")
    error = one_error(tmp_path, text)
    assert error.startswith(f"sop/unit/a.yaml:{line_of(text, 'no: tolak')}:11: "
                            "steps[1].decision.no: no step has the id 'tolak'")


def test_decision_step_number_out_of_range(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 20\n", "      time: 20\n    decision:\n"
                           "      question: Lengkap?\n      yes: 3\n      no: 9\n")
    assert "step number 9 does not exist (steps are 1 to 3)" in one_error(tmp_path, text)


def test_unreachable_step(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 10\n", "      time: 10\n    decision:\n"
                           "      question: Lengkap?\n      yes: 3\n      no: end\n")
    error = one_error(tmp_path, text)
    assert error == (f"sop/unit/a.yaml:{line_of(text, 'Memeriksa')}:5: steps[1]: step 2 is "
                     "never reached: no step or decision leads to it")


def test_bad_date(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: pelayanan", "kind: pelayanan\ndates:\n  made: 31-01-2024")
    error = one_error(tmp_path, text)
    assert error == ("sop/unit/a.yaml:5:9: dates.made: '31-01-2024' is not a date; write it "
                     "as YYYY-MM-DD, e.g. 2024-01-31")


def test_duplicate_role_id(tmp_path: Path) -> None:
    text = MINIMAL.replace("  - id: kepala", "  - id: petugas")
    errors = errors_of(_write(tmp_path, text))
    assert any("roles[1].id: duplicate role id 'petugas'" in e for e in errors)


def test_duplicate_sop_ids_across_units(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "unit-a/same.yaml")
    write_sop(tmp_path / "sop", "unit-b/same.yaml")
    assert errors_of(tmp_path / "sop") == [
        "sop/unit-b/same.yaml:1:1: duplicate SOP id 'same': sop/unit-a/same.yaml has the same "
        "file name; SOP ids (file names) must be unique"]


def test_duplicate_sop_numbers(tmp_path: Path) -> None:
    numbered = MINIMAL.replace("title:", "number: 800/01/2024\ntitle:")
    write_sop(tmp_path / "sop", "u/a.yaml", numbered)
    write_sop(tmp_path / "sop", "u/b.yaml", numbered)
    assert errors_of(tmp_path / "sop") == [
        "sop/u/b.yaml:1:9: number: duplicate SOP number '800/01/2024' (also in sop/u/a.yaml)"]


def test_related_sop_that_does_not_exist(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/layanan-ktp.yaml")
    text = MINIMAL.replace("kind: pelayanan", "kind: pelayanan\nrelated:\n  - sop: layanan-kpt")
    write_sop(tmp_path / "sop", "u/b.yaml", text)
    assert errors_of(tmp_path / "sop") == [
        "sop/u/b.yaml:5:10: related[0].sop: no SOP has the id 'layanan-kpt' (did you mean "
        "'layanan-ktp'?)"]


def test_every_error_in_every_file_in_one_run(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", MINIMAL.replace("actors: kepala", "actors: kabid"))
    write_sop(tmp_path / "sop", "u/b.yaml", MINIMAL.replace("time: 10", "time: -1"))
    write_sop(tmp_path / "sop", "u/c.yaml", "title: [unclosed\n")
    errors = errors_of(tmp_path / "sop")
    assert [e.split(":")[0] for e in errors] == ["sop/u/a.yaml", "sop/u/b.yaml", "sop/u/c.yaml"]


def test_unsafe_file_name(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/Layanan KTP.yaml")
    assert errors_of(tmp_path / "sop") == [
        "sop/u/Layanan KTP.yaml:1:1: the name 'Layanan KTP' cannot be used in a URL: use "
        "lowercase letters, digits, '-' and '_'"]


def test_unsafe_role_id(tmp_path: Path) -> None:
    text = MINIMAL.replace("id: kepala", "id: ../kepala").replace("actors: kepala",
                                                                   "actors: petugas")
    errors = errors_of(_write(tmp_path, text))
    assert any("roles[1].id: '../kepala' is not a valid id" in e for e in errors)


def test_link_out_of_the_sop_folder(tmp_path: Path) -> None:
    outside = write_sop(tmp_path, "elsewhere/x.yaml")
    (tmp_path / "sop" / "u").mkdir(parents=True)
    (tmp_path / "sop" / "u" / "x.yaml").symlink_to(outside)
    assert "links to a place outside the SOP folder" in errors_of(tmp_path / "sop")[0]


def test_no_sop_files(tmp_path: Path) -> None:
    (tmp_path / "sop").mkdir()
    assert "no SOP files" in errors_of(tmp_path / "sop")[0]


def _write(tmp_path: Path, text: str) -> Path:
    write_sop(tmp_path / "sop", "unit/a.yaml", text)
    return tmp_path / "sop"


def test_a_role_id_has_one_name_across_the_site(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml")
    write_sop(tmp_path / "sop", "v/b.yaml", MINIMAL.replace("name: Kepala Seksi", "name: Kasi"))
    assert errors_of(tmp_path / "sop") == [
        f"sop/v/b.yaml:{line_of(MINIMAL, 'Kepala Seksi')}:11: roles[1].name: role 'kepala' is "
        "named 'Kepala Seksi' in sop/u/a.yaml; a role has one name across its organisation"]


def test_a_role_name_has_one_id_across_the_site(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml")
    text = MINIMAL.replace("id: kepala", "id: kasi").replace("actors: kepala", "actors: kasi")
    write_sop(tmp_path / "sop", "v/b.yaml", text)
    assert errors_of(tmp_path / "sop") == [
        f"sop/v/b.yaml:{line_of(text, 'id: kasi')}:9: roles[1].id: the role 'Kepala Seksi' has "
        "the id 'kepala' in sop/u/a.yaml; use the same id for the same role"]


def test_one_folder_one_unit(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", MINIMAL.replace("kind:", "unit: Bidang A\nkind:"))
    write_sop(tmp_path / "sop", "u/b.yaml", MINIMAL.replace("kind:", "unit: Bidang B\nkind:"))
    assert errors_of(tmp_path / "sop") == [
        "sop/u/b.yaml:3:7: unit: this folder's unit is 'Bidang A' (in sop/u/a.yaml); SOPs of "
        "one folder share one unit"]


def test_duplicate_role_name_in_one_sop(tmp_path: Path) -> None:
    text = MINIMAL.replace("name: Kepala Seksi", "name: petugas ")
    errors = errors_of(_write(tmp_path, text))
    assert errors == [f"sop/unit/a.yaml:{line_of(text, 'name: petugas ')}:11: roles[1].name: "
                      "duplicate role name 'petugas': two lanes would look the same"]


def test_every_mapping_of_the_format_has_a_place_for_key_hints() -> None:
    """A new model must be named in keys.PLACES, or its unknown keys lose their hints."""
    from generator.check.keys import PLACES
    from generator.source.life import CriterionResult, Finding, PointResult, SopLife
    from generator.source.model import OrganizationFile, Strict

    def every(cls: type) -> set[type]:
        return {sub for direct in cls.__subclasses__() for sub in {direct, *every(direct)}}

    models = {model for model, _ in PLACES.values()}
    # _organization.yaml is a file of its own; Finding and SopLife are bases (of the result
    # entries, of Sop); the result entries share keys with steps (action, notes), where a
    # "belongs in a monitoring result" hint would mislead an author who misplaced a step key
    left_out = {OrganizationFile, Finding, SopLife, PointResult, CriterionResult}
    assert models == every(Strict) - left_out


@pytest.mark.parametrize(("text", "message"), [
    (MINIMAL.replace("      time: 20\n", "      time: 20\n    output: Berkas\n"),
     "steps[1].output: 'output' belongs inside a step's standard, not inside a step"),
    (MINIMAL.replace("    name: Petugas\n", "    name: Petugas\n    action: x\n"),
     "roles[0].action: 'action' belongs inside a step, not inside a role"),
    (MINIMAL.replace("      time: 10\n", "      time: 10\n      kind: rutin\n"),
     "steps[0].standard.kind: 'kind' belongs at the top level, not inside a step's standard"),
    (MINIMAL + "monitorings:\n  - date: 2024-01-02\n    assessor: Kepala\n    status: draft\n",
     "monitorings[0].status: 'status' belongs at the top level, not in an entry of "
     "monitorings"),
    (MINIMAL.replace("      time: 10\n", "      time: 10\n      tiem: 3\n"),
     "steps[0].standard.tiem: unknown key 'tiem' (did you mean 'time'?)"),
])
def test_a_key_at_the_wrong_level_says_where_it_belongs(tmp_path: Path, text: str,
                                                         message: str) -> None:
    assert one_error(tmp_path, text).split(": ", 1)[1] == message


def test_a_loop_that_can_be_left_is_fine(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 5\n", "      time: 5\n    decision:\n"
                           "      question: Setuju?\n      yes: end\n      no: 2\n")
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    assert load_library(tmp_path / "sop").entries[0].id == "a"


def _steps(*decisions: tuple[str, str] | None) -> str:
    """An SOP whose steps are plain (None) or decisions with (yes, no)."""
    text = MINIMAL[:MINIMAL.index("steps:\n") + len("steps:\n")]
    for i, decision in enumerate(decisions, start=1):
        text += f"  - action: Langkah {i}\n    actors: petugas\n    standard:\n      time: 5\n"
        if decision:
            text += (f"    decision:\n      question: Q{i}?\n      yes: {decision[0]}\n"
                     f"      no: {decision[1]}\n")
    return text


def test_only_the_trapped_steps_are_named(tmp_path: Path) -> None:
    text = _steps(("next", "5"), None, ("next", "2"), ("2", "3"), None)
    assert one_error(tmp_path, text) == (
        f"sop/unit/a.yaml:{line_of(text, 'Q4?')}:7: steps[3].decision: the procedure can "
        "never end: steps 2, 3, 4 only lead to each other; let 'yes' or 'no' lead to 'end' or "
        "to a later step")
