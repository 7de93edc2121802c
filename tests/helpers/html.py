"""Reading built HTML in tests: the resources a page loads, and element texts."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

LOADING_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
                 ("source", "src"), ("source", "srcset"), ("iframe", "src"),
                 ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
                 ("image", "href"), ("use", "href")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in {"canonical", "alternate"}:
            return
        for name, value in attrs:
            if (tag, name) in LOADING_ATTRS and value:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if name == "style" and value:
                self.urls += css_urls(value)
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import target in CSS text."""
    return [a or b for a, b in CSS_URL.findall(css)]


def loaded_urls(page: str) -> list[str]:
    """URLs a browser would fetch to show this HTML (scripts, styles, images, fonts)."""
    parser = _Resources()
    parser.feed(page)
    return parser.urls


def is_external(url: str) -> bool:
    """True for a URL on another host (http:, https:, protocol-relative //)."""
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), flags=re.I))


def texts_of(page: str, tag: str) -> list[str]:
    """Visible text of every ``<tag>`` element (tags stripped, entities decoded)."""
    pattern = re.compile(rf"<{tag}\b[^>]*>(.*?)</{tag}>", flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in pattern.findall(page)]
