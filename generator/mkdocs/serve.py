"""``sopgen serve``: MkDocs' live-reload server, with a fast path for edits to SOP files.

MkDocs rebuilds the whole site on every change: at a thousand SOPs that is minutes. Here
the first build is a full one, and the plugin leaves its state (config, files, nav, theme
environment, rendered pages) in :data:`STATE`. When only SOP files changed, the SOPs are
loaded again (unchanged files from cache), rendered again (unchanged SOPs from cache), and
only the pages whose text changed go through MkDocs again, with the nav and theme of the
full build. Anything else (a new or deleted file, a changed title, docs/ or mkdocs.yml)
takes a full build. This module is the MkDocs-specific part of the edit loop; it uses
MkDocs' page builders (``_populate_page``, ``_build_page``), stable in MkDocs 1.6.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.check import library
from generator.render.cache import RenderCache
from generator.source.errors import SopValidationError

log = logging.getLogger("mkdocs.plugins.sopgen")
Snapshot = dict[str, tuple[int, int]]


@dataclass
class BuildState:
    """What the last full build left for the fast path."""

    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None
    sop_dir: Path | None = None
    render: Callable[[], dict[str, str]] | None = None
    pages: dict[str, str] = field(default_factory=dict)
    snapshot: Snapshot = field(default_factory=dict)
    complete: bool = False


STATE: BuildState | None = None
"""Set while ``sopgen serve`` runs; the plugin fills it during each full build."""
RENDER_CACHE = RenderCache()


def snapshot(paths: list[Path]) -> Snapshot:
    """Every file under ``paths`` with its modification time and size."""
    found: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def watched(state: BuildState) -> list[Path]:
    assert state.sop_dir is not None
    config = state.config
    return [Path(config.docs_dir), Path(config.config_file_path), state.sop_dir]


def fast_rebuild(state: BuildState) -> bool:
    """Rebuild only the pages an SOP edit changed; False when a full build is needed."""
    if not state.complete or state.render is None or state.sop_dir is None:
        return False
    now = snapshot(watched(state))
    changed = {p for p in now.keys() | state.snapshot.keys() if now.get(p) != state.snapshot.get(p)}
    if not changed:
        return True
    if set(now) != set(state.snapshot) or not all(
            Path(p).is_relative_to(state.sop_dir) for p in changed):
        return False
    try:
        pages = state.render()
    except SopValidationError:
        return False  # the full build shows every error
    if set(pages) != set(state.pages):
        return False
    edited = [path for path, text in pages.items() if text != state.pages[path]]
    if any(_front_matter(pages[path]) != _front_matter(state.pages[path]) for path in edited):
        return False  # a title changed: the nav of every page shows it
    _build_pages(state, {path: pages[path] for path in edited})
    state.pages, state.snapshot = pages, now
    log.info("sopgen: %d changed pages rebuilt", len(edited))
    return True


def _front_matter(text: str) -> str:
    return text.split("\n---", 1)[0]


def _build_pages(state: BuildState, pages: dict[str, str]) -> None:
    from mkdocs.commands.build import _build_page, _populate_page

    doc_files = state.files.documentation_pages()
    for path, text in pages.items():
        file = state.files.get_file_from_path(path)
        file.content_string = text
        _populate_page(file.page, state.config, state.files)
        _build_page(file.page, state.config, doc_files, state.nav, state.env)


def serve(config_file: str, dev_addr: str) -> None:
    """Serve the site with live reload until interrupted (what ``mkdocs serve`` does)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    global STATE
    STATE = BuildState()
    library.CACHE_FILES = True
    site_dir = tempfile.mkdtemp(prefix="sopgen_")
    config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    serve_url = f"http://{host}:{port}{urlsplit(config.site_url or '/').path}"

    def builder(new_config: Any = None) -> None:
        assert STATE is not None
        if new_config is None and fast_rebuild(STATE):
            return
        new_config = new_config or load_config(config_file=config_file, site_dir=site_dir,
                                               dev_addr=dev_addr)
        new_config.site_url = serve_url
        STATE.complete = False
        build(new_config, serve_url=serve_url)
        STATE.snapshot = snapshot(watched(STATE))
        STATE.complete = True

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                              mount_path=urlsplit(serve_url).path)
    try:
        config.site_url = serve_url
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
        STATE = None
