"""End to end: a real ``mkdocs build --strict`` of a temporary project, offline, escaped."""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from helpers.html import css_urls, is_external, loaded_urls, requoted, step_rows, texts_of
from helpers.site import build_project, make_project, mermaid2_project
from helpers.sops import MINIMAL, write_sop

SEED_PAGE = "disdukcapil/pengukuran-kinerja/index.html"
HOSTILE = '<script>alert("x")</script> | [a](b) *c* _d_ `e` # f {g} --> %% :smile: &amp; ü😀'


def test_seed_site_has_home_unit_and_sop_pages(seed_site: Path) -> None:
    for page in ("index.html", "disdukcapil/index.html", SEED_PAGE, "authoring/index.html"):
        assert (seed_site / page).is_file(), page
    home = html.unescape((seed_site / "index.html").read_text(encoding="utf-8"))
    assert "Pengukuran Kinerja" in home and "795 menit (13 jam 15 menit)" in home
    page = requoted((seed_site / SEED_PAGE).read_text(encoding="utf-8"))
    assert 'lang="id"' in page
    assert [row[0] for row in step_rows(page)] == [str(n) for n in range(1, 15)]
    assert 'class="mermaid"' in page


def test_nothing_is_loaded_from_another_host(seed_site: Path) -> None:
    offenders = []
    files = list(seed_site.rglob("*.html")) + list(seed_site.rglob("*.css"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        urls = css_urls(text) if path.suffix == ".css" else loaded_urls(text)
        offenders += [f"{path.relative_to(seed_site)}: {url}" for url in urls if is_external(url)]
    assert offenders == []


def test_offline_scan_would_catch_an_external_script() -> None:
    page = '<script src="https://unpkg.com/mermaid.js"></script><link href="//f.io/a.css">' \
           '<style>@font-face{src:url("https://fonts.gstatic.com/x.woff2")}</style>'
    assert [is_external(u) for u in loaded_urls(page)] == [True, True, True]


def test_mermaid_ships_and_loads_only_where_a_diagram_is(seed_site: Path) -> None:
    script = "assets/sopgen/mermaid/mermaid.min.js"
    assert (seed_site / script).stat().st_size > 1_000_000
    assert (seed_site / "assets/sopgen/mermaid/LICENSE").is_file()
    assert "mermaid/mermaid.min.js" in (seed_site / SEED_PAGE).read_text(encoding="utf-8")
    assert "mermaid.min.js" not in (seed_site / "index.html").read_text(encoding="utf-8")


def test_search_index_has_the_seed(seed_site: Path) -> None:
    index = json.loads((seed_site / "search/search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    assert "pengukuran kinerja" in texts and "sek. tim sakip" in texts


def test_hostile_text_shows_exactly_as_written(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Pelayanan Contoh", f"title: '{HOSTILE}'")
    text = text.replace("action: Menerima berkas", f"action: '{HOSTILE}'")
    text = text.replace("kind: pelayanan", f"kind: pelayanan\nunit: '{HOSTILE}'")
    sop_dir = tmp_path / "src"
    write_sop(sop_dir, "u/a.yaml", text)
    site = build_project(make_project(tmp_path, sop_dir))
    page = (site / "u/a/index.html").read_text(encoding="utf-8")
    assert texts_of(page, "h1")[0].rstrip("¶").strip() == HOSTILE
    assert HOSTILE in texts_of(page, "td")
    assert texts_of(page, "title")[0].startswith(HOSTILE)
    assert "<script>alert" not in page
    assert not [u for u in loaded_urls(page) if "alert" in u]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in home
    assert HOSTILE in texts_of(home, "a")  # the unit's section in the navigation


def test_invalid_sop_fails_the_build_with_located_errors(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    sop_dir = tmp_path / "src"
    write_sop(sop_dir, "u/a.yaml", MINIMAL.replace("actors: kepala", "actors: kabid"))
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build_project(make_project(tmp_path, sop_dir))
    assert "sop/u/a.yaml:19:13: steps[2].actors[0]: unknown role 'kabid'" in caplog.text


def test_mermaid2_configuration_is_offline_and_loads_the_shipped_mermaid(
        tmp_path: Path) -> None:
    site = build_project(mermaid2_project(tmp_path))
    page = (site / SEED_PAGE).read_text(encoding="utf-8")
    scripts = [u for u in loaded_urls(page) if "mermaid" in u]
    assert scripts == ["../../assets/sopgen/mermaid/mermaid.min.js"]
    assert "window.mermaidConfig" in page
    for path in site.rglob("*.html"):
        urls = loaded_urls(path.read_text(encoding="utf-8"))
        assert not [u for u in urls if is_external(u)], path
    assert "mermaid" not in " ".join(loaded_urls((site / "index.html").read_text("utf-8")))


def test_search_index_finds_sops_by_number_title_role_and_step_words(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "data" / "corpus"
    site = build_project(make_project(tmp_path, corpus))
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0]: "" for doc in index["docs"]}
    for doc in index["docs"]:
        pages[doc["location"].split("#")[0]] += f" {doc['title']} {doc['text']}".lower()
    sop = pages["sekretariat/surat-masuk/"]
    for words in ("800/01/sekr/2025", "pengelolaan surat masuk", "kepala dinas",
                  "menelaah surat dan memberi catatan"):
        assert words in sop, words


def test_sheets_are_built_without_the_site_nav_and_search(seed_site: Path) -> None:
    """A sheet to print gets the theme's page without nav, search and footer (about
    10 kB a page); its header still leads home, and the SOP page keeps all of them."""
    sop = requoted((seed_site / SEED_PAGE).read_text(encoding="utf-8"))
    assert "md-nav--primary" in sop and 'data-md-component="search"' in sop
    for kind in ("checklist", "cards", "resmi", "monitoring", "evaluasi"):
        page = requoted((seed_site / f"disdukcapil/pengukuran-kinerja.{kind}/index.html"
                         ).read_text(encoding="utf-8"))
        assert "md-nav--primary" not in page and 'data-md-component="search"' not in page
        assert "md-footer" not in page and "sopgen-sheet-header" in page, kind
        assert 'class="md-ellipsis sopgen-sheet-home" href="../.."' in page, kind
        assert '<article class="md-content__inner md-typeset">' in page, kind
        found = re.search(r'<script id="__config"[^>]*>(.*?)</script>', page)
        assert found is not None, kind
        config = json.loads(found.group(1))
        assert config["translations"] == {} and "search" not in config, kind  # no search
        assert config["base"] == "../.." and "navigation.top" in config["features"], kind
        assert "md-logo" not in page, kind


def test_search_indexes_the_step_table_by_its_words_not_its_tags(seed_site: Path) -> None:
    """The step table reaches search as its text only (render.slots.split_parts)."""
    index = json.loads((seed_site / "search/search_index.json").read_text(encoding="utf-8"))
    steps = next(doc for doc in index["docs"]
                 if doc["location"] == "disdukcapil/pengukuran-kinerja/#uraian-prosedur")
    assert "Lembar Disposisi" in steps["text"] and "Disposisi Pimpinan" in steps["text"]
    assert "<td" not in steps["text"] and "sopgen-slot" not in steps["text"]
    page = requoted((seed_site / SEED_PAGE).read_text(encoding="utf-8"))
    assert "sopgen-slot" not in page and '<table class="sopgen-steps">' in page


def test_the_follow_up_list_stays_out_of_search(seed_site: Path) -> None:
    """The follow-up page repeats every monitored SOP's title and dates: in search it would
    answer every query about an SOP, and a large site's page outgrew Zensical's index."""
    index = json.loads((seed_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "perlu-dimonitor/" not in locations and "perlu-ditinjau/" in locations
    assert (seed_site / "perlu-dimonitor/index.html").is_file()
