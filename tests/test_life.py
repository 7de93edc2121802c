"""The SOP's life (issue 15): status, withdrawal, document control, the QR code, the
monitoring and evaluation records and what is due, rendered purely from tests/data/life."""

from __future__ import annotations

import base64
import datetime
import json
import re
from pathlib import Path

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from generator.check.library import Library, load_library
from generator.locale import _all_labels
from generator.render.assets import asset_root
from generator.render.control import PRINTED_TOKEN
from generator.render.escape import css_text
from generator.render.followup import add_months, monitoring_due, open_actions
from generator.render.locale import labels
from generator.render.options import RenderOptions
from generator.render.site import render_site
from generator.render.slots import filled_pages
from generator.source.errors import SopValidationError
from helpers.site import REPO
from helpers.sops import MINIMAL, write_sop

LIFE = REPO / "tests" / "data" / "life"
TODAY = datetime.date(2025, 2, 10)
SITE_URL = "https://sop.example.go.id/layanan/"
OPTIONS = RenderOptions(today=TODAY, site_url=SITE_URL)
DRAFT, WITHDRAWN, IN_FORCE = "izin-baru", "izin-lama", "izin-terpadu"
PRINTED = ("checklist", "cards", "resmi", "monitoring", "evaluasi")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(LIFE)


@pytest.fixture(scope="module")
def pages(library: Library) -> dict[str, str]:
    return filled_pages(render_site(library, OPTIONS))


def test_an_sop_without_status_states_none_and_gets_no_mark(pages: dict[str, str],
                                                            library: Library) -> None:
    assert library.by_id("izin-ulang").sop.status is None
    page = pages["layanan/izin-ulang.md"]
    assert "Status SOP" not in page and "DRAF" not in page
    assert all('class="sopgen-draft-mark"' not in pages[f"layanan/izin-ulang.{kind}.md"]
               for kind in PRINTED)


def test_a_drafts_printables_carry_the_mark_and_an_in_force_sops_do_not(
        pages: dict[str, str]) -> None:
    for kind in PRINTED:
        draft = pages[f"layanan/{DRAFT}.{kind}.md"]
        assert '@top-center { content: "DRAF"' in draft
        assert 'class="sopgen-draft-mark"' in draft or kind == "cards"
        assert "DRAF" not in pages[f"layanan/{IN_FORCE}.{kind}.md"]
    assert "<strong>DRAF</strong>" in pages[f"layanan/{DRAFT}.cards.md"]
    assert '!!! warning "DRAF"' in pages[f"layanan/{DRAFT}.md"]


def test_every_printable_names_number_revision_effective_date_and_printing(
        pages: dict[str, str]) -> None:
    for kind in PRINTED:
        page = pages[f"layanan/{IN_FORCE}.{kind}.md"]
        assert ("Pelayanan Izin Terpadu · Nomor SOP: 800/003/2024 · Revisi: 01 · "
                "Tanggal Efektif: 29 Februari 2024 · Dicetak: ") in page
        assert "@bottom-left { content:" in page and "data-sopgen-printed" in page
    # what the SOP does not state is a blank, never a guess
    assert "Revisi: ………… · Tanggal Efektif: …………" in pages[f"layanan/{DRAFT}.checklist.md"]


def _decode_css(value: str) -> str:
    """A CSS string's text, its hex escapes undone the way a CSS parser does."""
    return re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), value[1:-1])


@given(st.text())
def test_the_margin_lines_css_string_holds_any_text(text: str) -> None:
    value = css_text(text)
    body = value[1:-1]
    assert value[0] == value[-1] == '"' and not set(body) & set('"\'<>&')
    assert all(ch.isprintable() for ch in body), "no newline or control character"
    assert _decode_css(value) == " ".join(text.split())


def test_hostile_text_cannot_leave_the_margin_line(tmp_path: Path) -> None:
    hostile = '</style><script>x()</script> "\\" \' & · …'
    text = MINIMAL.replace("title: Pelayanan Contoh", f"title: {json.dumps(hostile)}")
    write_sop(tmp_path / "sop", "u/a.yaml", "number: '</style>'\n" + text)
    for kind in PRINTED:
        page = filled_pages(render_site(load_library(tmp_path / "sop")))[f"u/a.{kind}.md"]
        style = page.split("<style data-sopgen-control>")[1].split("</style>")[0]
        assert "<" not in style and "<script>" not in page, kind
        footer = re.search(r'@bottom-left \{ content: ("[^"]*") " " ' + re.escape(PRINTED_TOKEN),
                           style)
        assert footer is not None, kind
        assert _decode_css(footer.group(1)) == (
            f"{hostile} · Nomor SOP: </style> · Revisi: ………… · Tanggal Efektif: ………… · Dicetak:")


