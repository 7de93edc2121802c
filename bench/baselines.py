"""The sites the benchmark compares sopgen's build with, and what a site's bytes are made of.

Both baselines are MkDocs+Material without sopgen, with the site's nav: the printables,
official documents and the quality page are kept out of it (``not_in_nav``), as the plugin
keeps them (without that a baseline page carried three times the nav links, and the
comparison was not with the same site). The **same-pages** baseline builds the pages
sopgen generates, exported as plain Markdown (slots filled in: an engine without
sopgen's adapter gets the SVG in the Markdown). The **floor** builds the same number of
pages at the same paths, each one paragraph: the engine's own minimum for that site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.check.library import load_library
from generator.render.assets import site_assets
from generator.render.paths import OFFICIAL_KIND, PRINTABLE_KINDS, QUALITY_PAGE
from generator.render.site import render_site
from generator.render.slots import is_side_file
from generator.write import export_pages, write_text

REPO = Path(__file__).resolve().parents[1]
NOT_IN_NAV = [*(f"*.{kind}.md" for kind in (*PRINTABLE_KINDS, OFFICIAL_KIND)),
              f"/{QUALITY_PAGE}"]
FLOOR_TEXT = "One paragraph of text, as the shortest page of a site might have.\n"


def _config(base: Path) -> None:
    """The repository's mkdocs.yml without sopgen, with the site's nav."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!!python/name:pymdownx.superfences.fence_code_format", "FENCE"))
    config["plugins"] = [p for p in config["plugins"] if "sopgen" not in p]
    config["extra_css"] = ["assets/sopgen/sopgen.css"]
    config["not_in_nav"] = "\n".join(NOT_IN_NAV) + "\n"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("FENCE", "!!python/name:pymdownx.superfences.fence_code_format")
    (base / "mkdocs.yml").write_text(text, encoding="utf-8")


def same_pages(root: Path) -> Path:
    """The same pages as plain Markdown files, built by MkDocs+Material without sopgen."""
    base = root / "baseline"
    shutil.copytree(root / "docs", base / "docs")
    export_pages(render_site(load_library(root / "sop")), base / "docs")
    for path, source in site_assets().items():
        (base / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, base / "docs" / path)
    _config(base)
    return base


def floor(root: Path) -> Path:
    """The same paths and nav titles, each page one paragraph: no diagram, table or
    script. Pages are written one at a time (the render is only asked for paths and
    titles)."""
    base = root / "floor"
    for source in (root / "docs").rglob("*.md"):
        write_text(base / "docs" / source.relative_to(root / "docs"), FLOOR_TEXT)
    for path, text in render_site(load_library(root / "sop")).items():
        if is_side_file(path):
            continue
        head = text.split("\n---", 1)[0] + "\n---\n\n" if text.startswith("---") else ""
        write_text(base / "docs" / path, head + FLOOR_TEXT)
    _config(base)
    return base


def mermaid2_config(root: Path) -> Path:
    """The same project with mkdocs-mermaid2 loading the diagrams (the supported option)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - sopgen:", "  - mermaid2:\n      arguments:\n        startOnLoad: false"
                        "\n  - sopgen:").replace("pymdownx.superfences.fence_code_format",
                                                 "mermaid2.fence_mermaid_custom")
    (root / "mkdocs-mermaid2.yml").write_text(text, encoding="utf-8")
    return root / "mkdocs-mermaid2.yml"


KINDS = ("sop", "official", "checklist", "cards", "search", "assets", "other")


def bytes_by_kind(site: Path, sop_dir: Path) -> dict[str, int]:
    """The site's bytes by page kind: SOP pages, official documents, checklists, cards,
    the search index, theme and sopgen assets, and everything else (index pages)."""
    sops = {p.relative_to(sop_dir).with_suffix("").as_posix()
            for p in sop_dir.rglob("*.yaml") if not p.name.startswith("_")}
    sizes = dict.fromkeys(KINDS, 0)
    for path in site.rglob("*"):
        if path.is_file():
            sizes[_kind(path.relative_to(site).as_posix(), sops)] += path.stat().st_size
    return sizes


def _kind(rel: str, sops: set[str]) -> str:
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    if rel.startswith("search/"):
        return "search"
    if rel.startswith("assets/"):
        return "assets"
    for kind, name in ((OFFICIAL_KIND, "official"), *((k, k) for k in PRINTABLE_KINDS)):
        if folder.endswith(f".{kind}"):
            return name
    return "sop" if folder in sops else "other"
