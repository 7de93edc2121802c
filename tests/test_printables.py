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
from generator.render.palette import LANE_COLOURS, lane_colour
from generator.render.paths import is_printable_path, printable_path
from generator.render.printables import (
    add_assets,
    css_string,
    number,
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


def rows(page: str) -> list[str]:
    """The checklist's step rows (the body of its table), each from ``<tr`` to ``</tr>``."""
    body = page.split('<table class="sopgen-checklist-table">')[1].split("<tbody>")[1]
    return re.findall(r"<tr[ >].*?</tr>", body.split("</tbody>")[0], re.S)


def cards(page: str) -> list[tuple[int, str]]:
    """The step cards in order: (step number from the card's head, the card's markup)."""
    found = re.findall(r'(<article class="sopgen-card[^"]*"><header>(?:<span>)?Langkah (\d+) '
                       r'/ \d+.*?</article>)', page, re.S)
    return [(int(number), body) for body, number in found]


def chips(card: str) -> list[tuple[int, str]]:
    """A card's roles (lane, name): the first in the card's own lane colour (its class),
    any other with a class of its own."""
    own = re.match(r'<article class="sopgen-card lane(\d)', card)
    roles = re.search(r"</header>\n<div>(.*?)</div>", card)
    assert own is not None and roles is not None
    found = re.findall(r'<span(?: class="lane(\d)")?>([^<]+)</span>', roles.group(1))
    assert found and found[0][0] == "" and all(lane for lane, _ in found[1:])
    return [(int(lane or own.group(1)), name) for lane, name in found]


def custom_property(page: str, selector: str, name: str) -> str:
    """The text a page's ``<style>`` gives ``--sopgen-<name>`` on ``selector``, decoded."""
    style = page.split(f"<style>{selector}{{")[1].split("}</style>")[0]
    value = re.search(rf'--sopgen-{name}:("[^"]*")(;|$)', style)
    assert value is not None, (name, style)
    return decode_css(value.group(1))


def decode_css(value: str) -> str:
    """Undo :func:`css_string` the way a CSS parser does."""
    body = value[1:-1]
    return re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), body)


def warnings(page: str) -> list[str]:
    """The lines of the warnings a cards page gives its cards (``--sopgen-warnings``: CSS
    strings, a ``"\\A"`` line break between), decoded."""
    style = page.split("<style>.sopgen-cards{")[1].split("}</style>")[0]
    value = re.search(r'--sopgen-warnings:((?:"[^"]*"\s?)+)(;|$)', style)
    assert value is not None, style
    return "".join(decode_css(text) for text in re.findall(r'"[^"]*"', value.group(1))
                   ).split("\n")


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
    assert len(rows(page)) == 14
    assert all(row.count("<td>") + row.count("<td ") == 8 for row in rows(page))
    assert [f'<input type="checkbox" aria-label="Langkah {n}: Selesai">' in row
            for n, row in enumerate(rows(page), start=1)] == [True] * 14
    for column in ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Output", "Waktu",
                   "Selesai", "Paraf"):
        assert f"<th>{column}</th>" in page
    for step in sop.steps:
        assert " ".join(step.action.split()) in page
    assert '<td class="sopgen-total" colspan="3">795 menit (13 jam 15 menit)</td>' in page
    minutes = re.findall(r'data-minutes="([\d.]+)"', page)
    assert sum(float(m) for m in minutes) == 795 and len(minutes) == 14
    assert not re.search(r'data-[a-z-]+="\d+\.0"', page)  # no needless ".0"
    assert "data-days" not in page and "data-working-days" not in page  # 0: left out
    # on a phone each cell says what it is: the labels, once on the table
    for name, label in (("step", "Langkah"), ("roles", "Pelaksana"),
                        ("inputs", "Kelengkapan"), ("output", "Output"), ("time", "Waktu")):
        assert custom_property(page, ".sopgen-checklist-table", name) == label


def test_seed_checklist_header_blanks_and_sign_off_from_the_records() -> None:
    page = seed_pages()[f"{SEED}.checklist.md"]
    for field in ("Tanggal", "Petugas", "Nomor Berkas/Referensi"):
        assert f'<th>{field}</th><td class="sopgen-fill"></td>' in page
    signers = re.findall(r'<div class="sopgen-sign-who"><strong>([^<]+)</strong> \(([^)]+)\)',
                         page)
    assert signers == [("Kepala OPD", "tanda tangan"), ("Sekretaris OPD", "paraf"),
                       ("JF Perencana Ahli Muda", "paraf")]


