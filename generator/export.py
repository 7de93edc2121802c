"""``sopgen export``: the site's pages as a plain docs folder, for engines that run no sopgen.

Another MkDocs-compatible engine (Zensical, the successor of Material) builds the folder
as it is: the same pages the render stage gives the MkDocs adapter, with what the adapter
adds after conversion put into each page's Markdown instead. The official sheets fill
their slots (``render.slots``), and each page links the assets it needs
(``render.page_assets``: named in its front matter, linked by a theme override): its
features' stylesheets and scripts, and the shipped Mermaid only where it draws a diagram,
so no page fetches anything from another host. The shipped
assets are copied beside the pages, the hand-written docs too.

The folder is written as a site is (``write.build_atomically``): into a fresh folder that
replaces the old export only once it is complete, and only a folder that is new, empty or
an earlier export (``site_dir.check_export_dir``) is ever replaced.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.render.assets import site_assets
from generator.render.page_assets import carry_assets, export_template
from generator.render.slots import fill_slots, is_side_file, slot_paths
from generator.site_dir import EXPORT_MARKER, EXPORT_MARKER_TEXT
from generator.user_error import UserError
from generator.write import build_atomically, write_text

DOCS = "docs"
"""The docs folder inside the export, beside its config file."""
CONFIG = "mkdocs.yml"
OVERRIDES = "overrides"
"""The theme's ``custom_dir`` inside the export."""
SCRATCH = ".sopgen-slots"
"""Inside the export while it is written: side files and the pages waiting for them."""


def export_site(out: Path, pages: Iterable[tuple[str, str]], config_text: str,
                docs_dir: Path | None = None, overrides: Path | None = None,
                links: Callable[[str, str], str] | None = None) -> int:
    """Write ``pages`` (the render stage's docs path -> Markdown, side files included) to
    ``out/docs`` with their slots filled and their assets named, the shipped assets and
    the hand-written ``docs_dir`` beside them, ``config_text`` as ``out/mkdocs.yml`` and
    the theme override that links each page's assets in ``out/overrides`` (beside the
    site's own ``overrides``, if it has some). ``links(text, page)``: the generated page's
    raw-HTML URLs in the form the target engine reads them (``urls.file_relative_urls``
    for Zensical); None keeps them relative to the built page, as MkDocs reads them.
    Returns the number of generated pages."""
    if overrides is not None and (overrides / "main.html").exists():
        raise UserError(f"{overrides / 'main.html'}: the export brings its own main.html "
                        "(it links each page's assets); merge the two by hand", status=2)
    written = 0

    def build(staging: Path) -> None:
        nonlocal written
        docs = staging / DOCS
        if docs_dir is not None and docs_dir.is_dir():
            shutil.copytree(docs_dir, docs, ignore=shutil.ignore_patterns(".*"))
            for page in docs.rglob("*.md"):
                text = page.read_text(encoding="utf-8")
                write_text(page, carry_assets(text))
        for path, source in site_assets().items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, docs / path)
        if overrides is not None and overrides.is_dir():
            shutil.copytree(overrides, staging / OVERRIDES)
        write_text(staging / OVERRIDES / "main.html", export_template())
        written = _write_pages(pages, docs, staging / SCRATCH, links or (lambda text, _: text))
        shutil.rmtree(staging / SCRATCH, ignore_errors=True)
        write_text(staging / CONFIG, config_text)
        write_text(staging / EXPORT_MARKER, EXPORT_MARKER_TEXT)

    build_atomically(out, build)
    return written


def _write_pages(pages: Iterable[tuple[str, str]], docs: Path, scratch: Path,
                 links: Callable[[str, str], str]) -> int:
    """Each page as it comes; a page with slots waits in ``scratch`` until every side file
    has come (the whole site's text is never held at once)."""
    waiting: list[str] = []
    count = 0
    for path, text in pages:
        if is_side_file(path) or slot_paths(text):
            write_text(scratch / path, text)
            if not is_side_file(path):
                waiting.append(path)
            continue
        write_text(docs / path, carry_assets(links(text, path)))
        count += 1

    def side(path: str) -> str | None:
        file = scratch / path
        return file.read_text(encoding="utf-8") if is_side_file(path) and file.is_file() \
            else None

    for path in waiting:
        text = fill_slots((scratch / path).read_text(encoding="utf-8"), side)
        write_text(docs / path, carry_assets(links(text, path)))
        count += 1
    return count
