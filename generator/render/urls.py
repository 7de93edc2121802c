"""Links between generated pages, as the built site will have them.

Markdown links are resolved by the site engine, but links inside HTML blocks (tables,
lists of SOP text) are not: those are computed here, for directory URLs (``unit/sop/``)
or file URLs (``unit/sop.html``), whichever the site uses.
"""

from __future__ import annotations

import posixpath
import re


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


_RAW_URL = re.compile(r'(?<![\w:-])((?:href|src)=")([^"]*)(")')
_SUFFIX = re.compile(r"[?#].*\Z", re.S)


def file_relative_urls(text: str, page: str, directory_urls: bool = True) -> str:
    """``text`` (a page's Markdown) with the relative URLs of its raw HTML, computed here
    relative to the built page, made relative to its Markdown file instead: what an engine
    that resolves raw HTML's URLs as it resolves Markdown links (Zensical) expects. The
    same URLs on an index page, or without directory URLs."""
    here = page_url(page, directory_urls)
    base = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    folder = posixpath.dirname(page)
    if base == folder:
        return text

    def rewrite(match: re.Match[str]) -> str:
        url = match.group(2)
        if not url or url.startswith(("#", "/")) or ":" in url.split("/", 1)[0]:
            return match.group(0)
        suffix = _SUFFIX.search(url)
        path = url[:suffix.start()] if suffix else url
        target = posixpath.normpath(posixpath.join(base or ".", path))
        relative = posixpath.relpath(target, folder or ".")
        if path.endswith("/"):
            relative = "./" if relative == "." else f"{relative}/"
        return f"{match.group(1)}{relative}{suffix.group(0) if suffix else ''}{match.group(3)}"

    return _RAW_URL.sub(rewrite, text)
