"""Real SOPs of five offices (tests/data/offices): roles per organisation, values the
source does not state, decisions that end or return the file, what real forms carry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check.library import load_library
from generator.render.site import render_site
from generator.render.slots import filled_pages
from helpers.html import nav_titles, step_rows
from helpers.site import REPO, build_project, make_project

OFFICES = Path(__file__).parent / "data" / "offices"
DUKCAPIL = "dinas-kependudukan-dan-pencatatan-sipil-kabupaten-contoh"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return filled_pages(render_site(load_library(OFFICES)))


def _links(page: str) -> list[str]:
    return re.findall(r"\]\(([^)]+\.md)\)", page)


def _hrefs(page: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', page)


def test_corpus_has_five_offices_and_seven_sops() -> None:
    library = load_library(OFFICES)
    assert len(library.entries) == 7
    assert len({entry.organization for entry in library.entries}) == 5
    assert library.has_many_organizations


def test_same_role_name_in_two_offices_is_two_roles(pages: dict[str, str]) -> None:
    kelurahan = pages["peran/kelurahan-sukamaju/sekretaris.md"]
    dukcapil = pages[f"peran/{DUKCAPIL}/sekretaris.md"]
    # the table is HTML: its links are the built pages' URLs, relative to the role's page
    assert _hrefs(kelurahan) == ["../../../kelurahan-sukamaju/surat-keluar/",
                                 "../../../kelurahan-sukamaju/surat-masuk/"]
    assert _hrefs(dukcapil) == ["../../../disdukcapil/pelayanan/akta-kelahiran/",
                                "../../../disdukcapil/sekretariat/rencana-kerja/"]
    assert "**Total waktu &#40;sekali tiap SOP&#41;: 30 menit**" in kelurahan
    assert ("**Total waktu &#40;sekali tiap SOP&#41;: 10 menit&#59; total 1 dari 2 langkah "
            "yang mencantumkan waktu**") in dukcapil
    assert "Organisasi: **Kelurahan Sukamaju**" in kelurahan
    assert "peran/sekretaris.md" not in pages


def test_roles_index_groups_by_office(pages: dict[str, str]) -> None:
    index = pages["peran/index.md"]
    headings = re.findall(r"^## (.+)$", index, flags=re.MULTILINE)
    assert headings == ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh",
                        "Kantor Kementerian Agama Kabupaten Contoh", "Kelurahan Sukamaju",
                        "RSUD Kabupaten Contoh", "UPTD Puskesmas Cempaka"]
    assert index.count("[Sekretaris]") == 2
    assert index.count("[Kasubbag&#46; Tata Usaha]") == 2  # a puskesmas' and a Kemenag's


def test_home_groups_by_office_then_unit(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert '<span class="sopgen-figure-value">5</span> Organisasi' in home
    assert re.findall(r"^## (.+)$", home, flags=re.MULTILINE)[0] == \
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh"
    assert "### [Sekretariat](disdukcapil/sekretariat/index.md)" in home


def test_no_page_shows_zero_minutes_for_a_time_not_stated(pages: dict[str, str]) -> None:
    zero = [path for path, text in pages.items() if re.search(r"(?<![\d,.])0 menit", text)]
    assert zero == []


def test_totals_say_what_they_cover(pages: dict[str, str]) -> None:
    masuk = pages["kelurahan-sukamaju/surat-masuk.md"]
    assert ('<td class="sopgen-total" colspan="3">1 hari + 25 menit; total 4 dari 5 langkah '
            "yang mencantumkan waktu</td>") in masuk
    times = [row[-3] for row in step_rows(masuk)]  # Waktu: the third cell from the end
    assert times.count('<span class="sopgen-unknown">tidak tercantum</span>') == 1
    rencana = pages["disdukcapil/sekretariat/rencana-kerja.md"]
    assert '<td class="sopgen-total" colspan="3">tidak tercantum</td>' in rencana
    # the four steps' times, and the kind in the identity table and the worksheet
    assert rencana.count('<span class="sopgen-unknown">tidak tercantum</span>') == 4 + 2
    assert "| tidak tercantum |" in pages["disdukcapil/sekretariat/index.md"]


def test_decisions_end_return_or_are_not_stated(pages: dict[str, str]) -> None:
    assert "Ya: ke langkah 3; Tidak: selesai" in pages["kemenag/umum/atk.md"]
    assert "Ya: ke langkah 3; Tidak: ke langkah 1" in \
        pages["disdukcapil/pelayanan/akta-kelahiran.md"]
    rencana = pages["disdukcapil/sekretariat/rencana-kerja.md"]
    assert "Ya: ke langkah 4; Tidak: tidak tercantum" in rencana
    assert re.search(r'unknown\d+\["tidak tercantum"\]', rencana)
    assert "tidak tercantum" in pages["disdukcapil/sekretariat/rencana-kerja.resmi.md"]


def test_decision_without_question_shows_its_action(pages: dict[str, str]) -> None:
    cuti = pages["puskesmas-cempaka/tata-usaha/cuti.md"]
    assert "Keputusan: Memeriksa sisa cuti dan kelengkapan permohonan<br>" in cuti
    assert 's2{"2. Memeriksa sisa cuti dan kelengkapan permohonan"}' in cuti


def test_what_real_forms_carry(pages: dict[str, str]) -> None:
    akta = pages["disdukcapil/pelayanan/akta-kelahiran.md"]
    assert "## Persyaratan" in akta and "<li>KTP-el kedua orang tua</li>" in akta
    assert "<div>Pangkat/Golongan: Pembina Utama Muda, IV/c</div>" in akta
    assert "Pembina Utama Muda, IV/c" in pages["disdukcapil/pelayanan/akta-kelahiran.resmi.md"]
    keluar = pages["kelurahan-sukamaju/surat-keluar.md"]
    assert "<tr><th>Tanggal Pengesahan</th><td>25 Januari 2023</td></tr>" in keluar
    assert keluar.count('<div class="sopgen-does">') == 2
    assert '<div class="sopgen-does">tanda tangan</div>' in keluar
    assert ">Sekretaris: paraf</span>" in pages["kelurahan-sukamaju/surat-keluar.checklist.md"]
    assert ">Lurah: tanda tangan</span>" in pages["kelurahan-sukamaju/surat-keluar.cards.md"]
    assert "<tr><th>2. Jenis Kegiatan</th><td><span class=\"sopgen-unknown\">tidak " \
           "tercantum</span></td></tr>" in pages["kelurahan-sukamaju/surat-masuk.md"]


def test_days_and_clock_time_are_never_on_one_scale(pages: dict[str, str]) -> None:
    page = pages["rsud/kepegawaian/gaji-berkala.md"]
    titles = re.findall(r'<p class="sopgen-bars-title"><strong>(.+?)</strong>', page)
    assert titles == ["Jam dan menit", "Hari", "Hari kerja"]
    bars = re.findall(r'<div><span>([^<]+)</span>\s*<span><span class="sopgen-lane-\d" '
                      r'style="width:(\d+)%"></span></span>\s*<span>([^<]+)</span></div>', page)
    assert bars == [("Pengelola Kepegawaian", "100", "120 menit (2 jam)"),
                    ("Kasubbag. Kepegawaian", "100", "1 hari"), ("Direktur", "100", "1 hari"),
                    ("Pengelola Kepegawaian", "100", "1 hari kerja")]


def test_seed_pages_show_the_worksheet_and_the_restored_warning() -> None:
    pages = filled_pages(render_site(load_library(REPO / "sop")))
    page = pages["disdukcapil/pengukuran-kinerja.md"]
    assert ("<li>Apabila pengumpulan data kinerja tidak terselesaikan dengan baik dan "
            "pelaporan akan terhambat</li>") in page
    assert "## Lembar Kerja Identifikasi Kegiatan" in page
    assert "<tr><th>Langkah Akhir</th><td>Pengarsipan dokumen pengukuran kinerja</td></tr>" \
        in page
    official = pages["disdukcapil/pengukuran-kinerja.resmi.md"]
    assert "Lembar Kerja Identifikasi Kegiatan" in official
    assert "peran/kepala_dinas.md" in pages  # a site of one office keeps its role paths


def test_corpus_builds_strict(tmp_path: Path) -> None:
    site = build_project(make_project(tmp_path, OFFICES))
    assert (site / "peran" / "kelurahan-sukamaju" / "sekretaris" / "index.html").is_file()
    titles = nav_titles((site / "index.html").read_text(encoding="utf-8"))
    # every office folder is titled after its office (declared by _organization.yaml, or
    # the one office of a top folder), and the offices come right after home, before the
    # guide and the roles: no folder names such as 'Rsud' or 'Kemenag'
    assert not {"Rsud", "Kemenag", "Disdukcapil", "Puskesmas cempaka"} & set(titles)
    top = [t for t in titles if t in ("Kantor Kementerian Agama Kabupaten Contoh",
                                      "RSUD Kabupaten Contoh", "UPTD Puskesmas Cempaka",
                                      "Kelurahan Sukamaju", "Panduan Penulis SOP", "Peran")]
    assert top.index("Panduan Penulis SOP") > top.index("RSUD Kabupaten Contoh")


def test_an_office_named_by_its_folder_shows_on_every_page_of_its_sops(
        pages: dict[str, str]) -> None:
    """surat-masuk.yaml names no organization: its folder's _organization.yaml does."""
    base = next(p for p in pages if p.endswith("surat-masuk.md"))
    stem = base.removesuffix(".md")
    for path in (base, f"{stem}.checklist.md", f"{stem}.resmi.md"):
        assert "Kelurahan Sukamaju" in pages[path], path
    identity = pages[base][pages[base].index('class="sopgen-identity"'):]
    assert re.search(r"<th>Organisasi</th><td>Kelurahan Sukamaju</td>", identity)
