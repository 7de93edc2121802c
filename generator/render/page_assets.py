"""Which shipped assets one page needs, decided once for every engine.

The MkDocs adapter links them into the built page (``mkdocs/pages.py``); the export for
other engines names them in the page's front matter (:func:`carry_assets`) and ships a
theme override that links them, so an engine that runs no sopgen code still loads each
feature's stylesheet and scripts on the pages that show it, and Mermaid only on pages
that draw a diagram. The markers that
say what a page needs are the same in its Markdown and in its built HTML (they are raw
HTML blocks the engine passes through), except Mermaid's: a fence in the Markdown.
"""

from __future__ import annotations

import json
import re

from generator.render import control
from generator.render.assets import LABELS_SCRIPT, MERMAID_SCRIPT
from generator.render.official import document
from generator.render.printables import assets_needed as printable_assets

_MERMAID_FENCE = re.compile(r"^(`{3,}|~{3,}) *mermaid\b", re.M)
_FRONT_MATTER = re.compile(r"---\n")


def page_assets(html: str) -> tuple[list[str], list[str]]:
    """The stylesheets and scripts (site paths) of a page, in the order they are linked:
    printables, official document, document control."""
    stylesheets: list[str] = []
    scripts: list[str] = []
    for sheets, code in (printable_assets(html), document.assets_needed(html),
                         control.assets_needed(html)):
        stylesheets.extend(sheets)
        scripts.extend(code)
    return stylesheets, scripts


def markdown_needs_mermaid(markdown: str) -> bool:
    """True when a page's Markdown holds a Mermaid fence (only those pages load Mermaid)."""
    return _MERMAID_FENCE.search(markdown) is not None


def carry_assets(markdown: str) -> str:
    """``markdown`` with the assets the page needs named in its front matter (unchanged if
    it needs none): ``sopgen_css`` and ``sopgen_js`` (site paths) and ``sopgen_mermaid``.
    The export's theme override (``export_template``) links them where the adapter would:
    stylesheets at the end of the head, Mermaid before the theme's bundle (which then
    draws with it instead of fetching one from a CDN), scripts after it. The engine makes
    the URLs relative to each page itself: engines disagree on how they rewrite relative
    URLs written in a page's raw HTML (MkDocs keeps them, Zensical resolves them against
    the Markdown file), so none is written there."""
    stylesheets, scripts = page_assets(markdown)
    mermaid = markdown_needs_mermaid(markdown)
    if not (stylesheets or scripts or mermaid):
        return markdown
    keys = "".join(f"{key}: {json.dumps(value)}\n" for key, value in (
        ("sopgen_css", stylesheets), ("sopgen_js", scripts)) if value)
    keys += "sopgen_mermaid: true\n" if mermaid else ""
    if _FRONT_MATTER.match(markdown):
        return f"---\n{keys}{markdown[4:]}"
    return f"---\n{keys}---\n\n{markdown}"


def export_template() -> str:
    """The theme override (``main.html``) that links the assets a page names in its front
    matter; the same for MkDocs+Material and Zensical (both extend the theme's base)."""
    return _TEMPLATE.format(mermaid=MERMAID_SCRIPT, labels=LABELS_SCRIPT)


_TEMPLATE = """{{% extends "base.html" %}}
{{#- Written by sopgen export: each page loads the assets its front matter names. -#}}
{{% block extrahead %}}
  {{{{ super() }}}}
  {{% if page and page.meta and page.meta.sopgen_css %}}
    {{% for path in page.meta.sopgen_css %}}
      <link rel="stylesheet" href="{{{{ path | url }}}}">
    {{% endfor %}}
  {{% endif %}}
{{% endblock %}}
{{% block scripts %}}
  {{% if page and page.meta and page.meta.sopgen_mermaid %}}
    <script src="{{{{ '{mermaid}' | url }}}}"></script>
    <script src="{{{{ '{labels}' | url }}}}"></script>
  {{% endif %}}
  {{{{ super() }}}}
  {{% if page and page.meta and page.meta.sopgen_js %}}
    {{% for path in page.meta.sopgen_js %}}
      <script src="{{{{ path | url }}}}"></script>
    {{% endfor %}}
  {{% endif %}}
{{% endblock %}}
"""
