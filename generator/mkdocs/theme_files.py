"""The theme's files a built site never loads, left out of it.

Material copies its whole ``assets`` folder into every site: source maps for its scripts and
styles (read only by a browser's developer tools), and the search word-splitters of some
thirty languages, of which its search worker loads only those of the search plugin's
``lang``. They weigh 2.2 MB, as much as the pages of 20 SOPs. Only files that come from a
theme folder are left out: a file of the author's ``docs/`` with the same path is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

_LUNR = "assets/javascripts/lunr/"
_MAPPED = ("assets/javascripts/", "assets/stylesheets/")


def search_languages(config: MkDocsConfig) -> list[str] | None:
    """The languages Material's search worker loads splitters for (None: unknown, or no
    Material search, so nothing is left out)."""
    plugin = config.plugins.get("material/search")
    languages = getattr(getattr(plugin, "config", None), "lang", None)
    return [str(lang) for lang in languages] if isinstance(languages, list) else None


def lunr_files(languages: Iterable[str]) -> set[str]:
    """The files under ``assets/javascripts/lunr/`` the search worker imports for these
    languages: the same choice as the worker's own (Material 9.x, ``setupSearchLanguages``)."""
    wanted: set[str] = set()
    languages = list(languages)
    for lang in languages:
        if lang == "ja":
            wanted.add("tinyseg.js")
        if lang in ("hi", "th"):
            wanted.add("wordcut.js")
        if lang != "en":
            wanted.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        wanted.add("min/lunr.multi.min.js")
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    return {_LUNR + name for name in wanted}


def unused_theme_file(src_uri: str, kept_lunr: set[str] | None) -> bool:
    """Whether a theme file is one the site never loads: a source map of the theme's
    scripts or styles, or a search splitter of a language the search does not use."""
    if src_uri.endswith(".map") and src_uri.startswith(_MAPPED):
        return True
    return kept_lunr is not None and src_uri.startswith(_LUNR) and src_uri not in kept_lunr


def drop_unused_theme_files(files: Files, config: MkDocsConfig) -> None:
    """Leave out of the site the theme's files it never loads (see the module's text)."""
    languages = search_languages(config)
    kept_lunr = None if languages is None else lunr_files(languages)
    theme_dirs = [Path(folder).resolve() for folder in config.theme.dirs]
    for file in list(files):
        source = file.abs_src_path
        if (source is not None and unused_theme_file(file.src_uri, kept_lunr)
                and any(Path(source).resolve().is_relative_to(d) for d in theme_dirs)):
            files.remove(file)
