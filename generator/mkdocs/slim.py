"""A built page in fewer bytes, drawn and read exactly as before.

On a site of a thousand SOPs most of a page's bytes are not its words: the theme indents
every line and repeats its wrappers and scripts on every page, and a table writes quotes
and end tags the HTML standard lets go. What goes here, and why each is safe:

- indentation and blank lines (a newline stays wherever whitespace was: words stay apart);
- quotes around attribute values that need none;
- end tags of table cells, rows and row groups, with the whitespace after them (which a
  table never shows; left inside a cell it would stop an empty cell matching ``:empty``);
- the ``md-ellipsis`` wrapper of the nav's plain links (see :func:`plain_nav_links`);
- the theme's inline scripts that have nothing to do on this site (:class:`Finishing`).

Text in ``<pre>``, ``<textarea>``, ``<code>``, scripts, styles and comments is kept as it
is. Not minify-html: it drops whitespace between inline elements inside a ``<div>``, so
"Jabatan: ....." lost its space on the official page (seen in screenshots).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

_KEEP = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2>|<!--.*?-->)", re.S | re.I)
_LINE_START = re.compile(r"\n\s+")
_OPTIONAL_END = re.compile(r"</(?:td|th|tr|thead|tbody|tfoot)>\s*")
_START_TAG = re.compile(r"(<[a-zA-Z][^>]*>)")  # attribute values never hold a raw ">"
# A value needs no quotes if it holds none of: space " ' = < > ` & and is not followed by
# "/" (an unquoted value runs on over a "/": <rect x=1/> has x "1/").
_PLAIN_VALUE = re.compile(r'(?<=[\w-])="([\w.:/#%+-]+)"(?=[\s>])', re.A)
_NAV_ELLIPSIS = re.compile(r"(<a href=[^\s>]+ class=md-nav__link>)\n<span class=md-ellipsis>\n"
                           r"([^<]*)\n</span>")
# Material 9's inline scripts: one opens a content tab named in the address, one applies a
# colour palette the reader chose with the palette toggle.
_TABBED_SCRIPT = re.compile(r"<script>var target=document\.getElementById\(location\.hash"
                            r"\.slice\(1\)\);[^<]*</script>\n?")
_PALETTE_SCRIPT = re.compile(r'<script>var palette=__md_get\("__palette"\);[^<]*</script>\n?')


@dataclass(frozen=True)
class Finishing:
    """How this site's built pages are finished, read once from its config."""

    mermaid_by_plugin: bool = False
    """mkdocs-mermaid2 adds the Mermaid script itself (``pages.py`` points it home)."""
    idle_scripts: tuple[re.Pattern[str], ...] = ()
    """The theme's inline scripts with nothing to do on this site."""


def finishing(config: MkDocsConfig) -> Finishing:
    """The site's finishing: the tab script is idle without content tabs (the
    ``pymdownx.tabbed`` extension), the palette script without a palette toggle."""
    idle = []
    if "pymdownx.tabbed" not in config.markdown_extensions:
        idle.append(_TABBED_SCRIPT)
    if not config.theme.get("palette"):
        idle.append(_PALETTE_SCRIPT)
    return Finishing(config.plugins.get("mermaid2") is not None, tuple(idle))


def slim_page(html: str, finishing: Finishing) -> str:
    """The page in fewer bytes (see the module's text)."""
    for script in finishing.idle_scripts:
        html = script.sub("", html, count=1)
    return plain_nav_links(minify(html))


def minify(html: str) -> str:
    """The page without indentation, blank lines, needless quotes and table end tags."""
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


def plain_nav_links(html: str) -> str:
    """The nav's plain links with their title as the link's own text (after ``minify``).

    Material wraps each title in ``<span class="md-ellipsis">`` to cut, with an ellipsis,
    a single word too long for the sidebar; nav titles wrap at spaces and SOP titles are
    words, so the wrapper shows nothing (screenshots of every seed page are the same) and
    costs 33 bytes a link, a hundred links on an SOP's page."""
    return _NAV_ELLIPSIS.sub(r"\1\n\2", html)
