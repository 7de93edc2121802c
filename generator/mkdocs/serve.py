"""``sopgen serve``: MkDocs' own live-reload server, with a fast path for edits to SOP files.

MkDocs rebuilds the whole site on every change: at a thousand SOPs that is minutes. Here
the first build is a full one, and the plugin records in its :class:`ServeSession` what the
fast path needs (config, files, nav, theme environment, rendered pages). When only SOP
files changed, the SOPs are loaded again (unchanged files from cache), rendered again
(unchanged SOPs from cache), and only the pages whose text changed go through MkDocs
again, with the nav and theme of the full build; the search index is refreshed for them.
Anything else (a new or deleted file, a changed title, docs/ or mkdocs.yml) takes a full
build. A failed rebuild shows its errors in the browser (error_page.py) instead of leaving
requests waiting. The session lives on the plugin instance, which MkDocs keeps for the whole serve
(plugins with ``on_startup`` are not recreated on rebuilds): no module-level state.

The fast path uses two private MkDocs functions (``_populate_page``, ``_build_page``,
stable through MkDocs 1.6). They are looked up once; where they are missing every change
takes MkDocs' full rebuild, which is slower but always right.
"""

from __future__ import annotations

import gc
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException

from generator.check.library import FileCache
from generator.mkdocs.error_page import or_errors, show_errors
from generator.render.cache import RenderCache
from generator.render.slots import is_side_file
from generator.source.errors import SopValidationError

log = logging.getLogger("mkdocs.plugins.sopgen")
Snapshot = dict[str, tuple[int, int]]
SEARCH_PLUGINS = ("material/search", "search")
"""Names the search plugin goes by: Material's own, or MkDocs' when another theme is used."""
PageBuilders = tuple[Callable[..., Any], Callable[..., Any]]
SOP_POLLING = 0.2
"""Seconds between looks at the SOP folder for edits (MkDocs looks every 0.5 s, which was
half of the time an edit took to show): a look at a thousand files takes milliseconds."""


BUILD_DELAY = 0.02
"""Seconds MkDocs waits after a change for more before it builds (its own: 0.1 s). Its
polling watcher reports all the changes of one look together, and the next look comes
:data:`SOP_POLLING` s later: a longer wait catches nothing more, it only delays the page."""


def poll_sooner(server: Any) -> None:
    """Let MkDocs' watcher look at the folders watched from now on every
    :data:`SOP_POLLING` seconds, and build :data:`BUILD_DELAY` s after it saw a change.
    Its polling observer takes the interval of each new watch from a private attribute;
    where that or the server's delay is missing, MkDocs' own stay."""
    delay = getattr(server, "build_delay", None)
    if isinstance(delay, int | float) and not isinstance(delay, bool):
        server.build_delay = min(delay, BUILD_DELAY)
    observer = getattr(server, "observer", None)
    interval = getattr(observer, "_timeout", None)
    if isinstance(interval, int | float) and not isinstance(interval, bool):
        observer._timeout = min(interval, SOP_POLLING)  # type: ignore[union-attr]


def page_builders() -> PageBuilders | None:
    """MkDocs' per-page build functions, or None where this MkDocs has none by that name."""
    build = importlib.import_module("mkdocs.commands.build")
    populate, render = (getattr(build, name, None) for name in ("_populate_page", "_build_page"))
    return (populate, render) if callable(populate) and callable(render) else None


