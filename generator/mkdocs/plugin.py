"""The MkDocs plugin: a thin adapter from MkDocs events to the pure stages.

``on_files`` runs load -> validate -> render and hands MkDocs the pages as generated files;
``on_post_page`` fills each built page's slots with their side files (the SVGs and big tables,
which so skip Markdown: ``render.slots``), adds the assets the page needs and minifies
it (``pages.py``); ``on_serve`` watches the SOP folder and puts ``serve.py``'s fast path first.
Options are read in ``config.py``; nothing here renders or writes a page itself.
"""

from __future__ import annotations

import gc
import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.check.library import load_library
from generator.check.lint.run import load_config as load_lint_config
from generator.mkdocs.config import SopgenConfig, render_options, ship_worker_shim, sop_folder
from generator.mkdocs.content import name_search_dialog, prepare_content, space_blocks
from generator.mkdocs.nav import arrange_units, keep_printables_out_of_nav, nav_facts, replace_file
from generator.mkdocs.pages import finish_page, shipped_mermaid
from generator.mkdocs.serve import ServeSession, poll_sooner
from generator.mkdocs.sheet import add_sheet_template, choose_template
from generator.mkdocs.slim import Finishing, finishing
from generator.mkdocs.theme_files import drop_unused_theme_files
from generator.render.assets import STYLESHEET, site_assets
from generator.render.locale import labels
from generator.render.paths import ROLES_PAGE
from generator.render.site import iter_site_pages
from generator.render.slots import fill_slots, is_side_file
from generator.site_dir import SCRATCH
from generator.source.errors import SopValidationError
from generator.write import write_scratch

log = logging.getLogger("mkdocs.plugins.sopgen")


