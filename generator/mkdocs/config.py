"""The plugin's options in ``mkdocs.yml`` and what they become for the render stage.

Every option is checked here, before anything is rendered: a bad value stops the build
with one line naming the option, and the site stays as it was.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.render.assets import IFRAME_WORKER_SHIM
from generator.render.options import DEFAULT_STEPS_PER_PAGE, OfficialSettings, RenderOptions


class SopgenConfig(Config):
    """Plugin options in mkdocs.yml."""

    sop_dir = opt.Type(str, default="sop")
    language = opt.Choice(("id", "en"), default="id")
    today = opt.Optional(opt.Type(str))
    """The date the review page counts from (YYYY-MM-DD); default: the day of the build."""
    official_steps_per_page = opt.Type(int, default=DEFAULT_STEPS_PER_PAGE)
    """Steps per printed page of the official flowchart (Permen PAN-RB 35/2012)."""
    official_logo = opt.Optional(opt.Type(str))
    """The office's logo on the official identity page: an image path inside docs_dir."""
    lint_notes = opt.Type(bool, default=False)
    """Show each SOP page's count of quality notes (``sopgen lint``): for authors' builds."""


def sop_folder(options: SopgenConfig, config: MkDocsConfig) -> Path:
    """The SOP folder, relative to mkdocs.yml."""
    base = Path(config.config_file_path or ".").resolve().parent
    return base / options.sop_dir


def render_options(options: SopgenConfig, config: MkDocsConfig) -> RenderOptions:
    """What the render stage needs, from the plugin's options and the site's URL style."""
    return RenderOptions(language=options.language, directory_urls=config.use_directory_urls,
                         today=_today(options), official=_official(options, config),
                         show_lint=options.lint_notes, site_url=config.site_url or None)


def _official(options: SopgenConfig, config: MkDocsConfig) -> OfficialSettings:
    logo = options.official_logo
    if logo and not (Path(config.docs_dir) / logo).is_file():
        raise PluginError(f"sopgen: official_logo: '{logo}' is not a file in {config.docs_dir}")
    try:
        return OfficialSettings(options.official_steps_per_page, logo)
    except ValueError as exc:
        raise PluginError(f"sopgen: official_steps_per_page: {exc}") from None


def _today(options: SopgenConfig) -> datetime.date:
    if options.today is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(options.today)
    except ValueError:
        raise PluginError(f"sopgen: today: '{options.today}' is not a date "
                          "(YYYY-MM-DD)") from None


def ship_worker_shim(config: MkDocsConfig) -> None:
    """Material's offline plugin (the site opened from a folder, file://) would load its
    Web Worker shim for search from a CDN unless one is configured: the shipped copy is."""
    if not any(name == "offline" or name.endswith("/offline") for name in config.plugins):
        return
    polyfills = list(config.extra.get("polyfills") or [])
    if not any("iframe-worker" in str(script) for script in polyfills):
        config.extra["polyfills"] = [*polyfills, IFRAME_WORKER_SHIM]