@dataclass
class ServeSession:
    """What the last full build left for the fast path, and the caches kept between
    rebuilds. Created by the plugin's ``on_startup`` when MkDocs serves."""

    builders: PageBuilders | None = field(default_factory=page_builders)
    files_cache: FileCache = field(default_factory=FileCache)
    render_cache: RenderCache = field(default_factory=RenderCache)
    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None
    sop_dir: Path | None = None
    render: Callable[[], dict[str, str]] | None = None
    pages: dict[str, str] = field(default_factory=dict)
    snapshot: Snapshot = field(default_factory=dict)
    complete: bool = False
    fast: bool = False
    """True while the fast path builds pages."""
    failure: str | None = None
    """Why the running build failed, as the plugin's ``on_build_error`` heard it."""
    errors: str | None = None
    """The errors of the last build while it failed; the browser is shown them."""

    def built(self) -> None:
        """A full build ended: remember the watched files as they are now (the fast path
        remembers its own look at them), and leave what it made out of the collector's
        full passes (:func:`gc.freeze`): they walked every object of the site, a second
        at a thousand SOPs, in the middle of whichever edit came across one."""
        if not self.fast:
            self.snapshot = snapshot(self.watched())
        self.complete = True
        gc.freeze()

    def watched(self) -> list[Path]:
        if self.config is None or self.sop_dir is None:
            return []
        return [Path(self.config.docs_dir), Path(self.config.config_file_path), self.sop_dir]

    def attach(self, server: Any) -> None:
        """Give MkDocs' live-reload server the fast path and the error page."""
        server.builder = self.wrap(server.builder)
        server.set_app(show_errors(server.get_app(), lambda: self.errors))
        server.error_handler = or_errors(server.error_handler, lambda: self.errors)

    def wrap(self, full_build: Callable[..., Any]) -> Callable[..., Any]:
        """The server's builder: the fast path first, MkDocs' full build when it declines.
        A failed build is not raised to the server (which would keep every request waiting
        for a good one): its errors are kept for the error page until a build succeeds."""
        def builder(config: Any = None) -> Any:
            self.failure = None
            try:
                if config is None and fast_rebuild(self):
                    self.errors = None
                    return None
                self.complete = False
                gc.unfreeze()  # the last build's objects may be freed now
                result = full_build(config) if config is not None else full_build()
            except Exception as exc:
                if not isinstance(exc, MkDocsException):
                    log.exception("sopgen: the rebuild failed")  # a bug: keep its traceback
                self.errors = self.failure or f"{type(exc).__name__}: {exc}"
                log.error("sopgen: the site was not rebuilt; the browser shows why")
                return None
            self.errors = None
            return result
        return builder


def snapshot(paths: list[Path]) -> Snapshot:
    """Every file under ``paths`` with its modification time and size."""
    found: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def fast_rebuild(session: ServeSession) -> bool:
    """Rebuild only the pages an SOP edit changed; False when a full build is needed."""
    if not session.complete or session.render is None or session.sop_dir is None:
        return False
    if session.builders is None or _search_entries(session.config) is None:
        return False
    now = snapshot(session.watched())
    changed = {p for p in now.keys() | session.snapshot.keys()
               if now.get(p) != session.snapshot.get(p)}
    if not changed:
        return True
    if set(now) != set(session.snapshot) or not all(
            Path(p).is_relative_to(session.sop_dir) for p in changed):
        return False
    try:
        pages = session.render()
    except SopValidationError:
        return False  # the full build shows every error
    if set(pages) != set(session.pages):
        return False
    edited = [path for path, text in pages.items()
              if text != session.pages[path] and not is_side_file(path)]
    if any(_front_matter(pages[path]) != _front_matter(session.pages[path]) for path in edited):
        return False  # a title changed: the nav of every page shows it
    session.pages = pages  # before building: a page's slot is filled from its side file
    session.fast = True
    try:
        _build_pages(session, {path: pages[path] for path in edited})
    finally:
        session.fast = False
    session.snapshot = now
    log.info("sopgen: %d changed pages rebuilt", len(edited))
    return True


def _front_matter(text: str) -> str:
    return text.split("\n---", 1)[0]


def _search_entries(config: Any) -> list[dict[str, Any]] | None:
    """The search plugin's index entries (Material's ``search``), [] without a search
    plugin, None when the plugin keeps its index in a shape the fast path does not know."""
    plugins = config.plugins if config is not None else {}
    search = next((plugins[key] for key in SEARCH_PLUGINS if key in plugins), None)
    if search is None:
        return []
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def _build_pages(session: ServeSession, pages: dict[str, str]) -> None:
    """Build ``pages`` again as MkDocs would, then write the search index anew: each page's
    old entries are dropped first, and building the page adds its new ones."""
    assert session.builders is not None
    populate, render = session.builders
    config, files = session.config, session.files
    entries = _search_entries(config) or []
    urls = {files.get_file_from_path(path).url for path in pages}
    entries[:] = [entry for entry in entries
                  if str(entry.get("location", "")).split("#", 1)[0] not in urls]
    doc_files = files.documentation_pages()
    for path, text in pages.items():
        file = files.get_file_from_path(path)
        file.content_string = text
        populate(file.page, config, files)
        render(file.page, config, doc_files, session.nav, session.env)
    config.plugins.on_post_build(config=config)