class SopgenPlugin(BasePlugin[SopgenConfig]):
    """Builds the SOP pages of the site from the YAML files in ``sop_dir``."""

    unit_titles: dict[str, str] = {}  # noqa: RUF012  (replaced per build in on_files)
    office_titles: dict[str, str] = {}  # noqa: RUF012  (replaced per build in on_files)
    withdrawn_pages: frozenset[str] = frozenset()
    finishing = Finishing()
    pages_dir: Path | None = None
    side_files: frozenset[str] | set[str] = frozenset()
    session: ServeSession | None = None
    """Set while MkDocs serves (``on_startup``): the fast path's state and caches."""

    def sop_path(self, config: MkDocsConfig) -> Path:
        """The SOP folder, relative to mkdocs.yml."""
        return sop_folder(self.config, config)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``serve`` keep caches between rebuilds (MkDocs keeps this plugin instance
        for the whole serve because it has this event)."""
        self.session = ServeSession() if command == "serve" else None

    def on_shutdown(self) -> None:
        self.session = None
        gc.unfreeze()  # a serve froze its site's objects (ServeSession.built)

    @event_priority(100)  # before mkdocs-mermaid2's and offline's own on_config ask a CDN
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        ship_worker_shim(config)
        add_sheet_template(config)
        mermaid2 = config.plugins.get("mermaid2")
        self.finishing = finishing(config)
        if mermaid2 is not None and not mermaid2.config.get("javascript"):
            # mkdocs-mermaid2 would load its Mermaid from a CDN and ask the CDN during the
            # build; its own option gives it the pinned copy we ship (it asks nobody).
            mermaid2.config["javascript"] = str(shipped_mermaid())
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        sop_dir = self.sop_path(config)
        options = render_options(self.config, config)
        session = self.session
        cache = session.render_cache if session is not None else None
        files_cache = session.files_cache if session is not None else None

        def pages() -> Iterator[tuple[str, str]]:
            started = time.perf_counter()
            library = load_library(sop_dir, display_root=sop_dir.parent, cache=files_cache)
            loaded = time.perf_counter()
            self.unit_titles, self.office_titles, self.withdrawn_pages = nav_facts(library)
            count = 0
            for item in iter_site_pages(library, options, cache, load_lint_config(sop_dir)):
                count += 1
                yield item
            log.info("sopgen: %d SOPs loaded in %.2f s, %d pages rendered in %.2f s",
                     len(library.entries), loaded - started, count,
                     time.perf_counter() - loaded)

        try:
            if session is None:
                self._write_pages(pages(), files, config)
            else:  # serve: pages in memory, and what its fast path needs
                rendered = dict(pages())
                for path, text in rendered.items():
                    if not is_side_file(path):
                        replace_file(files, File.generated(config, path, content=text))
                session.config, session.files, session.sop_dir = config, files, sop_dir
                session.render, session.pages = lambda: dict(pages()), rendered
        except SopValidationError as exc:
            raise PluginError(f"sopgen: the SOP files have errors:\n{exc.report()}") from None
        for path, source in site_assets().items():
            replace_file(files, File.generated(config, path, abs_src_path=str(source)))
        keep_printables_out_of_nav(files, self.withdrawn_pages)
        drop_unused_theme_files(files, config)
        return files

    def _write_pages(self, pages: Iterator[tuple[str, str]], files: Files,
                     config: MkDocsConfig) -> None:
        """Each page to a scratch folder as it is rendered, and to MkDocs as a file there:
        MkDocs reads pages on demand, so the whole site's text is never held twice. The
        folder lies inside the site being built (MkDocs' clean keeps dot-folders), so a
        killed build leaves it where the next build of that site removes it."""
        self.pages_dir = Path(config.site_dir) / SCRATCH
        shutil.rmtree(self.pages_dir, ignore_errors=True)
        self.side_files = set()
        for path, text in pages:
            write_scratch(self.pages_dir / path, text)
            if is_side_file(path):  # HTML for a page's slot (on_post_page), not a page
                self.side_files.add(path)
            else:
                replace_file(files, File(path, str(self.pages_dir), config.site_dir,
                                         config.use_directory_urls))

    def side_file(self, path: str) -> str | None:
        """The HTML of one of this build's side files (None for any other path): from
        memory under serve, else from the scratch folder, read when its page needs it."""
        if self.session is not None:
            return self.session.pages.get(path) if is_side_file(path) else None
        if self.pages_dir is None or path not in self.side_files:
            return None
        return (self.pages_dir / path).read_text(encoding="utf-8")

    def _slot_html(self, path: str) -> str | None:
        """A side file's HTML spaced as ``on_page_content`` spaces the rest of the page."""
        found = self.side_file(path)
        return None if found is None else space_blocks(found)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._drop_pages_dir()
        if self.session is not None:
            self.session.built()

    def on_build_error(self, *, error: Exception) -> None:
        self._drop_pages_dir()
        if self.session is not None:
            self.session.failure = str(error)

    def _drop_pages_dir(self) -> None:
        if self.pages_dir is not None:
            shutil.rmtree(self.pages_dir, ignore_errors=True)
            self.pages_dir = None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.session is not None:
            self.session.env = env
        return env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Units first, each section named after its unit, not after its folder.

        Titles are HTML-escaped: the theme prints nav titles without escaping."""
        names = labels(self.config.language)
        arrange_units(nav.items, self.unit_titles, {ROLES_PAGE: str(escape(names["roles"]))},
                      self.office_titles)
        if self.session is not None:
            self.session.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """A hand-written page may carry its title in the site's language (``title_en``);
        a sheet to print is built with the sheet template."""
        choose_template(page.meta, page.file.src_uri)
        title = page.meta.get(f"title_{self.config.language}")
        if isinstance(title, str):
            page.meta["title"] = title
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """What search indexes (no diagram source, no words run together), and the
        diagram's frame."""
        return prepare_content(html, labels(self.config.language)["diagram_frame"])

    @event_priority(-100)  # after mkdocs-mermaid2 has added its script
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = fill_slots(output, self._slot_html)  # after conversion and search
        output = name_search_dialog(output, labels(self.config.language)["search_dialog"])
        return finish_page(output, page.url, self.finishing)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        poll_sooner(server)  # before watching the SOPs: a watch keeps its interval
        server.watch(str(self.sop_path(config)))
        if self.session is not None:
            self.session.attach(server)
        return server
