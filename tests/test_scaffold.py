"""``sopgen new`` writes a file that ``sopgen check`` passes, reusing the site's role ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.library import load_library
from generator.cli import main
from generator.scaffold import slugify

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.mark.parametrize(("text", "slug"), [
    ("Pelayanan KTP-el (Baru)", "pelayanan-ktp-el-baru"), ("Évaluasi  Kinerja", "evaluasi-kinerja"),
    ("2024 Rencana", "sop-2024-rencana"), ("../../etc", "etc")])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_new_sop_passes_check_and_reuses_role_ids(tmp_path: Path) -> None:
    sop_dir = tmp_path / "sop"
    shutil.copytree(CORPUS, sop_dir)
    assert main(["new", "--sop-dir", str(sop_dir), "--title", 'Pelayanan "Izin" <Baru>',
                 "--organization", "Dinas Contoh", "--unit", "pelayanan",
                 "--unit-name", "Bidang Pelayanan", "--roles", "Petugas Loket, Juru Ukur",
                 "--kind", "pelayanan"]) == 0
    path = sop_dir / "pelayanan" / "pelayanan-izin-baru.yaml"
    assert path.is_file()
    assert main(["check", "--sop-dir", str(sop_dir)]) == 0
    entry = load_library(sop_dir).by_id("pelayanan-izin-baru")
    assert entry.sop.title == 'Pelayanan "Izin" <Baru>'
    assert [r.id for r in entry.sop.roles] == ["petugas", "juru_ukur"]


def test_new_never_overwrites(tmp_path: Path) -> None:
    args = ["new", "--sop-dir", str(tmp_path), "--title", "A", "--organization", "O",
            "--unit", "u", "--roles", "Staf"]
    assert main(args) == 0
    before = (tmp_path / "u" / "a.yaml").read_text(encoding="utf-8")
    assert main(args) == 1
    assert (tmp_path / "u" / "a.yaml").read_text(encoding="utf-8") == before


def new(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str,
        title: str = "Layanan", unit: str = "u") -> tuple[int, str]:
    status = main(["new", "--sop-dir", str(tmp_path / "sop"), "--title", title,
                   "--organization", "Dinas Contoh", "--unit", unit, *args])
    return status, capsys.readouterr().err.replace(f"{tmp_path}/", "")


@pytest.mark.parametrize(("args", "reason"), [
    (["--roles", "Kepala Seksi, Kepala-Seksi"], "the roles 'Kepala Seksi' and 'Kepala-Seksi' "
     "would both get the id 'kepala_seksi'; give one role once, or name them apart"),
    (["--roles", "😀, 🙂"], "the role '😀' has no letters a-z or digits to make its id from; "
                            "write the name in Latin letters"),
    (["--roles", ",,"], "give at least one role name (--roles \"Kepala Seksi, Staf\")"),
    (["--roles", "Staf, staf"], "the role 'staf' is given twice"),
    (["--roles", "Straße, STRASSE"], "the role 'STRASSE' is given twice"),
    (["--roles", "Staf", "--title", "   "], "the title is blank"),
    (["--roles", "Staf", "--title", "\x1b]0;judul\x07"],
     "the title contains the control character U+001B; type it without"),
    (["--roles", "Staf\u2028Kasi"], "the role name contains the control character U+2028; "
                                    "type it without"),
    (["--roles", "Staf", "--unit", " "], "the unit folder is blank"),
], ids=["same-id", "emoji", "empty", "twice", "casefold", "blank-title", "escape",
        "line-separator", "blank-unit"])
def test_new_refuses_answers_that_cannot_make_a_valid_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        reason: str) -> None:
    status, err = new(tmp_path, capsys, *args)
    assert (status, err) == (2, f"sopgen new: {reason}; nothing written\n")
    assert not (tmp_path / "sop").exists()


def test_new_blames_the_new_unit_name_not_the_older_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(tmp_path, capsys, "--roles", "Staf", "--unit-name", "Bidang A")[0] == 0
    assert new(tmp_path, capsys, "--roles", "Staf", "--unit-name", "Bidang B",
               title="Lain") == (2, (
        "sopgen new: the folder sop/u is the unit 'Bidang A' (in sop/u/layanan.yaml); give "
        "--unit-name 'Bidang A' or leave it out; nothing written\n"))
    assert new(tmp_path, capsys, "--roles", "Staf", title="Lain")[0] == 0


def test_new_refuses_an_id_or_role_id_the_site_already_uses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(tmp_path, capsys, "--roles", "Kepala Seksi")[0] == 0
    assert new(tmp_path, capsys, "--roles", "Staf", unit="v") == (2, (
        "sopgen new: an SOP with the id 'layanan' exists already (sop/u/layanan.yaml); "
        "choose another title; nothing written\n"))
    assert new(tmp_path, capsys, "--roles", "Kepala-Seksi", title="Lain") == (2, (
        "sopgen new: the id 'kepala_seksi' of the role 'Kepala-Seksi' is already the role "
        "'Kepala Seksi' in sop/u/layanan.yaml; use that name, or another; nothing written\n"))
    assert new(tmp_path, capsys, "--roles", "kepala  seksi", title="Lain")[0] == 0
    assert "name: \"Kepala Seksi\"" in (tmp_path / "sop/u/lain.yaml").read_text("utf-8")


def test_new_into_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sop").write_text("x", encoding="utf-8")
    assert new(tmp_path, capsys, "--roles", "Staf") == (
        2, "sopgen new: --sop-dir sop is a file, not a folder\n")


FRIENDLY = st.text(st.sampled_from("KepalSksiDnu-_.,'\"(&)ÉéßŞ😀漢\u00a0\u3000 0123"),
                   min_size=1, max_size=12)
"""Answers an author could type: Latin, accents, emoji, odd spaces, punctuation, commas."""
ANY = st.text(st.characters(codec="utf-8"), max_size=12)
"""Any text at all: controls, separators, unassigned code points."""
BUDGET = settings(max_examples=50, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])


def written_or_refused(tmp: Path, capsys: pytest.CaptureFixture[str], title: str,
                       roles: list[str], unit: str) -> int:
    """`sopgen new` either writes a file `sopgen check` passes (exit 0) holding the answers
    as given, or refuses in one line (exit 2) and writes nothing."""
    unit_name = [f"--unit-name={unit}"] if unit.strip() else []  # '=': a value may start
    status = main(["new", f"--sop-dir={tmp / 'sop'}", f"--title={title}",  # with '-'
                   "--organization=Dinas", f"--unit={unit or 'u'}",
                   f"--roles={','.join(roles)}", *unit_name])
    err = capsys.readouterr().err
    if status == 2:
        assert err.count("\n") == 1 and err.startswith("sopgen new: ")
        assert "\x1b" not in err and not (tmp / "sop").exists()
        return status
    assert status == 0, err
    assert main(["check", "--sop-dir", str(tmp / "sop")]) == 0, capsys.readouterr().err
    sop = load_library(tmp / "sop").entries[0].sop
    assert sop.title == title.strip()
    names = [name.strip() for role in roles for name in role.split(",") if name.strip()]
    assert [role.name for role in sop.roles] == names
    return status


@BUDGET
@given(title=FRIENDLY, roles=st.lists(FRIENDLY, min_size=1, max_size=4), unit=FRIENDLY)
def test_new_with_typed_answers_passes_check_or_refuses(
        title: str, roles: list[str], unit: str, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    written_or_refused(tmp_path_factory.mktemp("new"), capsys, title, roles, unit)


@BUDGET
@given(title=ANY, roles=st.lists(ANY, max_size=4), unit=ANY)
def test_new_with_any_text_passes_check_or_refuses(
        title: str, roles: list[str], unit: str, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    written_or_refused(tmp_path_factory.mktemp("new"), capsys, title, roles, unit)
