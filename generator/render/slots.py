"""Large generated HTML kept out of the Markdown: a slot in the page, the HTML beside it.

The official flowchart's sheets are tens of kilobytes of SVG per SOP. Passed through
Markdown they cost more than the rest of the page: Python-Markdown's raw-HTML
preprocessor and the search indexer's HTML parser walk every element of them, and
neither needs to (the SVG is not Markdown, and its text is kept out of search anyway:
the steps are in the step table). So the render stage writes a small placeholder element
into the page (:func:`slot`) and gives the HTML as a side file of its own
(:func:`side_path`), next to the pages it returns. A site engine's adapter puts the HTML
in the slot after the engine has converted and indexed the page (:func:`fill_slots`);
an export for an engine without such a hook fills the slots in the Markdown itself.

The printables (checklist, step cards, official document, monitoring and evaluation
forms) are such HTML from their first element on: a template marks where its Markdown
ends with :data:`BODY` and :func:`split_body` moves the rest into the page's side file.
Measured at 1,000 SOPs, Markdown's conversion of those five pages was a third of the
build; a slot costs it next to nothing, and MkDocs holds only the slot until the page is
written (the side file is read when its page is finished).

The SOP page keeps its headings and lists in Markdown, but its big tables (identity,
worksheet, step table; a role's page its table of SOPs) are marked parts (:data:`PART`,
:func:`split_parts`): each becomes a side file too, and its slot carries the part's text
(no tags) for the search index, so search finds the same words without its parser
walking every cell. Filling the slot replaces that text with the table.

A slot names its side file and carries a hash of its content, so a page whose side file
changed has changed text too (``sopgen serve`` rebuilds the pages whose text changed).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

SIDE_SUFFIX = ".body.html"
BODY = "<!-- sopgen:body -->\n"
"""A template's line after which the page is HTML only (no Markdown): see split_body."""
PART = "<!-- sopgen:part -->\n"
PART_END = "<!-- sopgen:part-end -->\n"
"""The lines around a part of a page that goes into a side file of its own: split_parts."""
_PART = re.compile(r"<!-- sopgen:part -->\n(.*?)<!-- sopgen:part-end -->\n", re.S)
_SLOT = re.compile(r'<div class="sopgen-slot" data-sopgen-slot="([^"]+)" '
                   r'data-sopgen-hash="[0-9a-f]+">(?:<!--<h1>-->|[^<]*)</div>')
_TAG = re.compile(r"<[^>]*>")
_TITLED = "<!--<h1>-->"
"""Inside the slot of HTML that holds the page's ``<h1>``: the theme (Material) gives a
page whose content has no ``<h1>`` one of its own, and it reads the content before the
slot is filled; this tells it the page has its title (the slot, comment and all, is
replaced by the HTML)."""


def side_path(page: str, part: int = 0) -> str:
    """``unit/sop.resmi.md`` -> ``unit/sop.resmi.body.html``: the HTML of its slot; a
    page's marked part ``n``: ``unit/sop.part-n.body.html``."""
    name = f".part-{part}" if part else ""
    return f"{page.removesuffix('.md')}{name}{SIDE_SUFFIX}"


def is_side_file(path: str) -> bool:
    """True for a side file: generated HTML to fill a slot, never a page of its own."""
    return path.endswith(SIDE_SUFFIX)


def slot(path: str, content: str, searchable: bool = False) -> Markup:
    """The placeholder for the side file ``path`` holding ``content``: one line, an HTML
    block Markdown passes through untouched; ``searchable``: with the content's text (its
    tags taken out, its entities kept), for the search index."""
    digest = hashlib.blake2b(content.encode(), digest_size=8).hexdigest()
    inner = _TITLED if "<h1" in content else ""
    if searchable:
        inner = " ".join(_TAG.sub(" ", content).split())
    return Markup(f'<div class="sopgen-slot" data-sopgen-slot="{escape(path)}" '
                  f'data-sopgen-hash="{digest}">{inner}</div>')


def slot_paths(text: str) -> list[str]:
    """The side files the slots of ``text`` name."""
    return [html.unescape(match) for match in _SLOT.findall(text)]


def fill_slots(text: str, read: Callable[[str], str | None]) -> str:
    """``text`` with each slot replaced by its side file's HTML (``read``: the HTML of a
    side path, None for a path that is not one of this site's side files: the slot stays,
    empty, rather than showing something it did not generate)."""
    if 'class="sopgen-slot"' not in text:
        return text

    def content(match: re.Match[str]) -> str:
        found = read(html.unescape(match.group(1)))
        return match.group(0) if found is None else found

    return _SLOT.sub(content, text)


def split_body(page: str, text: str) -> dict[str, str]:
    """The page ``page`` whose Markdown ``text`` holds the :data:`BODY` line, as the
    Markdown before it with a slot in its place, and the HTML after it as the page's side
    file; a text without the line stays whole. The HTML is taken as it is: Markdown passes
    a block of HTML through unchanged, so the built page is the same either way."""
    head, found, body = text.partition(BODY)
    if not found:
        return {page: text}
    body, side = body.rstrip(), side_path(page)  # Markdown ends a block without a newline
    return {page: f"{head}{slot(side, body)}\n", side: body}


def split_parts(page: str, text: str) -> dict[str, str]:
    """The page ``page`` with each part its Markdown ``text`` marks (:data:`PART` to
    :data:`PART_END`) as a searchable slot, and the parts' HTML as side files; a text
    without marks stays whole. Like split_body, the built page is the same either way."""
    parts: dict[str, str] = {}

    def cut(match: re.Match[str]) -> str:
        side, body = side_path(page, len(parts) + 1), match.group(1).rstrip()
        parts[side] = body
        return f"{slot(side, body, searchable=True)}\n"

    return {page: _PART.sub(cut, text), **parts}


def filled_pages(pages: Mapping[str, str]) -> dict[str, str]:
    """The pages with their slots filled and without the side files: each page as a
    reader gets it, for an engine with no hook after conversion (and for tests)."""
    def read(path: str) -> str | None:
        return pages.get(path) if is_side_file(path) else None

    return {path: fill_slots(text, read) for path, text in pages.items()
            if not is_side_file(path)}
