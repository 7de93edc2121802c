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

A slot names its side file and carries a hash of its content, so a page whose side file
changed has changed text too (``sopgen serve`` rebuilds the pages whose text changed).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable

from markupsafe import Markup, escape

SIDE_SUFFIX = ".sheets.html"
_SLOT = re.compile(r'<div class="sopgen-slot" data-sopgen-slot="([^"]+)" '
                   r'data-sopgen-hash="[0-9a-f]+"></div>')


def side_path(page: str) -> str:
    """``unit/sop.resmi.md`` -> ``unit/sop.resmi.sheets.html``: the HTML of its slot."""
    return f"{page.removesuffix('.md')}{SIDE_SUFFIX}"


def is_side_file(path: str) -> bool:
    """True for a side file: generated HTML to fill a slot, never a page of its own."""
    return path.endswith(SIDE_SUFFIX)


def slot(path: str, content: str) -> Markup:
    """The placeholder for the side file ``path`` holding ``content``: one line, an HTML
    block Markdown passes through untouched."""
    digest = hashlib.blake2b(content.encode(), digest_size=8).hexdigest()
    return Markup(f'<div class="sopgen-slot" data-sopgen-slot="{escape(path)}" '
                  f'data-sopgen-hash="{digest}"></div>')


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
