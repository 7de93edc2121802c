"""Printed document control and forms, read back from the PDFs ``sopgen pdf`` writes."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.render.locale import labels
from helpers.site import REPO, make_project

A4 = (595.28, 841.89)
LIFE = REPO / "tests" / "data" / "life"
PRINTED = ("checklist", "cards", "resmi", "monitoring", "evaluasi")


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("life-pdf")
    project = make_project(tmp, LIFE)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_description:", "site_url: https://sop.example.go.id/\n"
                                                  "site_description:", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = tmp / "pdf"
    args = ["pdf", "izin-baru", "izin-terpadu", "-f", str(project / "mkdocs.yml"),
            "-o", str(out)]
    with ThreadPoolExecutor(max_workers=1) as pool:  # the session's browser owns this thread
        assert pool.submit(main, args).result() == 0
    return out / "layanan"


@pytest.mark.browser
def test_every_printed_page_of_a_draft_says_draf_and_none_of_an_in_force_sop(
        printed: Path) -> None:
    for kind in PRINTED:
        draft = _texts(printed / f"izin-baru.{kind}.pdf")
        assert draft and all("DRAF" in text for text in draft), kind
        assert all("DRAF" not in text for text in _texts(printed / f"izin-terpadu.{kind}.pdf"))


@pytest.mark.browser
def test_every_printed_page_names_number_revision_effective_date_and_printing(
        printed: Path) -> None:
    for kind in PRINTED:
        for text in _texts(printed / f"izin-terpadu.{kind}.pdf"):
            flat = " ".join(text.split())
            assert "Nomor SOP: 800/003/2024" in flat and "Revisi: 01" in flat, kind
            assert "Tanggal Efektif: 29 Februari 2024" in flat and "Dicetak: " in flat
            assert "Dicetak: …" not in flat  # control.js filled in the day's date
            date = re.search(r"Dicetak: \d{1,2} (\w+) \d{4}", flat)
            assert date is not None and date.group(1) in labels("id")["months"].split(",")


@pytest.mark.browser
def test_forms_print_on_a4_with_every_column_of_the_regulation(printed: Path) -> None:
    columns = ["Prosedur", "Penilaian terhadap", "Penerapan", "Catatan Hasil", "Penilaian",
               "Tindakan yang Harus", "Diambil", "Paraf", "Penilai", "Berjalan dengan baik",
               "Tidak berjalan dengan baik", "Monitoring Pelaksanaan SOP AP",
               "Pelayanan Izin Terpadu", "Surat ditandatangani pada hari yang"]
    criteria = ["Mampu mendorong peningkatan", "Mudah dipahami", "Mudah dilaksanakan",
                "Semua orang dapat menjalankan", "Mampu mengatasi permasalahan",
                "Mampu menjawab kebutuhan", "Sinergi satu dengan lainnya", "Kriteria",
                "Evaluasi Penerapan SOP AP", "Ya", "Tidak", "Paraf"]
    for kind, wanted in (("monitoring", columns), ("evaluasi", criteria)):
        path = printed / f"izin-terpadu.{kind}.pdf"
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        assert len(reader.pages) == 1
        page = reader.pages[0]
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 1.5 for a, b in zip(size, A4, strict=True))
        text = " ".join(page.extract_text().split())  # a label may wrap inside its cell
        assert [word for word in wanted if word not in text] == []
