"""The theme's files a site never loads (source maps, other languages' search splitters)
are left out; the ones its search loads stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.mkdocs.theme_files import lunr_files, unused_theme_file

WORKERS = Path(__import__("material").__file__).parent / "templates/assets/javascripts/workers"


def _worker_choice(languages: list[str]) -> set[str]:
    """What Material's own search worker imports, read from its shipped source: the
    ``switch`` on each language, then ``lunr.multi`` and ``lunr.stemmer.support``."""
    source = next(WORKERS.glob("search.*.min.js")).read_text(encoding="utf-8")
    assert 'case"ja":r.push(`${e}/tinyseg.js`)' in source, "Material's worker changed"
    assert 'case"hi":case"th":r.push(`${e}/wordcut.js`)' in source
    assert re.search(r'n!=="en"&&r\.push\(`\$\{e\}/min/lunr\.\$\{n\}\.min\.js`\)', source)
    assert 't.lang.length>1&&r.push(`${e}/min/lunr.multi.min.js`)' in source
    chosen: set[str] = set()
    for lang in languages:
        chosen |= {"tinyseg.js"} if lang == "ja" else set()
        chosen |= {"wordcut.js"} if lang in ("hi", "th") else set()
        chosen |= {f"min/lunr.{lang}.min.js"} if lang != "en" else set()
    chosen |= {"min/lunr.multi.min.js"} if len(languages) > 1 else set()
    chosen |= {"min/lunr.stemmer.support.min.js"} if chosen else set()
    return {"assets/javascripts/lunr/" + name for name in chosen}


@pytest.mark.parametrize("languages", [["en"], ["id"], ["en", "ja"], ["th"], ["de", "hi"]])
def test_the_kept_splitters_are_the_ones_the_worker_imports(languages: list[str]) -> None:
    assert lunr_files(languages) == _worker_choice(languages)


def test_maps_and_unused_splitters_are_unused() -> None:
    kept = lunr_files(["en"])
    assert unused_theme_file("assets/javascripts/bundle.1.min.js.map", kept)
    assert unused_theme_file("assets/stylesheets/main.1.min.css.map", kept)
    assert unused_theme_file("assets/javascripts/lunr/min/lunr.de.min.js", kept)
    assert not unused_theme_file("assets/javascripts/bundle.1.min.js", kept)
    assert not unused_theme_file("assets/sopgen/x.js.map", kept)  # not the theme's folder
    assert not unused_theme_file("assets/javascripts/lunr/min/lunr.de.min.js", None)


def test_the_built_site_has_no_maps_and_no_unused_splitters(seed_site: Path) -> None:
    assets = seed_site / "assets"
    assert list(assets.rglob("*.map")) == []
    assert not (assets / "javascripts" / "lunr").exists()  # the seed searches in "en" only
    assert list((assets / "javascripts" / "workers").glob("search.*.min.js"))
    assert list((assets / "javascripts").glob("bundle.*.min.js"))


def test_an_authors_file_at_a_theme_path_is_kept(tmp_path: Path) -> None:
    from helpers.site import build_project, make_project

    project = make_project(tmp_path)
    own = project / "docs" / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js"
    own.parent.mkdir(parents=True)
    own.write_text("/* the author's own */", encoding="utf-8")
    site = build_project(project)
    assert (site / "assets/javascripts/lunr/min/lunr.de.min.js").read_text(
        encoding="utf-8") == "/* the author's own */"
    assert not (site / "assets/javascripts/lunr/min/lunr.fr.min.js").exists()
