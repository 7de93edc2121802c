"""The one Jinja environment of the site's pages, and the filters its templates use.

Templates are files under ``generator/templates/``; each opens with a comment naming its
context. Every ``{{ }}`` is HTML-escaped with newlines as <br> (SOP text is data, never
markup); values that are already markup (Markup) pass as they are.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import Any, Protocol, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.render.escape import html_text, md_inline, meta_title


def _finalize(value: object) -> Markup:
    """None shows as nothing; everything else is escaped text."""
    return Markup("") if value is None else html_text(value)


def yaml_string(value: object) -> Markup:
    """A value as a quoted YAML scalar (a JSON string is valid YAML), for the one template
    that writes YAML (a new SOP file): marked safe so the HTML escaping leaves it whole."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def yaml_comment(value: object) -> Markup:
    """Text for the end of a YAML comment line: one line, nothing escaped."""
    return Markup(" ".join(str(value).split()))


def relative_link(target: str, page: str) -> str:
    """A link from ``page`` to ``target`` (both docs-relative .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


@cache
def environment() -> Environment:
    """Built once per process, so templates are compiled once (the environment holds no
    state of a render: everything a page shows comes in its context)."""
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                      undefined=StrictUndefined, finalize=_finalize, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = md_inline
    env.filters["meta_title"] = meta_title
    env.filters["rel"] = relative_link
    env.filters["yaml_string"] = yaml_string
    env.filters["yaml_comment"] = yaml_comment
    return env


Memo = Callable[[Hashable, Iterable[str], Callable[[], str]], str]
"""Text kept across renders: ``memo(key, shows, make)`` returns ``make()`` or the text it
made before for ``key``, while none of the SOPs it ``shows`` (ids) changed
(``RenderCache.text``, used under ``sopgen serve``)."""


def no_memo(key: Hashable, shows: Iterable[str], make: Callable[[], str]) -> str:
    """A one-off build keeps nothing: every text is made."""
    return make()


T = TypeVar("T")


class Keep(Protocol):
    """Values kept across renders for pages that show no step's words: ``keep(key, shows,
    make)`` returns ``make()`` or the value made before for ``key``, while none of the SOPs
    it ``shows`` changed in more than its steps' words (``RenderCache.kept``)."""

    def __call__(self, key: Hashable, shows: Iterable[str], make: Callable[[], T]) -> T: ...


def no_keep(key: Hashable, shows: Iterable[str], make: Callable[[], T]) -> T:
    """A one-off build keeps nothing: every value is made."""
    return make()


def render(template: str, **context: Any) -> str:
    """The text of ``template`` with ``context``."""
    return environment().get_template(template).render(**context)
