"""Print pages of a built site to PDF files with headless Chromium (Debian's chromium).

Nothing is laid out a second time: the built site is served on 127.0.0.1 and Chromium
prints each page with its own print CSS (paper size, margins and page numbers come from
``@page``). Every request off the machine is refused, so a PDF never needs the internet.
"""

from __future__ import annotations

import functools
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from generator.pdf.jobs import PrintJob
from generator.render.urls import page_url
from generator.user_error import UserError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class PrintError(UserError):
    """Nothing sensible to print: no chromium, a page missing from the site, no plugin."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve a built site (any folder) on 127.0.0.1 at a free port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _offline(route: Any) -> None:
    """Let loopback requests through, refuse the rest: a PDF never needs the internet."""
    host = urlparse(route.request.url).hostname or ""
    if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort()


def _print_one(browser: Any, url: str, job: PrintJob, target: Path) -> None:
    """Print one page to ``target``; the file appears only once it is complete."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*", _offline)
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            status = response.status if response else "no response"
            raise PrintError(f"{url} could not be opened ({status}): is the site built?")
        page.evaluate("document.fonts.ready.then(() => true)")
        data = page.pdf(format=job.paper, landscape=job.landscape, print_background=True,
                        prefer_css_page_size=True)
    finally:
        context.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 600 would hide the PDF from colleagues
    os.replace(tmp, target)


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


Progress = Callable[[int, int, PrintJob, Path], None]


def print_jobs(site_dir: Path, jobs: Sequence[PrintJob], out_dir: Path,
               use_directory_urls: bool = True, progress: Progress | None = None,
               browser: Any = None) -> list[Path]:
    """Print every job from the built site in ``site_dir``; returns the PDF files written.
    ``progress`` hears of each file as it is written (long runs print hundreds). A caller
    that already drives a playwright browser passes it; else Debian's chromium is started."""
    if browser is not None:
        return _print_all(browser, site_dir, jobs, out_dir, use_directory_urls, progress)
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise PrintError(f"{CHROMIUM} is missing: install Debian's chromium package")
    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _print_all(own, site_dir, jobs, out_dir, use_directory_urls, progress)
        finally:
            own.close()


def _print_all(browser: Any, site_dir: Path, jobs: Sequence[PrintJob], out_dir: Path,
               use_directory_urls: bool, progress: Progress | None) -> list[Path]:
    written = []
    with serve_site(site_dir) as base:
        for number, job in enumerate(jobs, start=1):
            target = out_dir / job.output
            _print_one(browser, base + page_url(job.page, use_directory_urls), job, target)
            written.append(target)
            if progress:
                progress(number, len(jobs), job, target)
    return written
