"""The pages across SOPs as rendered: roles, review, map, home figures, unit table."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

from generator.check.library import load_library
from generator.render.options import RenderOptions
from generator.render.site import render_site
from generator.render.slots import filled_pages

CORPUS = Path(__file__).parent / "data" / "corpus"
OPTIONS = RenderOptions(today=datetime.date(2026, 1, 1))


def pages() -> dict[str, str]:
    return {path: html.unescape(text)
            for path, text in filled_pages(render_site(load_library(CORPUS), OPTIONS)).items()}


def test_role_page_lists_exactly_its_sops_with_minutes() -> None:
    page = pages()["peran/sekretaris.md"]
    rows = [row.split("</tr>")[0] for row in page.split("<tr><td>")[1:]]  # an HTML table
    assert len(rows) == 3
    assert '<a href="../../pengawasan/evaluasi/">Evaluasi Kinerja Triwulan</a>' in rows[0]
    assert rows[0].endswith("<td>45 menit</td>")
    assert "2. Memimpin dan mengikuti rapat" in rows[1] and rows[1].endswith(
        "<td>120 menit (2 jam)</td>")
    assert '<a href="../../sekretariat/surat-masuk/">Pengelolaan Surat Masuk</a>' in rows[2]
    assert rows[2].endswith("<td>15 menit</td>")
    assert "180 menit (3 jam)" in page


def test_roles_index_counts() -> None:
    page = pages()["peran/index.md"]
    assert "| [Sekretaris](sekretaris.md) | 3 | 180 menit (3 jam) |" in page
    assert "| [Kepala Dinas](kepala_dinas.md) | 4 |" in page


def test_review_page_lists_exactly_the_due_sops() -> None:
    page = pages()["perlu-ditinjau.md"]
    rows = [line for line in page.splitlines() if line.startswith("| 800") or
            line.startswith("| 700") or line.startswith("| 470")]
    assert [row.split("|")[1].strip() for row in rows] == [
        "800/03/SEKR/2025", "800/01/SEKR/2025", "700/01/PWS/2025"]
    assert "**terlambat**" in rows[0] and "1 Januari 2026" in page


def test_home_figures() -> None:
    home = pages()["index.md"]
    for value, label in ((6, "SOP"), (3, "Unit kerja"), (6, "Peran"), (3, "Perlu ditinjau")):
        assert f'<span class="sopgen-figure-value">{value}</span> {label}</div>' in home


def test_backlinks_note_links_and_revisions_on_sop_pages() -> None:
    rendered = pages()
    assert "- [Penanganan Pengaduan](../pelayanan/pengaduan.md)" in rendered[
        "sekretariat/surat-masuk.md"].split("**Disebut oleh:**")[1]
    assert '<a href="../../sekretariat/rapat/">Pelaksanaan Rapat</a>' in rendered[
        "pelayanan/legalisasi.md"]
    rapat = rendered["sekretariat/rapat.md"]
    assert "<td>1 Maret 2024</td><td>1</td><td>Notulen wajib" in rapat
    assert 'style="width:100%"' in rapat  # the longest bar fills its track


def test_unit_page_has_kind_and_effective_date_columns() -> None:
    page = pages()["pelayanan/index.md"]
    assert "| Jenis Kegiatan |" in page and "| Tanggal Efektif |" in page
    assert "| Pelayanan | 4 |" in page


def test_link_map_has_every_related_link() -> None:
    page = pages()["peta-keterkaitan.md"]
    assert page.count(" --> ") == 4 and "```mermaid" in page
