"""Rendered Markdown: golden pages for the seed, escaping of every field."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.check.library import load_library
from generator.render.options import RenderOptions
from generator.render.site import render_site
from generator.render.slots import filled_pages
from helpers.golden import GOLDEN_DIR, assert_golden
from helpers.site import REPO
from helpers.sops import MINIMAL, write_sop

HOSTILE = '<script>alert("x")</script> | [a](b) *c* _d_ `e` # f {g} --> %% :smile: &amp;'


SEED_PAGES = [
    "catatan-mutu.body.html",
    "catatan-mutu.md",
    "disdukcapil/index.md",
    "disdukcapil/pengukuran-kinerja.cards.body.html",
    "disdukcapil/pengukuran-kinerja.cards.md",
    "disdukcapil/pengukuran-kinerja.checklist.body.html",
    "disdukcapil/pengukuran-kinerja.checklist.md",
    "disdukcapil/pengukuran-kinerja.evaluasi.body.html",
    "disdukcapil/pengukuran-kinerja.evaluasi.md",
    "disdukcapil/pengukuran-kinerja.md",
    "disdukcapil/pengukuran-kinerja.monitoring.body.html",
    "disdukcapil/pengukuran-kinerja.monitoring.md",
    "disdukcapil/pengukuran-kinerja.part-1.body.html",
    "disdukcapil/pengukuran-kinerja.part-2.body.html",
    "disdukcapil/pengukuran-kinerja.part-3.body.html",
    "disdukcapil/pengukuran-kinerja.resmi.body.html",
    "disdukcapil/pengukuran-kinerja.resmi.md",
    "index.md",
    "peran/anggota_sakip.md",
    "peran/anggota_sakip.part-1.body.html",
    "peran/index.md",
    "peran/kepala_dinas.md",
    "peran/kepala_dinas.part-1.body.html",
    "peran/sek_tim_sakip.md",
    "peran/sek_tim_sakip.part-1.body.html",
    "peran/sekretaris.md",
    "peran/sekretaris.part-1.body.html",
    "perlu-dimonitor.md",
    "perlu-ditinjau.md",
    "peta-keterkaitan.md",
]
"""Every page the seed produces: SOP page, printables, official document, unit, roles,
home, review and map. A page that appears or disappears must be a decision."""


def test_seed_pages_are_golden() -> None:
    """Every page of the seed equals its golden file (a fixed date keeps the review page
    the same from day to day)."""
    options = RenderOptions(today=datetime.date(2026, 1, 1))
    pages = render_site(load_library(REPO / "sop"), options)
    assert sorted(pages) == SEED_PAGES
    for path in SEED_PAGES:
        assert_golden(f"seed/{path}", pages[path])
    seed = GOLDEN_DIR / "seed"
    kept = sorted(p.relative_to(seed).as_posix() for p in seed.rglob("*") if p.is_file())
    assert [name for name in kept if name not in [*SEED_PAGES, "diagram.mmd"]] == [], \
        "golden files of pages the seed no longer produces (renamed or gone): delete them"


def test_seed_page_shows_total_and_blank_fields() -> None:
    page = filled_pages(render_site(load_library(REPO / "sop")))[
        "disdukcapil/pengukuran-kinerja.md"]
    assert "795 menit (13 jam 15 menit)" in page
    assert page.count('class="sopgen-blank"') == 7  # number, 3 dates, approver x3


def test_english_labels() -> None:
    options = RenderOptions(language="en")
    page = render_site(load_library(REPO / "sop"), options)["disdukcapil/pengukuran-kinerja.md"]
    assert "## Legal basis" in page and "## Dasar Hukum" not in page


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Pelayanan Contoh", f"title: '{HOSTILE}'")
    text = text.replace("action: Menerima berkas", f"action: '{HOSTILE}'")
    text = text.replace("organization: Dinas Contoh", f"organization: '{HOSTILE}'")
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    pages = render_site(load_library(tmp_path / "sop"))
    for path, page in pages.items():  # side files and the slots' searchable text too
        assert "<script>" not in page, path
    sop_page = filled_pages(pages)["u/a.md"]
    assert 'title: "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; | [a](b)' in sop_page
    assert "# &#60;script&#62;alert&#40;&#34;x&#34;&#41;" in sop_page
    assert "<td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in sop_page
    assert "&amp;amp;" in sop_page
