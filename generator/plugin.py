"""The MkDocs plugin: a thin adapter from MkDocs events to the pure stages.

``on_files`` runs load -> validate -> render and hands MkDocs the pages as generated files;
``on_post_page`` adds the pinned Mermaid only to pages that draw a diagram; ``on_serve``
watches the SOP folder so ``mkdocs serve`` rebuilds when a YAML file changes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .assets import MERMAID_SCRIPT, STYLESHEET, page_needs_mermaid, site_assets
from .errors import SopValidationError
from .library import load_library
from .render import render_site

_BUNDLE_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[^"]*"')


class SopgenConfig(Config):
    """Plugin options in mkdocs.yml."""

    sop_dir = opt.Type(str, default="sop")
    language = opt.Choice(("id", "en"), default="id")


class SopgenPlugin(BasePlugin[SopgenConfig]):
    """Builds the SOP pages of the site from the YAML files in ``sop_dir``."""

    def sop_path(self, config: MkDocsConfig) -> Path:
        """The SOP folder, relative to mkdocs.yml."""
        base = Path(config.config_file_path or ".").resolve().parent
        return base / self.config.sop_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        sop_dir = self.sop_path(config)
        try:
            library = load_library(sop_dir, display_root=sop_dir.parent)
        except SopValidationError as exc:
            raise PluginError(f"sopgen: the SOP files have errors:\n{exc.report()}") from None
        for path, text in render_site(library, self.config.language).items():
            _replace(files, File.generated(config, path, content=text))
        for path, source in site_assets().items():
            _replace(files, File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not page_needs_mermaid(output):
            return output
        src = get_relative_url(MERMAID_SCRIPT, page.url)
        tag = f'<script src="{src}"></script>\n'
        match = _BUNDLE_SCRIPT.search(output)
        at = match.start() if match else output.rindex("</body>")
        return output[:at] + tag + output[at:]

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.sop_path(config)))
        return server


def _replace(files: Files, file: File) -> None:
    """Add a generated file; it takes the place of a hand-written one at the same path."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
