"""A page's HTML before the theme wraps it: what search reads, and the diagram's frame.

The search index is built from each page's HTML (``on_page_content``): diagram sources are
kept out of it (Material skips any element with ``data-search-exclude``), and table cells
and blocks are separated by a line break so their words never run together in a result
("Organisasi" and "Dinas ..." instead of "OrganisasiDinas ..."). Whitespace between table
cells, between blocks and after a ``<br>`` does not change how the page looks.

The swimlane diagram is put in a frame that scrolls sideways on a narrow screen
(``sopgen-diagram-scroll``): the diagram keeps the width at which its text is 12 px
(``render.mermaid.readable_width``, from the note before it, ``data-width``, written by the
SOP page's template), so its text stays readable on a phone instead of shrinking with it.
"""

from __future__ import annotations

import re

_MERMAID = re.compile(r'<(pre|div) class="mermaid"(?![^>]*data-search-exclude)')
_BLOCK_END = re.compile(r"(</(?:th|td|tr|thead|tbody|tfoot|div|dt|dd|li|caption)>|<br\s*/?>)(?=\S)")
_DIAGRAM = re.compile(r'(<p class="sopgen-diagram-note" data-width="(\d+)">.*?</p>\s*)'
                      r'(<(pre|div) class="mermaid".*?</\4>)', re.S)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def prepare_content(html: str) -> str:
    """The page's HTML with its diagram sources out of the index, no glued words, and the
    swimlane diagram in its frame."""
    html = _MERMAID.sub(r'<\1 class="mermaid" data-search-exclude', html)
    html = space_blocks(html)
    return _DIAGRAM.sub(r'\1<div class="sopgen-diagram-scroll" tabindex="0" '
                        r'style="--sopgen-diagram-width: \2px">\3</div>', html)


def space_blocks(html: str) -> str:
    """A line break after each table cell, row, block and ``<br>`` followed by text: also
    applied to a slot's HTML, which comes after this stage, so a page is built the same
    whether its body went through Markdown or into a slot."""
    return _BLOCK_END.sub("\\1\n", html)


def name_search_dialog(html: str, label: str) -> str:
    """The theme's search dialog with an accessible name (the theme gives it none)."""
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label}"')
    return html.replace(_SEARCH_DIALOG, named, 1)
