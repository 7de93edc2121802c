"""Sheets to print get a page of their own in the theme: Material's page without the nav,
search and footer (``theme/sopgen-sheet.html``).

A checklist, a set of step cards, an official document or a form is opened from its SOP
page to be printed. Material's own template gave each of them the whole site nav and the
search dialog, hidden on the page and printed nowhere: about 10 kB per page and most of
the theme's time for five of an SOP's six pages. The sheet template keeps everything the
sheets' stylesheets are written against (the head, ``md-main``, ``md-content``,
``md-typeset``), so sheets look and print as before.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.render.paths import is_sheet_path

SHEET_TEMPLATE = "sopgen-sheet.html"
THEME_DIR = Path(__file__).parent / "theme"


def add_sheet_template(config: MkDocsConfig) -> None:
    """Let the theme find the sheet template; last, so a site's own templates come first."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.append(str(THEME_DIR))


def choose_template(meta: MutableMapping[str, Any], docs_path: str) -> None:
    """A sheet's page is built with the sheet template, unless its front matter names one."""
    if is_sheet_path(docs_path):
        meta.setdefault("template", SHEET_TEMPLATE)
