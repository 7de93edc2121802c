"""Checklist and step cards as rendered Markdown: structure, colours, escaping (no browser)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.check.library import NAME_PATTERN, Library, load_library
from generator.render.cards import CARDS_PER_SHEET
from generator.render.locale import labels
from generator.render.mermaid import render_mermaid
from generator.render.options import RenderOptions
from generator.render.palette import lane_colour
from generator.render.paths import is_printable_path, printable_path
from generator.render.printables import (
    add_assets,
    css_string,
    printable_view,
)
from generator.render.site import render_site
from generator.render.slots import filled_pages
from generator.render.view import sop_view
from helpers.site import REPO
from helpers.sops import MINIMAL, write_sop

SEED = "disdukcapil/pengukuran-kinerja"
HOSTILE = '<script>alert("x")</script> </style> | [a](b) *c* `e` {g} &amp; \\'
DECISION = MINIMAL.replace("""  - action: Memeriksa berkas
    actors: petugas
    standard:
      time: 20
""", """  - action: Memeriksa berkas
    actors: petugas
    standard:
      time: 1 hari
    decision:
      question: Berkas lengkap?
      yes: next
      no: 1
""")


def render(sop_dir: Path, language: str = "id") -> dict[str, str]:
    return filled_pages(render_site(load_library(sop_dir), RenderOptions(language=language)))


def seed_pages(language: str = "id") -> dict[str, str]:
    return render(REPO / "sop", language)


def rows(page: str, css_class: str) -> list[str]:
    """The opening tags carrying ``css_class`` (one per checklist row or card)."""
    return re.findall(rf'<[a-z]+ class="{css_class}[" ][^>]*>', page)


def decode_css(value: str) -> str:
    """Undo :func:`css_string` the way a CSS parser does."""
    body = value[1:-1]
    return re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), body)


def test_every_sop_gets_a_checklist_and_cards_page_next_to_its_page() -> None:
    pages = seed_pages()
    assert f"{SEED}.checklist.md" in pages and f"{SEED}.cards.md" in pages
    assert is_printable_path(f"{SEED}.cards.md") and not is_printable_path(f"{SEED}.md")


def test_a_printable_path_is_never_the_path_of_an_sop_page() -> None:
    name = printable_path("u/a.md", "checklist").rsplit("/", 1)[1].removesuffix(".md")
    assert not NAME_PATTERN.match(name)  # the dot: no SOP file or unit folder has one


def test_seed_checklist_has_a_row_per_step_with_all_its_columns() -> None:
    page = seed_pages()[f"{SEED}.checklist.md"]
    sop = load_library(REPO / "sop").by_id("pengukuran-kinerja").sop
    assert len(rows(page, "sopgen-check-row")) == 14
    assert page.count("data-sopgen-done=") == 14
    for column in ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Output", "Waktu",
                   "Selesai", "Paraf"):
        assert f"<th>{column}</th>" in page
    for step in sop.steps:
        assert " ".join(step.action.split()) in page
    assert '<td class="sopgen-total" colspan="3">795 menit (13 jam 15 menit)</td>' in page
    minutes = re.findall(r'data-minutes="([\d.]+)"', page)
    assert sum(float(m) for m in minutes) == 795


def test_seed_checklist_header_blanks_and_sign_off_from_the_records() -> None:
    page = seed_pages()[f"{SEED}.checklist.md"]
    for field in ("Tanggal", "Petugas", "Nomor Berkas/Referensi"):
        assert f'<th>{field}</th><td class="sopgen-fill"></td>' in page
    signers = re.findall(r'<div class="sopgen-sign-who"><strong>([^<]+)</strong> \(([^)]+)\)',
                         page)
    assert signers == [("Kepala OPD", "tanda tangan"), ("Sekretaris OPD", "paraf"),
                       ("JF Perencana Ahli Muda", "paraf")]
    assert 'content: "Pengukuran Kinerja";' in page  # no number: no "Nomor SOP: -"


def test_cards_come_four_to_a_sheet_in_step_order() -> None:
    page = seed_pages()[f"{SEED}.cards.md"]
    sheets = page.split('<div class="sopgen-sheet">')[1:]
    per_sheet = [re.findall(r'<article class="sopgen-card[^"]*" data-step="(\d+)"', s)
                 for s in sheets]
    assert [len(s) for s in per_sheet] == [4, 4, 4, 2]
    assert [int(n) for s in per_sheet for n in s] == list(range(1, 15))
    assert all(len(s) <= CARDS_PER_SHEET for s in per_sheet)
    assert "Langkah 5 / 14" in page and "Langkah 14 / 14" in page
    assert page.count('<div class="sopgen-card-warning">') == 14
    assert page.count("Apabila pengumpulan data kinerja tidak terselesaikan") == 14


def test_role_colours_on_cards_and_checklist_are_the_diagram_lanes() -> None:
    library = load_library(REPO / "sop")
    sop = library.by_id("pengukuran-kinerja").sop
    diagram = render_mermaid(sop, labels())
    pages = seed_pages()
    for path in (f"{SEED}.cards.md", f"{SEED}.checklist.md"):
        chips = re.findall(r'<span class="sopgen-chip" style="--lane-bg: (#\w+); '
                           r'--lane-fg: (#\w+)">([^<]+)</span>', pages[path])
        assert {name for _, _, name in chips} == {role.name for role in sop.roles}
        for bg, fg, name in chips:
            lane = [role.name for role in sop.roles].index(name)
            assert (bg, fg) == lane_colour(lane)
            assert f"style lane{lane} fill:{bg},stroke:{fg}" in diagram
    meeting = pages[f"{SEED}.cards.md"].split('data-step="5"')[1].split("</article>")[0]
    assert meeting.count('class="sopgen-chip"') == 4


def test_a_decision_shows_both_answers_and_where_they_lead(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", DECISION)
    pages = render(tmp_path / "sop")
    checklist, cards = pages["u/a.checklist.md"], pages["u/a.cards.md"]
    assert 'name="sopgen-answer-2" value="yes" data-sopgen-answer="2"> Ya → ke langkah 3' \
        in checklist
    assert 'name="sopgen-answer-2" value="no" data-sopgen-answer="2"> Tidak → ke langkah 1' \
        in checklist
    assert "Keputusan: Berkas lengkap?" in cards
    assert "<div>Ya → ke langkah 3</div><div>Tidak → ke langkah 1</div>" in cards
    assert 'data-days="1.0"' in checklist and "1 hari + 15 menit" in checklist
    assert "Petugas</strong> (tanda tangan)" in checklist  # no records: the officer signs


def test_hostile_text_cannot_escape_the_printables(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Pelayanan Contoh", f"title: '{HOSTILE}'")
    text = text.replace("action: Menerima berkas", f"action: '{HOSTILE}'")
    text = text.replace("name: Petugas", f"name: '{HOSTILE}'")
    text = "number: '</style><script>x()</script>'\nwarnings: ['<img src=x onerror=y()>']\n" + text
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    pages = render(tmp_path / "sop")
    for path in ("u/a.checklist.md", "u/a.cards.md"):
        page = pages[path]
        assert "<script>" not in page and "<img" not in page, path
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    style = pages["u/a.checklist.md"].split("<style>")[1].split("</style>")[0]
    assert "<" not in style and style.count("}") == 2
    footer = re.search(r'content: ("[^"]*");', style)
    assert footer is not None
    assert decode_css(footer.group(1)) == (
        f"Nomor SOP: </style><script>x()</script> · {' '.join(HOSTILE.split())}")


@given(st.text())
def test_css_strings_hold_any_text(text: str) -> None:
    value = str(css_string(text))
    assert re.fullmatch(r'"[A-Za-z0-9 \\]*"', value)
    assert decode_css(value) == " ".join(text.split())


def test_ticks_are_kept_per_sop_and_revision(tmp_path: Path) -> None:
    write_sop(tmp_path / "a" / "sop", "u/a.yaml", MINIMAL)
    write_sop(tmp_path / "b" / "sop", "u/a.yaml", "dates: {revised: 2024-05-01}\n" + MINIMAL)
    keys = []
    for folder in ("a", "b"):
        library = load_library(tmp_path / folder / "sop")
        view = printable_view(sop_view(library.entries[0], library, labels()), labels())
        keys.append(view.storage_key)
    assert keys == ["sopgen.checklist:u/a.md:-", "sopgen.checklist:u/a.md:2024-05-01"]


def test_long_steps_get_denser_type_on_their_card(tmp_path: Path) -> None:
    long_action = "Memverifikasi kelengkapan dokumen permohonan " * 15
    write_sop(tmp_path / "sop", "u/a.yaml",
              MINIMAL.replace("action: Memeriksa berkas", f"action: {long_action}"))
    library: Library = load_library(tmp_path / "sop")
    view = printable_view(sop_view(library.entries[0], library, labels()), labels())
    assert [step.density for step in view.steps] == ["", "denser", ""]


def test_sop_page_and_printables_link_to_each_other() -> None:
    pages = seed_pages()
    assert "[Daftar Periksa](pengukuran-kinerja.checklist.md)" in pages[f"{SEED}.md"]
    assert "[Kartu Langkah](pengukuran-kinerja.cards.md)" in pages[f"{SEED}.md"]
    for kind in ("checklist", "cards"):
        assert "](pengukuran-kinerja.md)" in pages[f"{SEED}.{kind}.md"]


def test_english_printables() -> None:
    pages = seed_pages("en")
    assert '<th>Initials</th>' in pages[f"{SEED}.checklist.md"]
    assert "Step 3 / 14" in pages[f"{SEED}.cards.md"]
    assert "Paraf" not in pages[f"{SEED}.checklist.md"]


def test_assets_are_added_to_printable_pages_only() -> None:
    def page(body: str) -> str:
        return f"<html><head><title>t</title></head><body>{body}</body></html>"

    def relative(path: str) -> str:
        return f"../../{path}"

    checklist = add_assets(page('<div data-sopgen-printable="checklist">'), relative)
    assert checklist.index('href="../../assets/sopgen/printables.css"') < checklist.index(
        "</head>")
    assert '<script src="../../assets/sopgen/checklist.js"></script>\n</body>' in checklist
    cards = add_assets(page('<div data-sopgen-printable="cards">'), relative)
    assert '<script src="../../assets/sopgen/cards.js"></script>' in cards
    assert "checklist.js" not in cards
    for other in ("<p>data-sopgen-printable=&#34;cards&#34;</p>",
                  '<div data-sopgen-printable="other">', "<p>x</p>"):
        assert add_assets(page(other), relative) == page(other)
