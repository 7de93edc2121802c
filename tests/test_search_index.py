"""The search index of the seed site: what a reader finds and sees in a result.

No diagram source (Mermaid) and no SVG text of the official flowchart is indexed; words of
neighbouring table cells and lines never run together; the SOP's own result says what the
SOP is, not the links to its printables.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from generator.render.locale import labels
from helpers.html import requoted
from helpers.site import REPO

SOP = "disdukcapil/pengukuran-kinerja/"


def _docs(site: Path) -> list[dict[str, Any]]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    return docs


def _all_text(site: Path) -> str:
    return "\n".join(doc["title"] + " " + doc["text"] for doc in _docs(site))


def test_no_diagram_source_or_svg_text_is_indexed(seed_site: Path) -> None:
    text = _all_text(seed_site)
    for source in ("subgraph", "config:", "#46;", "swimlane-beta", "themeVariables", "-->"):
        assert source not in text, source
    # The official flowchart's sheet heads and SVG titles and cells.
    for svg_text in ("halaman 1 dari 2", "Bagan alir SOP", "PelaksanaMutu Baku",
                     "Penghubung antarhalaman"):
        assert svg_text not in text, svg_text


def test_words_never_run_together(seed_site: Path) -> None:
    text = _all_text(seed_site)
    glued = ["OrganisasiDinas", "NoKegiatan", "Kepala Dinas205", "Disdukcapil11.",
             "Jenis KegiatanRutin"]
    for words in glued:
        assert words not in text, words
    # A word directly followed by a step number ("kinerja5. Melaksanakan").
    assert not re.search(r"[a-z]\d+\. [A-Z]", text), re.search(r".{30}[a-z]\d+\. [A-Z].{10}", text)


def test_the_sop_result_says_what_the_sop_is(seed_site: Path) -> None:
    top = next(doc for doc in _docs(seed_site) if doc["location"] == SOP)
    assert top["title"] == "Pengukuran Kinerja"
    teaser = re.sub(r"<[^>]+>", "", top["text"])
    assert "Dinas Kependudukan dan Pencatatan Sipil" in teaser
    assert "Memerintahkan penyusunan pengukuran kinerja Disdukcapil" in teaser
    assert "Untuk dicetak" not in teaser and "Daftar Periksa" not in teaser


def test_a_step_is_found_in_its_section(seed_site: Path) -> None:
    hits = [doc["location"] for doc in _docs(seed_site)
            if "Kabid menghimpun dan memvalidasi data kinerja" in doc["text"]]
    assert f"{SOP}#uraian-prosedur" in hits


def test_printables_and_official_document_are_not_indexed(seed_site: Path) -> None:
    locations = {doc["location"].split("#")[0] for doc in _docs(seed_site)}
    assert not any(kind in loc for loc in locations for kind in (".checklist", ".cards", ".resmi"))


def test_the_worksheet_repeats_the_page_so_search_finds_its_words_elsewhere(
        seed_site: Path) -> None:
    """The worksheet (Lembar Kerja) is made of the page's identity and steps: kept out of
    search it adds no second hit for a step, and none of the SOP's words is lost (only
    the worksheet's own headings, such as "Langkah Awal", are not indexed)."""
    page = requoted((seed_site / SOP / "index.html").read_text(encoding="utf-8"))
    start = page.index('<section class="sopgen-worksheet"')
    worksheet = page[start:page.index("</section>", start)]
    words = set(re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", worksheet))))
    assert {"Pengukuran", "Kinerja", "Memerintahkan"} <= words  # the worksheet was found
    docs = [doc for doc in _docs(seed_site) if doc["location"].startswith(SOP)]
    assert not [d for d in docs if "lembar-kerja" in d["location"]]
    indexed = set(re.findall(r"\w+", " ".join(d["title"] + " " + d["text"] for d in docs)))
    template = (REPO / "generator/templates/_worksheet.j2").read_text(encoding="utf-8")
    keys = set(re.findall(r"\bL\.(\w+)", template))
    own = set(re.findall(r"\w+", " ".join(labels("id")[key] for key in keys))) | {"a", "b"}
    assert words - indexed - own == set()
    assert "Scope" in own and "Memerintahkan" not in own
