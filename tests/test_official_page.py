"""The official document page and its settings, rendered and built."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from generator.check.library import load_library
from generator.render.locale import labels as locale_labels
from generator.render.official.document import add_stylesheet, official_pages, sheets
from generator.render.official.paging import split
from generator.render.options import DEFAULT_STEPS_PER_PAGE, OfficialSettings, RenderOptions
from generator.render.paths import official_page_path
from generator.render.site import render_site
from generator.render.slots import fill_slots, filled_pages, side_path, slot_paths
from generator.render.view import sop_view
from helpers.html import requoted
from helpers.site import REPO, build_project, make_project
from helpers.sops import MINIMAL, write_sop

SEED_PAGE = "disdukcapil/pengukuran-kinerja.md"
OFFICIAL = "disdukcapil/pengukuran-kinerja.resmi.md"
SHEETS = side_path(OFFICIAL)
"""The official document's body (identity page, worksheet, flowchart sheets): its slot's
side file."""
LABELS = locale_labels("id")


def _sheets(markdown: str) -> int:
    return markdown.count('class="sopgen-official-sheet sopgen-official-flow"')


def test_site_has_the_official_page_of_each_sop() -> None:
    pages = render_site(load_library(REPO / "sop"))
    assert official_page_path(SEED_PAGE) == OFFICIAL
    page, body = pages[OFFICIAL], pages[SHEETS]
    assert "sopgen_official: true" in page
    for key in ("number", "date_made", "date_revised", "date_effective", "approved_by",
                "title", "legal_basis", "qualifications", "related", "equipment",
                "warnings", "records", "official_signature"):
        assert LABELS[key] in body, key
    assert body.count("<li>") >= 5 + 4 + 1 + 6 + 1 + 3  # the seed's six blocks, all listed
    assert _sheets(page) == 0 and slot_paths(page) == [SHEETS], "a slot, not the SVG"
    assert "<table" not in page and "<svg" not in page, "no HTML body through Markdown"
    assert _sheets(pages[SHEETS]) == len(split(14, DEFAULT_STEPS_PER_PAGE))
    assert "<svg" not in pages[SEED_PAGE], "drawn once: the SOP page has no second copy"
    assert "(pengukuran-kinerja.resmi.md)" in pages[SEED_PAGE], "it links to the document"


def test_slots_are_filled_by_their_side_files_only() -> None:
    pages = render_site(load_library(REPO / "sop"))
    filled = fill_slots(pages[OFFICIAL], pages.get)
    assert filled.count(pages[SHEETS]) == 1 and not slot_paths(filled)
    assert fill_slots(pages[OFFICIAL], lambda path: None) == pages[OFFICIAL]


def test_identity_keeps_blanks_to_fill_in_by_hand() -> None:
    page = filled_pages(render_site(load_library(REPO / "sop")))[OFFICIAL]
    identity = page[page.index("sopgen-official-id"):page.index("</table>")]
    # number, three dates, approver position, name, NIP: the seed leaves all of them empty
    assert identity.count('class="sopgen-blank"') == 7


def test_settings_set_the_split_and_the_logo() -> None:
    library = load_library(REPO / "sop")
    view = sop_view(library.entries[0], library, LABELS)
    options = RenderOptions(official=OfficialSettings(steps_per_page=5, logo="img/logo.png"))
    drawn = sheets(view, LABELS, 5)
    pages = official_pages(view, LABELS, options, drawn)
    assert _sheets(pages[SHEETS]) == 3
    assert 'src="../../img/logo.png"' in pages[SHEETS]  # from .../pengukuran-kinerja.resmi/
    flat = RenderOptions(directory_urls=False, official=options.official)
    assert 'src="../img/logo.png"' in official_pages(view, LABELS, flat, drawn)[SHEETS]
    assert _sheets(render_site(library, options)[SHEETS]) == 3
    assert _sheets(render_site(library)[SHEETS]) == 2, "the default: 8 steps a sheet"


def test_english_document() -> None:
    pages = render_site(load_library(REPO / "sop"), RenderOptions(language="en"))
    page = pages[OFFICIAL] + pages[SHEETS]
    assert "Official document" in page and "Dokumen Resmi" not in page
    # The column head is SVG text, one per flowchart sheet.
    assert _sheets(page) == 2
    assert page.count(">Activity</text>") == 2  # a one-line head: the line is the text
    assert "Uraian Kegiatan" not in page


def test_hostile_identity_text_is_escaped(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script> | [a](b) *c* {: .x } &amp;'
    text = MINIMAL.replace("title: Pelayanan Contoh", f"title: '{hostile}'")
    text = text.replace("organization: Dinas Contoh", f"organization: '{hostile}'")
    write_sop(tmp_path / "sop", "u/a.yaml", text + f"warnings: ['{hostile}']\n")
    pages = render_site(load_library(tmp_path / "sop"))
    page = pages["u/a.resmi.md"] + pages[side_path("u/a.resmi.md")]
    assert "<script>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # org, name, warning, SVG


def test_stylesheet_only_where_the_marker_is() -> None:
    html = '<html><head></head><body><div data-sopgen-official="flowchart"></div></body>'
    out = add_stylesheet(html, lambda path: f"../../{path}")
    assert '<link rel="stylesheet" href="../../assets/sopgen/official.css">\n</head>' in out
    plain = "<html><head></head><body></body></html>"
    assert add_stylesheet(plain, lambda path: path) == plain


def _project(tmp_path: Path, **options: object) -> Path:
    project = make_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    extra = "".join(f"      {key}: {value}\n" for key, value in options.items())
    config = config.replace("      language: id\n", f"      language: id\n{extra}", 1)
    assert extra in config, "the sopgen plugin block is where the test expects it"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def test_build_uses_the_plugin_settings(tmp_path: Path) -> None:
    project = _project(tmp_path, official_steps_per_page=4, official_logo="img/logo.png")
    (project / "docs" / "img").mkdir(parents=True)
    shutil.copy(REPO / "docs" / "schema" / "sop.schema.json", project / "docs" / "img" /
                "logo.png")  # any file will do: the test checks the link, not the picture
    site = build_project(project)
    html = requoted((site / "disdukcapil" / "pengukuran-kinerja.resmi" / "index.html"
                     ).read_text())
    assert html.count('class="sopgen-official-sheet sopgen-official-flow"') == 4
    src = re.search(r'class="sopgen-official-logo" src="([^"]+)"', html)
    assert src is not None
    assert (site / "disdukcapil" / "pengukuran-kinerja.resmi" / src.group(1)).resolve() == \
        (site / "img" / "logo.png").resolve()
    assert "assets/sopgen/official.css" in html
    assert "assets/sopgen/official.css" not in (site / "index.html").read_text()
    nav = (site / "index.html").read_text()
    assert "pengukuran-kinerja.resmi/" not in nav, "the document is reached from its SOP page"


@pytest.mark.parametrize(("options", "message"), [
    ({"official_steps_per_page": 0}, "at least 1"),
    ({"official_logo": "missing.png"}, "not a file"),
])
def test_bad_settings_stop_the_build(tmp_path: Path, options: dict[str, object],
                                     message: str, caplog: pytest.LogCaptureFixture) -> None:
    project = _project(tmp_path, **options)
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build_project(project)
    assert message in caplog.text



def test_official_pdf_job_for_sopgen_pdf() -> None:
    from generator.pdf.jobs import sop_jobs

    entry = load_library(REPO / "sop").entries[0]
    [job] = [job for job in sop_jobs(entry) if job.landscape]
    assert job.page == OFFICIAL
    assert job.output == "disdukcapil/pengukuran-kinerja.resmi.pdf"
    assert job.landscape and job.paper == "A4"


def test_printables_are_built_from_their_slots_with_one_title(tmp_path: Path) -> None:
    """The printables' bodies skip Markdown (slots): each built page carries its body, no
    slot left over, and one ``<h1>`` (its own; the theme adds the page title only to a page
    without one, such as the official document)."""
    pages = render_site(load_library(REPO / "sop"))
    site = build_project(make_project(tmp_path))
    for kind in ("checklist", "cards", "resmi", "monitoring", "evaluasi"):
        page = f"disdukcapil/pengukuran-kinerja.{kind}.md"
        assert slot_paths(pages[page]) == [side_path(page)], kind
        html = requoted((site / "disdukcapil" / f"pengukuran-kinerja.{kind}" / "index.html"
                         ).read_text())
        assert 'class="sopgen-slot"' not in html and "<!--<h1>-->" not in html, kind
        assert html.count("<h1") == 1, kind
        first = re.search(r"<(?:div|section|h1|style)\b[^>]*>", pages[side_path(page)])
        assert first is not None and first.group(0) in html, kind
