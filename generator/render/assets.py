"""Static files the site needs (CSS, scripts, the pinned Mermaid), shipped in the package.

Nothing is loaded from another host: staff read SOPs on intranets without internet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

SITE_PREFIX = "assets/sopgen"
MERMAID_SCRIPT = f"{SITE_PREFIX}/mermaid/mermaid.min.js"
LABELS_SCRIPT = f"{SITE_PREFIX}/swimlane.js"
"""Moves a decision's Ya/Tidak labels to the exits of its diamond once Mermaid has drawn
(Mermaid puts them mid-arrow); loaded right after Mermaid, on the same pages."""
STYLESHEET = f"{SITE_PREFIX}/sopgen.css"
IFRAME_WORKER_SHIM = f"{SITE_PREFIX}/iframe-worker/shim.js"
"""iframe-worker 1.0.4 (MIT): Web Workers from file://, for the site opened from a folder."""
Assets = tuple[tuple[str, ...], tuple[str, ...]]
"""The stylesheets and scripts (site paths) one feature of a page needs."""


def asset_root() -> Path:
    """The folder of shipped assets inside the installed package."""
    return Path(str(resources.files("generator").joinpath("assets")))


def site_assets() -> dict[str, Path]:
    """Site path -> source file, for every shipped asset."""
    root = asset_root()
    return {f"{SITE_PREFIX}/{path.relative_to(root).as_posix()}": path
            for path in sorted(root.rglob("*")) if path.is_file()}


def page_needs_mermaid(html: str) -> bool:
    """True when a rendered page holds a Mermaid diagram (only those load the library)."""
    return 'class="mermaid"' in html


def insert_before(html: str, marker: str, snippet: str, *, last: bool = False) -> str:
    """``snippet`` put just before the first (or ``last``) ``marker`` of a built page.

    The one way page hooks add a stylesheet before ``</head>`` or a script before
    ``</body>`` (or before another script), so each feature loads only where needed."""
    at = html.rindex(marker) if last else html.index(marker)
    return html[:at] + snippet + html[at:]


def link_assets(html: str, relative: Callable[[str], str], stylesheets: Sequence[str] = (),
                scripts: Sequence[str] = ()) -> str:
    """A built page with ``stylesheets`` linked at the end of its head and ``scripts`` at
    the end of its body (site paths, made relative to the page by ``relative``): what
    each feature's page hook adds to the pages that show it."""
    if stylesheets:
        links = "".join(f'<link rel="stylesheet" href="{relative(s)}">\n' for s in stylesheets)
        html = insert_before(html, "</head>", links)
    if scripts:
        tags = "".join(f'<script src="{relative(src)}"></script>\n' for src in scripts)
        html = insert_before(html, "</body>", tags, last=True)
    return html
