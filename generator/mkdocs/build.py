"""MkDocs' build and serve commands as the CLI and the PDF printer use them.

The command line never imports MkDocs itself: loading ``mkdocs.yml``, building and serving
go through here, and MkDocs' own errors come back as :class:`SiteError` with one line of
reason, so the day the site engine changes only this package changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


class SiteError(Exception):
    """The site engine refused the config or failed the build; its reasons are logged."""


def load_site_config(config_file: str, **overrides: Any) -> Any:
    """The loaded ``mkdocs.yml`` (``site_dir`` and other options may be overridden)."""
    try:
        return load_config(config_file=config_file, **overrides)
    except MkDocsException as exc:
        raise SiteError(_reason(exc)) from None


def build_site(config: Any) -> None:
    """Build the site that ``config`` describes into its ``site_dir``."""
    try:
        build(config)
    except MkDocsException as exc:
        raise SiteError(_reason(exc)) from None


def sop_dir_of(config: Any) -> Path | None:
    """The SOP folder of the site, or None when its config does not use the sopgen plugin."""
    from generator.mkdocs.plugin import SopgenPlugin

    plugin = config.plugins.get("sopgen")
    return plugin.sop_path(config) if isinstance(plugin, SopgenPlugin) else None


def serve_site(config_file: str, dev_addr: str) -> None:
    """MkDocs' live-reload server; the sopgen plugin adds the fast path for SOP edits."""
    from mkdocs.commands.serve import serve

    serve(config_file=config_file, dev_addr=dev_addr)


def _reason(exc: MkDocsException) -> str:
    """MkDocs has logged the reasons already; its Abort only says that it stopped."""
    return "" if isinstance(exc, Abort) else str(exc)
