"""Headless Debian chromium through playwright, with every off-machine request blocked.

Material draws Mermaid diagrams inside a *closed* shadow root; the init script makes every
shadow root open so tests can measure the SVG inside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

OPEN_SHADOW_ROOTS = """
(() => {
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return original.call(this, Object.assign({}, init, {mode: "open"}));
  };
})();
"""
MEASURE = r"""() => {
  const host = document.querySelector('.mermaid');
  const root = host && host.shadowRoot;
  const svg = root && root.querySelector('svg');
  if (!svg) return null;
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const lanes = [...svg.querySelectorAll('g.cluster.swimlane')].map((g) => ({
    label: g.querySelector('.swimlane-label').textContent.trim(), box: box(g)}));
  const nodes = {};
  svg.querySelectorAll('g.node').forEach((g) => {
    const match = g.id.match(/-flowchart-(.+)-\d+$/);
    if (match) nodes[match[1]] = box(g);
  });
  return {lanes, nodes, error: !!svg.querySelector('.error-icon, .error-text'),
          svg: box(svg)};
}"""
"""Script: boxes of the first Mermaid diagram's lanes and nodes (node id -> box), or null."""

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@dataclass
class PageLog:
    """What a page did that a test may want to fail on."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(browser: Any, url: str, viewport: dict[str, int] | None = None
              ) -> tuple[Any, PageLog]:
    """A new page at ``url``: off-machine requests aborted and logged, shadow roots open
    (``file:`` URLs are local: a site opened from a shared folder)."""
    log = PageLog()
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()

    def route(request_route: Any) -> None:
        request_url = request_route.request.url
        host = urlparse(request_url).hostname or ""
        if request_url.startswith(("data:", "blob:", "file:")) or host in LOCAL_HOSTS:
            request_route.continue_()
        else:
            log.external_requests.append(request_url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: log.console_errors.append(msg.text)
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    return page, log
