"""Links between generated pages, as the built site will have them.

Markdown links are resolved by the site engine, but links inside HTML blocks (tables,
lists of SOP text) are not: those are computed here, for directory URLs (``unit/sop/``)
or file URLs (``unit/sop.html``), whichever the site uses.
"""

from __future__ import annotations

import posixpath


def page_url(md_path: str, directory_urls: bool = True) -> str:
    """Site URL of a docs page: ``u/a.md`` -> ``u/a/`` (or ``u/a.html``), index -> ``u/``."""
    stem = md_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def href(target_md: str, from_md: str, directory_urls: bool = True) -> str:
    """Relative link from the page ``from_md`` to the page ``target_md``."""
    target = page_url(target_md, directory_urls)
    here = page_url(from_md, directory_urls)
    base = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    if target.endswith("/") or not target:
        return "./" if relative == "." else f"{relative}/"
    return relative