def test_cards_come_four_to_a_sheet_in_step_order() -> None:
    page = seed_pages()[f"{SEED}.cards.md"]
    sheets = page.split('<div class="sopgen-sheet">')[1:]
    per_sheet = [[number for number, _ in cards(sheet)] for sheet in sheets]
    assert [len(s) for s in per_sheet] == [4, 4, 4, 2]
    assert [n for s in per_sheet for n in s] == list(range(1, 15))
    assert all(len(s) <= CARDS_PER_SHEET for s in per_sheet)
    assert "Langkah 5 / 14" in page and "Langkah 14 / 14" in page
    # said once, shown on every card by printables.css (into the div after the facts):
    # the SOP's warnings, the SOP (no number: its title), the note of a card too full
    assert page.count("</dl>\n<div></div>\n</article>") == 14
    assert page.count("Apabila pengumpulan data kinerja tidak terselesaikan") == 1
    assert custom_property(page, ".sopgen-cards", "warnings-label") == "Peringatan"
    assert warnings(page) == ["Apabila pengumpulan data kinerja tidak terselesaikan dengan "
                              "baik dan pelaporan akan terhambat"]
    assert custom_property(page, ".sopgen-cards", "sop") == "Pengukuran Kinerja"
    assert custom_property(page, ".sopgen-cards", "overfull").startswith("Teks terlalu panjang")


def test_role_colours_on_cards_and_checklist_are_the_diagram_lanes() -> None:
    library = load_library(REPO / "sop")
    sop = library.by_id("pengukuran-kinerja").sop
    diagram = render_mermaid(sop, labels())
    pages = seed_pages()
    css = (REPO / "generator" / "assets" / "printables.css").read_text(encoding="utf-8")
    colours = {lane: (bg, fg) for lane, bg, fg in re.findall(
        r"\.sopgen-printable \.lane(\d) \{ --lane-bg: (#\w+); --lane-fg: (#\w+); \}", css)}
    assert {int(n): pair for n, pair in colours.items()} == dict(enumerate(LANE_COLOURS))
    names = [role.name for role in sop.roles]
    on_cards = [chip for _, card in cards(pages[f"{SEED}.cards.md"]) for chip in chips(card)]
    in_rows = [(int(lane), name) for lane, name in re.findall(
        r'<span class="lane(\d)">([^<]+)</span>', pages[f"{SEED}.checklist.md"])]
    for found in (on_cards, in_rows):
        assert {name for _, name in found} == set(names)
        for lane, name in found:
            bg, fg = colours[str(lane)]
            assert lane == names.index(name) and (bg, fg) == lane_colour(lane)
            assert f"style lane{lane} fill:{bg},stroke:{fg}" in diagram
    assert len(chips(dict(cards(pages[f"{SEED}.cards.md"]))[5])) == 4


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
    assert '<tr data-days="1">' in checklist and "1 hari + 15 menit" in checklist
    assert "Petugas</strong> (tanda tangan)" in checklist  # no records: the officer signs


def test_a_cards_inputs_stand_one_per_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("      time: 10\n",
                           "      time: 10\n      inputs: [Formulir, 'KTP <asli>']\n")
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    pages = render(tmp_path / "sop")
    assert "<dt>Kelengkapan</dt><dd>Formulir<br>KTP &lt;asli&gt;</dd>" in pages["u/a.cards.md"]
    assert "<dt>Kelengkapan</dt><dd>-</dd>" in pages["u/a.cards.md"]  # step 2 has none
    assert "<td><div>Formulir</div><div>KTP &lt;asli&gt;</div></td>" in pages["u/a.checklist.md"]


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
    for path, selector in (("u/a.checklist.md", ".sopgen-checklist-table"),
                           ("u/a.cards.md", ".sopgen-cards")):
        style = pages[path].split("<style>")[1].split("</style>")[0]
        assert "<" not in style and style.count("}") == 1 and style.startswith(selector)
    cards_page = pages["u/a.cards.md"]
    assert custom_property(cards_page, ".sopgen-cards", "sop") == (
        "</style><script>x()</script>")
    assert warnings(cards_page) == ["<img src=x onerror=y()>"]


def test_warnings_keep_their_lines_on_the_cards(tmp_path: Path) -> None:
    """One warning per line, a warning's own line breaks kept, a backslash as text."""
    text = "warnings: ['Satu', \"Dua\\ndua  lagi\", '\"x\" \\A']\n" + MINIMAL
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    page = render(tmp_path / "sop")["u/a.cards.md"]
    assert warnings(page) == ["Satu", "Dua", "dua lagi", '"x" \\A']


@given(st.text())
def test_css_strings_hold_any_text(text: str) -> None:
    value = str(css_string(text))
    assert re.fullmatch(r'"[A-Za-z0-9 \\]*"', value)
    assert decode_css(value) == " ".join(text.split())


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_time_attributes_read_back_exactly_without_a_needless_decimal(value: float) -> None:
    text = number(value)
    assert float(text) == value and not text.endswith(".0")
    assert re.fullmatch(r"\d+(\.\d+)?(e[+-]\d+)?", text)


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
