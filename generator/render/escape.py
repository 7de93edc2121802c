"""Escaping for every place SOP text lands: HTML, Markdown, YAML front matter, Mermaid.

SOP text is data, never markup: whatever an author types (``<script>``, ``|``, ``-->``,
``%%``, newlines) must show exactly as written and must not break the page around it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import MappingProxyType

from markupsafe import Markup, escape


def html_text(value: object) -> Markup:
    """HTML-escaped text with newlines as ``<br>`` (a blank line would end an HTML block)."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    if text.isprintable():  # no line break (nor any other control character): most text
        return escape(text)
    lines = [escape(line) for line in text.splitlines() or [""]]
    return Markup("<br>").join(lines)


def md_inline(value: object) -> Markup:
    """Text for a Markdown inline context (headings, link text, table cells).

    Every ASCII punctuation character becomes a numeric entity, so no Markdown, HTML,
    table or extension syntax (``*``, ``|``, ``[``, ``:emoji:``, ``{: attr}``) can fire.
    Newlines become spaces: an inline context has no line breaks.
    """
    return Markup(" ".join(str(value).split()).translate(MD_ENTITIES))


MD_ENTITIES = MappingProxyType({code: f"&#{code};" for code in range(128)
                                if not chr(code).isalnum() and chr(code) != " "})
"""Every ASCII character but letters, digits and the space, as its numeric entity: one
``str.translate`` (the site's index pages escape hundreds of thousands of characters on
every build and every edit under serve)."""


def meta_title(value: object) -> Markup:
    """A page title for YAML front matter.

    Themes print ``page.meta.title`` unescaped (MkDocs' Jinja has no autoescape), so the
    title is HTML-escaped first; a JSON string is valid YAML and quotes the rest.
    """
    text = str(escape(" ".join(str(value).split())))
    return Markup(json.dumps(text, ensure_ascii=False))


MERMAID_PLAIN = frozenset(" .,:-/()?!'+*=_@$~^")
"""Punctuation left as it is inside a quoted Mermaid label. Inside ``"..."`` Mermaid's
lexer takes everything up to the next quote as text, so only what ends the string (``"``),
starts an entity (``#``), reads as HTML (``<``, ``>``, ``&``), starts a markdown string
(backtick), a bracket or pipe that some Mermaid versions re-lex, ``;``, ``%`` and ``\\``
need escaping. Escaping every mark made a 300-step chart 66,594 characters, over Mermaid's
50,000 limit; common sentence punctuation is most of what an SOP writes."""


def mermaid_label(value: object) -> str:
    """Text for inside a quoted Mermaid label: letters, digits, spaces and plain sentence
    punctuation as they are, anything else as ``#N;``.

    Mermaid decodes ``#N;`` to the character after parsing, so quotes, brackets, ``-->``,
    ``%%`` and ``<script>`` are shown as text and never parsed as diagram syntax or HTML.
    """
    lines = str(value).splitlines() or [""]
    return "<br>".join("".join(ch if ch.isalnum() or ch in MERMAID_PLAIN else f"#{ord(ch)};"
                               for ch in line) for line in lines)


_CSS_UNSAFE = frozenset('"\\<>&\'')


def _css_quoted(text: str, plain: Callable[[str], bool]) -> str:
    """``text`` as a quoted CSS string, its whitespace runs as one space and every
    character that is not ``plain`` as a hex escape (a space ends the escape)."""
    return '"' + "".join(ch if plain(ch) else f"\\{ord(ch):x} "
                         for ch in " ".join(text.split())) + '"'


def css_string(text: str) -> Markup:
    """A quoted CSS string: every character but letters, digits and spaces as a hex escape,
    so SOP text in a ``<style>`` can neither end the string nor the element."""
    return Markup(_css_quoted(text, lambda ch: (ch.isalnum() and ch.isascii()) or ch == " "))


def css_text(text: str) -> str:
    """A quoted CSS string, short, for a ``<style>`` on every printed sheet: printable
    characters as they are (the page is UTF-8); anything that could end the string or the
    element (quotes, backslash, ``<``), ``>``, ``&`` and every unprintable character as a
    hex escape."""
    return _css_quoted(text, lambda ch: ch not in _CSS_UNSAFE and ch.isprintable())
