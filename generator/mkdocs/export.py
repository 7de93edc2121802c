"""``sopgen export`` from a project's ``mkdocs.yml``: what the export needs from MkDocs.

The project's config gives the SOP folder, the plugin's options and the docs folder; the
export's own config is the project's without the sopgen plugin (the pages no longer need
it), with sopgen's site-wide stylesheet and the pages it keeps out of the nav named as
MkDocs' ``not_in_nav`` says it. Tags such as ``!!python/name:`` (Superfences' custom
fences) are kept as written: the engine that reads the export resolves them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

from generator.check.library import load_library
from generator.check.lint.run import load_config as load_lint_config
from generator.export import DOCS, OVERRIDES, export_site
from generator.mkdocs.build import SiteError, load_site_config
from generator.mkdocs.config import render_options
from generator.mkdocs.nav import nav_facts
from generator.render.assets import STYLESHEET
from generator.render.paths import FORM_KINDS, OFFICIAL_KIND, PRINTABLE_KINDS, QUALITY_PAGE
from generator.render.site import iter_site_pages
from generator.render.urls import file_relative_urls
from generator.site_dir import check_export_dir
from generator.user_error import UserError

OUT_OF_NAV = [*(f"*.{kind}.md" for kind in (*PRINTABLE_KINDS, OFFICIAL_KIND, *FORM_KINDS)),
              f"/{QUALITY_PAGE}"]
"""The pages the plugin keeps out of the nav (``render.paths.is_out_of_nav``) as patterns."""


ENGINES = ("zensical", "mkdocs")
"""What the export is for: engines differ in how they read relative URLs in raw HTML."""


def export_project(config_file: str, out: Path, engine: str = "zensical") -> int:
    """Export the site of ``config_file`` to ``out`` for ``engine``; returns the number of
    pages written. Zensical resolves the URLs of a page's raw HTML against its Markdown
    file, MkDocs keeps them as written (relative to the built page, as the render stage
    writes them): for Zensical they are rewritten (``urls.file_relative_urls``)."""
    from generator.mkdocs.plugin import SopgenPlugin

    config = load_site_config(config_file)
    plugin = config.plugins.get("sopgen")
    if not isinstance(plugin, SopgenPlugin):
        raise UserError(f"{config_file} does not use the sopgen plugin: nothing to export",
                        status=2)
    sop_dir = plugin.sop_path(config)
    config_path = Path(config.config_file_path)
    check_export_dir(out, config_path.parent, {
        "the config file": config_path, "the docs folder": Path(config.docs_dir),
        "the SOP folder": sop_dir})
    try:
        options = render_options(plugin.config, config)
    except PluginError as exc:
        raise SiteError(str(exc)) from None
    library = load_library(sop_dir, display_root=sop_dir.parent)
    withdrawn = nav_facts(library)[2]
    text = exported_config(config_path.read_text(encoding="utf-8"), withdrawn)
    custom = config.theme.custom_dir
    pages = iter_site_pages(library, options, None, load_lint_config(sop_dir))
    links = None if engine == "mkdocs" else partial(
        _file_relative, directory_urls=options.directory_urls)
    return export_site(out, pages, text, Path(config.docs_dir),
                       Path(custom) if custom else None, links)


def _file_relative(text: str, page: str, directory_urls: bool) -> str:
    return file_relative_urls(text, page, directory_urls)


class _Tagged:
    """A YAML value under a tag this module does not know, written back as it was read."""

    def __init__(self, tag: str, node: yaml.Node, value: Any) -> None:
        self.tag, self.kind, self.value = tag, type(node), value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(tag, node, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, node, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return _Tagged(tag, node, loader.construct_mapping(node, deep=True))


def _represent(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if data.kind is yaml.SequenceNode:
        return dumper.represent_sequence(data.tag, data.value)
    if data.kind is yaml.MappingNode:
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None  # not_in_nav, exclude_docs: one pattern a line
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Loader.add_multi_constructor("", _construct)
_Dumper.add_representer(_Tagged, _represent)
_Dumper.add_representer(str, _represent_text)


def exported_config(text: str, withdrawn: frozenset[str]) -> str:
    """The project's ``mkdocs.yml`` (``text``) for the export: no sopgen plugin, the docs in
    ``docs/``, the theme override in ``overrides/``, sopgen's stylesheet on every page,
    and the pages sopgen keeps out of the nav (printables, official documents, forms,
    quality notes, withdrawn SOPs) out of it."""
    try:
        config = yaml.load(text, Loader=_Loader)  # a SafeLoader: no code runs
    except yaml.YAMLError as exc:
        raise SiteError(f"mkdocs.yml: {exc}") from None
    if not isinstance(config, dict):
        raise SiteError("mkdocs.yml: not a mapping of options")
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):  # MkDocs also takes the plugins as a mapping
        config["plugins"] = {name: value for name, value in plugins.items() if name != "sopgen"}
    else:
        config["plugins"] = [p for p in plugins
                             if p != "sopgen" and not (isinstance(p, dict) and "sopgen" in p)]
    config["docs_dir"], config["site_dir"] = DOCS, "site"
    theme = config.get("theme")
    config["theme"] = {**(theme if isinstance(theme, dict) else {"name": theme}),
                       "custom_dir": OVERRIDES}
    css = list(config.get("extra_css") or [])
    config["extra_css"] = css if STYLESHEET in css else [*css, STYLESHEET]
    hidden = [*OUT_OF_NAV, *(f"/{page}" for page in sorted(withdrawn))]
    own = str(config.get("not_in_nav") or "").strip("\n")
    config["not_in_nav"] = "\n".join([own, *hidden] if own else hidden) + "\n"
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
