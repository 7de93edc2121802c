"""A page's HTML before the theme wraps it: what search reads, and the diagram's frame.

The search index is built from each page's HTML (``on_page_content``): diagram sources are
kept out of it (Material skips any element with ``data-search-exclude``), and table cells
and blocks are separated by a line break so their words never run together in a result
("Organisasi" and "Dinas ..." instead of "OrganisasiDinas ..."). Whitespace between table
cells, between blocks and after a ``<br>`` does not change how the page looks.

Each swimlane diagram (one, or every part of a big SOP's) is put in a frame that scrolls
sideways (``sopgen-diagram-scroll``): the diagram keeps the width at which its text is 12 px
(``render.mermaid.readable_width``, from the note before it, ``data-width``, written by the
SOP page's template), so its text stays readable on a phone or with 40 lanes instead of
shrinking. The frame is a named region that takes the keyboard focus, so it can be
scrolled with the arrow keys (WCAG 2.1.1); a part's frame is named by the part's heading.
"""

from __future__ import annotations

import re
from html import escape

_MERMAID = re.compile(r'<(pre|div) class="mermaid"(?![^>]*data-search-exclude)')
_BLOCK_END = re.compile(r"(</(?:th|td|tr|thead|tbody|tfoot|div|dt|dd|li|caption)>|<br\s*/?>)(?=\S)")
_NOTE = re.compile(r'<p class="sopgen-diagram-note"[^>]*\bdata-width="(\d+)"')
_DIAGRAM = re.compile(r'(<h3 [^>]*\bid="([^"]+)"[^>]*>(?:(?!</h3>).)*</h3>\s*)?'
                      r'(<(pre|div) class="mermaid".*?</\4>)', re.S)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def prepare_content(html: str, frame_label: str = "") -> str:
    """The page's HTML with its diagram sources out of the index, no glued words, and the
    swimlane's diagrams in their frames (``frame_label`` names a frame without heading)."""
    html = _MERMAID.sub(r'<\1 class="mermaid" data-search-exclude', html)
    html = space_blocks(html)
    note = _NOTE.search(html)
    if note is None:
        return html
    width = note.group(1)

    def frame(match: re.Match[str]) -> str:
        heading, heading_id, diagram = match.group(1, 2, 3)
        name = (f'aria-labelledby="{heading_id}"' if heading_id
                else f'aria-label="{escape(frame_label, quote=True)}"')
        return (f'{heading or ""}<div class="sopgen-diagram-scroll" tabindex="0" role="region" '
                f'{name} style="--sopgen-diagram-width: {width}px">{diagram}</div>')

    return html[:note.end()] + _DIAGRAM.sub(frame, html[note.end():])


def space_blocks(html: str) -> str:
    """A line break after each table cell, row, block and ``<br>`` followed by text: also
    applied to a slot's HTML, which comes after this stage, so a page is built the same
    whether its body went through Markdown or into a slot."""
    return _BLOCK_END.sub("\\1\n", html)


def name_search_dialog(html: str, label: str) -> str:
    """The theme's search dialog with an accessible name (the theme gives it none)."""
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label}"')
    return html.replace(_SEARCH_DIALOG, named, 1)
