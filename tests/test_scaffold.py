"""``sopgen new`` writes a file that ``sopgen check`` passes, reusing the site's role ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
