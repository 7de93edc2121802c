"""What a built page gets after MkDocs has rendered it: the assets it alone needs.

Printables get their stylesheet and scripts, official pages the official stylesheet, and
only pages that draw a diagram load the pinned Mermaid, before Material's bundle (which
draws it). Under mkdocs-mermaid2, that plugin adds the Mermaid script itself; it is given
the shipped file through its ``javascript`` option, and its script tag is pointed at the
file's place in the site here.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from generator.mkdocs.slim import Finishing, slim_page
from generator.render.assets import (
    LABELS_SCRIPT,
    MERMAID_SCRIPT,
    asset_root,
    insert_before,
    link_assets,
    page_needs_mermaid,
)
from generator.render.page_assets import page_assets

_BUNDLE_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[^"]*"')
_MERMAID_TAG = re.compile(r'<script src="([^"]*)mermaid\.min\.js"')
_MERMAID_END = re.compile(r'<script src="[^"]*mermaid\.min\.js"[^>]*>\s*</script>')


def shipped_mermaid() -> Path:
    """The pinned Mermaid inside the installed package (an absolute path)."""
    return asset_root() / "mermaid" / "mermaid.min.js"


def finish_page(html: str, page_url: str, finishing: Finishing) -> str:
    """The built page with the assets it needs and no others, in fewer bytes (``slim``)."""
    return slim_page(_with_assets(html, page_url, finishing.mermaid_by_plugin), finishing)


def _with_assets(html: str, page_url: str, mermaid_by_plugin: bool) -> str:
    def relative(path: str) -> str:
        return str(get_relative_url(path, page_url))

    html = link_assets(html, relative, *page_assets(html))
    labels = f'<script src="{relative(LABELS_SCRIPT)}"></script>\n'
    if mermaid_by_plugin:
        html = _MERMAID_TAG.sub(f'<script src="{relative(MERMAID_SCRIPT)}"', html)
        match = _MERMAID_END.search(html)
        return html[:match.end()] + "\n" + labels + html[match.end():] if match else html
    if not page_needs_mermaid(html):
        return html
    tag = f'<script src="{relative(MERMAID_SCRIPT)}"></script>\n' + labels
    match = _BUNDLE_SCRIPT.search(html)
    marker = match.group(0) if match else "</body>"
    return insert_before(html, marker, tag, last=match is None)
