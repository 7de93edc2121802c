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


# Where an element whose end tag built pages leave out ends (HTML's implied end tags).
_IMPLIED_END = {name: r"</?(?:tr|tbody|thead|tfoot|table)\b|<t[dh]\b" for name in ("td", "th")}
_IMPLIED_END["tr"] = r"</?(?:tbody|thead|tfoot|table)\b|<tr\b"


def texts_of(page: str, tag: str) -> list[str]:
    """Visible text of every ``<tag>`` element (tags stripped, entities decoded); a cell
    or row ends where HTML ends it when its end tag is left out (built pages leave it)."""
    end = rf"</{tag}>" + (f"|{_IMPLIED_END[tag]}" if tag in _IMPLIED_END else "")
    pattern = re.compile(rf"<{tag}\b[^>]*>(.*?)(?={end})", flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in pattern.findall(page)]


_UNQUOTED = re.compile(r"""(?<=[\w-])=([^\s"'=<>`]+)(?=[\s>])""")
_START_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def requoted(page: str) -> str:
    """A built page with every attribute value in double quotes again, as the templates
    write them (built pages leave the quotes out where HTML lets them), so a test can look
    for a tag as it is written: ``'<table class="sopgen-steps">' in requoted(page)``."""
    return _START_TAG.sub(lambda tag: _UNQUOTED.sub(r'="\1"', tag.group(0)), page)


def step_rows(page: str) -> list[list[str]]:
    """The cells (their HTML) of each body row of a page's step table (_step_table.j2),
    whose cells say what they hold by place: No, Kegiatan, one per role, Kelengkapan,
    Waktu, Output, Keterangan. Reads a rendered page or a built one (which leaves out
    the quotes and the cells' and rows' end tags)."""
    table = requoted(page).split('<table class="sopgen-steps">', 1)[1]
    body = re.split(r"</tbody>|<tfoot>", table.split("<tbody>", 1)[1], maxsplit=1)[0]
    return [[re.sub(r"\s*</td>\s*$", "", cell.strip()) for cell in re.split(r"<td>", row)[1:]]
            for row in (re.sub(r"\s*</tr>\s*$", "", row) for row in body.split("<tr>")[1:])]


_NAV_LINK = re.compile(r'<(a|label)\b[^>]*\bclass="md-nav__link[ "][^>]*>(.*?)</\1>', re.S)


def nav_titles(page: str) -> list[str]:
    """The titles of the primary nav's links and sections, in order (whether Material's
    ``md-ellipsis`` wrapper is still around them or not: built pages drop it)."""
    nav = requoted(page)
    nav = nav[nav.index("md-nav--primary"):]
    titles = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", m)).split())
              for _, m in _NAV_LINK.findall(nav)]
    return [title for title in titles if title]
