"""``sopgen pdf``: print pages of the built site to PDF files with headless Chromium.

A PDF must be exactly what staff get from the browser's own print, so nothing is laid out
a second time: the built site is served on 127.0.0.1 and the same Chromium prints the same
page with the same print CSS (paper size, margins and page numbers come from ``@page``).
Every request off the machine is refused, so a PDF can never depend on the internet.

What gets printed is a list of :class:`PrintJob`. Each feature adds a function to
``JOB_SOURCES`` that lists the jobs of one SOP (as features add page renderers in render.py).
"""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from generator.check.library import Library, SopEntry, load_library
from generator.render.printables import PRINTABLE_KINDS, printable_path
from generator.render.urls import page_url
from generator.render.view import sop_page_path
from generator.user_error import UserError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@dataclass(frozen=True)
class PrintJob:
    """One page of the site printed to one PDF; paper and orientation are the fallback for
    a page whose CSS names no ``@page`` size (the page's own CSS wins)."""

    page: str
    output: str
    paper: str = "A4"
    landscape: bool = False


JobSource = Callable[[SopEntry], list[PrintJob]]


def printable_jobs(entry: SopEntry) -> list[PrintJob]:
    """The checklist and the step cards of one SOP, as ``<unit>/<sop>.<kind>.pdf``."""
    page = sop_page_path(entry)
    return [PrintJob(path, f"{path.removesuffix('.md')}.pdf")
            for path in (printable_path(page, kind) for kind in PRINTABLE_KINDS)]


def _official_jobs(entry: SopEntry) -> list[PrintJob]:
    from generator.pdf.official import (
        official_jobs,  # official_pdf imports this module: import late
    )

    return official_jobs(entry)


JOB_SOURCES: tuple[JobSource, ...] = (printable_jobs, _official_jobs)
"""Every feature that prints PDFs lists its jobs per SOP here."""


class UnknownSopError(UserError):
    """A name on the command line that is no SOP of the library (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=2)


class PrintError(UserError):
    """Nothing sensible to print: no chromium, a page missing from the site, no plugin."""


def select(library: Library, names: Sequence[str]) -> list[SopEntry]:
    """The SOPs named by id (``pengukuran-kinerja``) or path (``disdukcapil/...``); all
    of them when no name is given. Every unknown name is reported, not just the first."""
    if not names:
        return list(library.entries)
    keys = {key: entry for entry in library.entries
            for key in (entry.id, sop_page_path(entry).removesuffix(".md"))}
    unknown = [name for name in names if name not in keys]
    if unknown:
        raise UnknownSopError(f"no SOP named {', '.join(unknown)} (known: "
                              f"{', '.join(entry.id for entry in library.entries)})")
    chosen = {keys[name].id: keys[name] for name in names}
    return list(chosen.values())


def jobs_for(entries: Sequence[SopEntry]) -> list[PrintJob]:
    """Every print job of the given SOPs, SOP by SOP."""
    return [job for entry in entries for source in JOB_SOURCES for job in source(entry)]


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
    os.replace(tmp, target)


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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``sopgen pdf`` (cli.py registers the sub-command)."""
    parser.add_argument("sops", nargs="*", metavar="SOP",
                        help="SOP ids or unit/id paths to print (default: every SOP)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-o", "--output", default="pdf", help="folder for the PDF files")
    parser.add_argument("--site", default=None,
                        help="print from this built site instead of building one first")
    parser.set_defaults(func=command)


def _library(config: Any, config_file: str) -> Library:
    """The SOPs of the site that ``config`` (a loaded mkdocs.yml) builds."""
    from generator.mkdocs.build import sop_dir_of

    sop_dir = sop_dir_of(config)
    if sop_dir is None:
        raise PrintError(f"{config_file} does not use the sopgen plugin")
    return load_library(sop_dir, display_root=sop_dir.parent)


def command(args: argparse.Namespace) -> int:
    """Build the site into a temporary folder (unless --site names a built one), then print
    the jobs of the chosen SOPs, one progress line per file. Errors go to ``cli.main``."""
    from generator.mkdocs.build import build_site, load_site_config

    with tempfile.TemporaryDirectory(prefix="sopgen-pdf-") as tmp:
        config = load_site_config(args.config_file, site_dir=args.site or tmp)
        jobs = jobs_for(select(_library(config, args.config_file), args.sops))
        if args.site is None:
            build_site(config)
        print(f"printing {len(jobs)} PDF files to {args.output}", flush=True)
        print_jobs(Path(config.site_dir), jobs, Path(args.output), config.use_directory_urls,
                   lambda n, total, job, path: print(f"[{n}/{total}] {path}", flush=True))
    return 0
