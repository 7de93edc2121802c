"""``sopgen pdf``: which pages get printed, and the PDF files as a PDF library reads them."""

from __future__ import annotations

import io
import math
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.check.library import load_library
from generator.cli import main
from generator.pdf import jobs as pdf
from generator.pdf.printer import print_jobs
from generator.render.urls import page_url
from helpers.browser import open_page
from helpers.site import REPO, make_project
from helpers.sops import MINIMAL, write_sop

A4 = (595.28, 841.89)  # points
SEED_PDFS = ("disdukcapil/pengukuran-kinerja.checklist.pdf",
             "disdukcapil/pengukuran-kinerja.cards.pdf")
SEED_OFFICIAL = "disdukcapil/pengukuran-kinerja.resmi.pdf"
SEED_FORMS = ("disdukcapil/pengukuran-kinerja.monitoring.pdf",
              "disdukcapil/pengukuran-kinerja.evaluasi.pdf")


def two_units(tmp_path: Path) -> Path:
    sop_dir = tmp_path / "sop"
    write_sop(sop_dir, "a/izin.yaml", MINIMAL)
    write_sop(sop_dir, "b/izin-usaha.yaml", MINIMAL)
    return sop_dir


def test_each_sop_prints_its_checklist_and_cards() -> None:
    entry = load_library(REPO / "sop").by_id("pengukuran-kinerja")
    jobs = pdf.sop_jobs(entry)[:2]
    assert [(job.page, job.output) for job in jobs] == [
        ("disdukcapil/pengukuran-kinerja.checklist.md", SEED_PDFS[0]),
        ("disdukcapil/pengukuran-kinerja.cards.md", SEED_PDFS[1])]
    assert all(job.paper == "A4" and not job.landscape for job in jobs)


def test_sops_are_chosen_by_id_or_path_and_unknown_names_all_reported(tmp_path: Path) -> None:
    library = load_library(two_units(tmp_path))
    assert [e.id for e in pdf.select(library, [])] == ["izin", "izin-usaha"]
    assert [e.id for e in pdf.select(library, ["b/izin-usaha", "izin-usaha"])] == ["izin-usaha"]
    assert [e.id for e in pdf.select(library, ["a/izin"])] == ["izin"]
    with pytest.raises(pdf.UnknownSopError, match="no SOP named nope, c/izin"):
        pdf.select(library, ["nope", "izin", "c/izin"])


def test_every_sop_prints_checklist_cards_and_official_document(tmp_path: Path) -> None:
    jobs = pdf.jobs_for(pdf.select(load_library(two_units(tmp_path)), ["izin", "izin-usaha"]))
    kinds = ("checklist", "cards", "resmi", "monitoring", "evaluasi")
    assert [job.output for job in jobs] == [
        f"{sop}.{kind}.pdf" for sop in ("a/izin", "b/izin-usaha") for kind in kinds]
    assert [job.landscape for job in jobs] == [False, False, True, False, False] * 2


def test_unknown_sop_fails_before_anything_is_built(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    code = main(["pdf", "nope", "-f", str(project / "mkdocs.yml"), "-o", str(tmp_path / "o")])
    assert code == 2
    assert "no SOP named nope" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def read(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def run_cli(args: list[str]) -> int:
    """``sopgen`` in a thread of its own: the session's browser fixture keeps an event loop
    running in this thread, and playwright's sync API refuses to start inside one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(main, args).result()


@pytest.mark.browser
def test_pdf_command_builds_and_prints_every_sop(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "pdf"
    assert run_cli(["pdf", "-f", str(project / "mkdocs.yml"), "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines if line.startswith("[")] == [
        "[1/5]", "[2/5]", "[3/5]", "[4/5]", "[5/5]"]
    assert len(read(out / SEED_OFFICIAL).pages) == 4  # identity, worksheet, 2 flowchart pages
    mask = os.umask(0o022)
    os.umask(mask)
    assert {oct((out / name).stat().st_mode & 0o777) for name in (*SEED_PDFS, SEED_OFFICIAL)} \
        == {oct(0o666 & ~mask)}  # readable as any file the user makes, not mkstemp's 600
    steps = len(load_library(REPO / "sop").by_id("pengukuran-kinerja").sop.steps)
    checklist, cards = (read(out / name) for name in SEED_PDFS)
    assert len(cards.pages) == math.ceil(steps / 4) == 4
    assert 1 <= len(checklist.pages) <= 2
    for number, page in enumerate(checklist.pages, start=1):
        assert f"{number} / {len(checklist.pages)}" in page.extract_text()
    for page in [*checklist.pages, *cards.pages]:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 1.5 for a, b in zip(size, A4, strict=True))
    text = "".join(page.extract_text() for page in cards.pages)
    assert sorted(int(n) for n in re.findall(r"Langkah (\d+) / 14", text)) == list(range(1, 15))


@pytest.mark.browser
def test_pdf_of_a_built_site_is_what_the_browser_prints(
        tmp_path: Path, seed_site: Path, seed_url: str, browser: Any) -> None:
    config = seed_site.parent / "mkdocs.yml"
    out = tmp_path / "pdf"
    code = run_cli(["pdf", "disdukcapil/pengukuran-kinerja", "-f", str(config),
                    "--site", str(seed_site), "-o", str(out)])
    assert code == 0
    jobs = pdf.jobs_for(pdf.select(load_library(REPO / "sop"), []))
    again = print_jobs(seed_site, jobs, tmp_path / "again", browser=browser)
    assert [p.relative_to(tmp_path / "again").as_posix() for p in again] == [
        *SEED_PDFS, SEED_OFFICIAL, *SEED_FORMS]
    for name in SEED_PDFS:
        page, _ = open_page(browser, seed_url + page_url(name.replace(".pdf", ".md")))
        printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True,
                                                print_background=True)))
        page.context.close()
        for written in (read(out / name), read(tmp_path / "again" / name)):
            assert [p.extract_text() for p in written.pages] == [
                p.extract_text() for p in printed.pages]


@pytest.mark.browser
def test_a_site_without_the_pages_is_an_error_not_an_empty_pdf(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    empty_site = tmp_path / "empty"
    empty_site.mkdir()
    code = run_cli(["pdf", "-f", str(project / "mkdocs.yml"), "--site", str(empty_site),
                    "-o", str(tmp_path / "pdf")])
    assert code == 1
    assert "could not be opened (404)" in capsys.readouterr().err
    assert not list((tmp_path / "pdf").rglob("*.pdf"))
