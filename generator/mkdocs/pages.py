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
# Text a minifier must not touch: preformatted text, inline code, scripts, styles, comments.
_KEEP = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2>|<!--.*?-->)", re.S | re.I)
_LINE_START = re.compile(r"\n\s+")
# A table's end tags the standard lets go, with the whitespace after them, which a table
# never shows: inside a cell it would not be, an empty cell would stop matching :empty.
_OPTIONAL_END = re.compile(r"</(?:td|th|tr|thead|tbody|tfoot)>\s*")
_START_TAG = re.compile(r"(<[a-zA-Z][^>]*>)")  # attribute values never hold a raw ">"
# A value needs no quotes if it holds none of: space " ' = < > ` & and is not followed by
# "/" (an unquoted value runs on over a "/": <rect x=1/> has x "1/").
_PLAIN_VALUE = re.compile(r'(?<=[\w-])="([\w.:/#%+-]+)"(?=[\s>])', re.A)


def shipped_mermaid() -> Path:
    """The pinned Mermaid inside the installed package (an absolute path)."""
    return asset_root() / "mermaid" / "mermaid.min.js"


def finish_page(html: str, page_url: str, mermaid_by_plugin: bool) -> str:
    """The built page with the assets it needs and no others, minified."""
    return minify(_with_assets(html, page_url, mermaid_by_plugin))


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


def minify(html: str) -> str:
    """The page in fewer bytes, drawn and read exactly as before: no indentation or blank
    lines (the theme indents every line), no quotes around plain attribute values, no end
    tags of cells, rows and row groups (the standard lets them go; a table's tags are
    a third of its bytes). A newline stays wherever whitespace was, so words stay apart; text in
    ``<pre>``, ``<textarea>``, ``<code>``, scripts, styles and comments is kept as it is.

    Not minify-html: it drops whitespace between inline elements inside a ``<div>``, so
    "Jabatan: ....." lost its space on the official page (seen in screenshots)."""
    parts = _KEEP.split(html)
    # split() with two groups yields text, whole kept block, tag name, text, ...
    return "".join(_minify_outside(part) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)


def _minify_outside(text: str) -> str:
    text = _OPTIONAL_END.sub("", _LINE_START.sub("\n", text))
    pieces = _START_TAG.split(text)
    if len(pieces) < 2 or "\0" in text:
        return text
    # the start tags joined, unquoted in one pass, split back (no Python call per tag)
    pieces[1::2] = _PLAIN_VALUE.sub(r"=\1", "\0".join(pieces[1::2])).split("\0")
    return "".join(pieces)