def test_every_printable_names_its_language_and_control_js_knows_its_months() -> None:
    """The month names of the date of printing are said once, in control.js, for every
    language of the locale file; a printable names only its language (its lang)."""
    script = (asset_root() / "control.js").read_text(encoding="utf-8")
    for language, words in _all_labels().items():
        assert f'{language}: "{words["months"]}"' in script, language
        page = filled_pages(render_site(load_library(LIFE), RenderOptions(
            today=TODAY, language=language)))[f"layanan/{IN_FORCE}.monitoring.md"]
        assert f'<div class="sopgen-control" lang="{language}">' in page
        assert "data-months" not in page
    assert f"const TOKEN = {json.dumps(PRINTED_TOKEN)};" in script
    assert f"{PRINTED_TOKEN}; }}" in filled_pages(render_site(load_library(LIFE), OPTIONS))[
        f"layanan/{IN_FORCE}.checklist.md"], "the margin line ends with the token"


def _matrix(svg: str) -> list[list[bool]]:
    """Dark modules of segno's one-path SVG (``M x y`` / ``m dx dy`` / ``h n`` runs)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))  # type: ignore[union-attr]
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", re.search(
            r' d="([^"]+)"', svg).group(1)):  # type: ignore[union-attr]
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x + float(a))):
                grid[int(y)][column] = True
            x += float(a)
    return grid


def test_the_qr_code_encodes_the_sop_pages_address(pages: dict[str, str]) -> None:
    expected = segno.make(SITE_URL + f"layanan/{IN_FORCE}/", error="m", boost_error=False,
                          micro=False)
    border = 4
    want = [[bool(module) for module in row] for row in expected.matrix]
    for kind in PRINTED:
        data = re.search(r'url\("data:image/svg\+xml;base64,([^"]+)"\)',
                         pages[f"layanan/{IN_FORCE}.{kind}.md"])
        assert data is not None, kind
        got = _matrix(base64.b64decode(data.group(1)).decode())
        assert [row[border:-border] for row in got[border:-border]] == want


def test_without_site_url_there_is_no_qr_code(library: Library) -> None:
    pages = filled_pages(render_site(library, RenderOptions(today=TODAY)))
    assert "data:image/svg+xml" not in pages[f"layanan/{IN_FORCE}.checklist.md"]


def test_withdrawn_sops_leave_indexes_and_search_but_keep_their_page(
        pages: dict[str, str]) -> None:
    page = pages[f"layanan/{WITHDRAWN}.md"]
    assert "search:\n  exclude: true" in page
    assert "[Pelayanan Izin Terpadu](izin-terpadu.md)" in page
    assert "Digabung ke SOP Pelayanan Izin Terpadu &#60;2025&#62;" in page
    for path in ("index.md", "layanan/index.md", "perlu-ditinjau.md", "peran/index.md",
                 "peran/petugas.md", "peta-keterkaitan.md", "perlu-dimonitor.md",
                 f"layanan/{IN_FORCE}.md"):
        assert "Izin Lama" not in pages[path], path
    assert "peran/arsiparis.md" not in pages
    assert "Izin Terpadu" in pages["index.md"]


def test_six_months_later_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(datetime.date(2024, 8, 31), 6) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2023, 8, 31), 6) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2024, 12, 15), 6) == datetime.date(2025, 6, 15)


def test_monitoring_due_is_exact_at_a_fixed_date(library: Library) -> None:
    due = [(item.entry.id, item.last, item.due, item.overdue)
           for item in monitoring_due(library, TODAY)]
    assert due == [
        ("izin-ulang", None, datetime.date(2024, 12, 30), True),   # effective + 6 months
        ("izin-terpadu", datetime.date(2024, 8, 31), datetime.date(2025, 2, 28), False)]
    # drafts, withdrawn SOPs and SOPs without any date are never listed
    assert monitoring_due(library, datetime.date(2024, 11, 1)) == []


def test_open_actions_and_the_home_pages_counts(library: Library,
                                                pages: dict[str, str]) -> None:
    actions = open_actions(library, labels("id"))
    assert [(a.entry.id, a.subject, a.action) for a in actions] == [
        (IN_FORCE, "Pemeriksaan selesai dalam 20 menit", "Menambah petugas loket pada hari "
                                                         "Senin")]
    home = pages["index.md"]
    assert '"sopgen-figure-value">2</span> Perlu dimonitor' in home
    assert '"sopgen-figure-value">1</span> Tindakan belum selesai' in home
    followup = pages["perlu-dimonitor.md"]
    assert "30 Desember 2024" in followup and "28 Februari 2025" in followup


def test_the_sop_page_shows_the_history_escaped(pages: dict[str, str]) -> None:
    page = pages[f"layanan/{IN_FORCE}.md"]
    assert "<th>Status SOP</th><td>Berlaku</td>" in page
    assert "Tidak berjalan dengan baik" in page
    assert "Menambah petugas loket pada hari Senin (belum dilaksanakan)" in page
    assert "Menyusun indikator waktu layanan (sudah dilaksanakan)" in page
    assert "&lt;b&gt;tepat waktu&lt;/b&gt;" in page and "<b>tepat" not in page
    history = page[page.index("## Monitoring dan Evaluasi"):]
    assert history.index("31 Agustus 2024") < history.index("10 Desember 2024")


def test_forms_have_every_column_and_criterion_of_the_regulation(
        pages: dict[str, str]) -> None:
    monitoring = pages[f"layanan/{IN_FORCE}.monitoring.md"]
    for text in ("Monitoring Pelaksanaan SOP AP", "Prosedur", "Penilaian terhadap Penerapan",
                 "Catatan Hasil Penilaian", "Tindakan yang Harus Diambil", "Paraf Penilai",
                 "Berjalan dengan baik", "Tidak berjalan dengan baik",
                 "Surat ditandatangani pada hari yang sama", "800/003/2024"):
        assert text in monitoring
    # without monitoring points, the rows are the steps
    assert "Memeriksa berkas" in pages["layanan/izin-ulang.monitoring.md"]
    evaluation = pages[f"layanan/{IN_FORCE}.evaluasi.md"]
    for criterion in ("Mampu mendorong peningkatan kinerja", "Mudah dipahami",
                      "Mudah dilaksanakan",
                      "Semua orang dapat menjalankan perannya masing-masing",
                      "Mampu mengatasi permasalahan yang berkaitan dengan proses",
                      "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
                      "Sinergi satu dengan lainnya"):
        assert criterion in evaluation


@pytest.mark.parametrize(("extra", "message"), [
    ("status: withdrawn\n", "a withdrawn SOP needs 'withdrawal'"),
    ("withdrawal:\n  reason: x\n", "a withdrawn SOP needs 'withdrawal'"),
    ("status: withdrawn\nwithdrawal:\n  reason: x\n  replaced_by: nope\n",
     "withdrawal.replaced_by: no SOP has the id 'nope'"),
    ("monitorings:\n  - date: 2025-01-01\n    assessor: X\n    results:\n"
     "      - point: 4\n        good: true\n", "no monitoring point 4: this SOP has 3"),
    ("evaluations:\n  - date: 2025-01-01\n    assessor: X\n    results:\n"
     "      - criterion: synergy\n        met: true\n"
     "      - criterion: synergy\n        met: false\n", "'synergy' is assessed twice"),
    ("status: berlaku\n", "status"),
])
def test_life_records_are_checked(tmp_path: Path, extra: str, message: str) -> None:
    write_sop(tmp_path / "sop", "a/izin.yaml", MINIMAL + extra)
    with pytest.raises(SopValidationError) as error:
        load_library(tmp_path / "sop")
    assert message in error.value.report()


def test_a_built_site_keeps_the_withdrawn_page_out_of_the_navigation(tmp_path: Path) -> None:
    from helpers.site import build_project, make_project

    site = build_project(make_project(tmp_path, LIFE))
    withdrawn = site / "layanan" / WITHDRAWN / "index.html"
    assert "Digabung ke SOP Pelayanan Izin Terpadu" in withdrawn.read_text(encoding="utf-8")
    # the nav of a page of the same unit (navigation.prune: only a page's own section)
    page = (site / "layanan" / IN_FORCE / "index.html").read_text(encoding="utf-8")
    nav = page[page.index("md-nav--primary"):page.index("md-content")]
    assert "Izin Lama" not in nav and "Izin Terpadu" in nav


def test_every_step_card_carries_the_qr_code_of_its_sop_page(pages: dict[str, str]) -> None:
    """Cards are cut apart and their sheet has no margin for the code: each card has its
    own, encoding the SOP page's address."""
    cards = pages[f"layanan/{IN_FORCE}.cards.md"]
    # said once in the page's style, drawn by printables.css on each card's image element
    style = cards.split("<style>.sopgen-cards{")[1].split("}</style>")[0]
    url = re.search(r'--sopgen-qr:url\(("[^"]*")\)', style)
    assert url is not None
    images = re.findall(r"data:image/svg\+xml;base64,(.+)", _decode_css(url.group(1)))
    assert len(images) == 1
    shown = cards.count('<i role="img" aria-label="Pindai untuk membuka versi terkini SOP '
                        'ini"></i></header>')
    assert shown == cards.count('<article class="sopgen-card') > 0
    expected = segno.make(SITE_URL + f"layanan/{IN_FORCE}/", error="m", boost_error=False,
                          micro=False)
    want = [[bool(module) for module in row] for row in expected.matrix]
    got = _matrix(base64.b64decode(images[0]).decode())
    assert [row[4:-4] for row in got[4:-4]] == want


def test_without_site_url_cards_carry_no_qr_code(library: Library) -> None:
    pages = filled_pages(render_site(library, RenderOptions(today=TODAY)))
    cards = pages[f"layanan/{IN_FORCE}.cards.md"]
    assert "--sopgen-qr" not in cards and '<i role="img"' not in cards
