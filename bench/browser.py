"""Browser figures for the benchmark: time to a drawn diagram, Mermaid on plain pages."""

from __future__ import annotations

from pathlib import Path

from generator.pdf.printer import CHROMIUM, CHROMIUM_ARGS, serve_site

OPEN_SHADOW = ("(() => { const a = Element.prototype.attachShadow; Element.prototype.attachShadow"
               " = function (i) { return a.call(this, Object.assign({}, i, {mode: 'open'})); };"
               " })();")
DRAWN = ("() => { const h = document.querySelector('.mermaid');"
         " return !!(h && h.shadowRoot && h.shadowRoot.querySelector('svg g.node')); }")


def diagram_timing(site: Path, diagram_page: str, plain_page: str, runs: int = 5
                   ) -> dict[str, float]:
    """Median seconds from the load event to the drawn diagram (warm cache, as staff
    browsing the intranet have it), and Mermaid requests made by a page without one."""
    from playwright.sync_api import sync_playwright

    with serve_site(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.add_init_script(OPEN_SHADOW)
        page = context.new_page()
        times = []
        for _ in range(runs):
            page.goto(base + diagram_page, wait_until="load")
            loaded = page.evaluate("performance.timing.loadEventStart")
            page.wait_for_function(DRAWN, timeout=30_000)
            times.append((page.evaluate("Date.now()") - loaded) / 1000)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base + plain_page, wait_until="networkidle")
        browser.close()
    return {"diagram_s": sorted(times)[len(times) // 2],
            "plain_page_mermaid_requests": sum("mermaid" in url for url in requests)}
