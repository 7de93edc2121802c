"""``sopgen export``: a docs folder that engines without sopgen build, complete and offline.

The export of the seed project holds every page the render stage gives (slots filled, the
official sheets in), every asset a page names exists, MkDocs builds it without the plugin
and so does Zensical (the successor engine), and in a browser the Zensical site draws
its diagram with the shipped Mermaid and asks no other host for anything. A wrong folder
is refused with one line and exit 2, and nothing sopgen did not write is touched.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

from bench.corpus import make_corpus
from generator.check.library import load_library
from generator.cli import main
from generator.render.assets import MERMAID_SCRIPT
from generator.render.page_assets import markdown_needs_mermaid
from generator.render.site import render_site
from generator.render.slots import is_side_file
from generator.site_dir import EXPORT_MARKER
from helpers.browser import open_page
from helpers.site import make_project, serve
from helpers.tree import changes, snapshot

SOP_PAGE = "disdukcapil/pengukuran-kinerja"
_FRONT = re.compile(r"---\n(.*?)\n---\n", re.S)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed project with 8 synthetic SOPs beside the seed's (decisions, loops, related
    SOPs, another unit) and its export, made once for the module."""
    project = make_project(tmp_path_factory.mktemp("export"))
    make_corpus(project / "sop", 8)
    config = str(project / "mkdocs.yml")
    assert main(["export", str(project.parent / "out"), "-f", config]) == 0
    assert main(["export", str(project.parent / "out-mkdocs"), "-f", config,
                 "--engine", "mkdocs"]) == 0
    return project, project.parent / "out"


def front_matter(path: Path) -> dict[str, Any]:
    found = _FRONT.match(path.read_text(encoding="utf-8"))
    return yaml.safe_load(found.group(1)) or {} if found else {}


def test_every_page_is_exported_with_its_slots_filled(exported: tuple[Path, Path]) -> None:
    project, out = exported
    pages = render_site(load_library(project / "sop"))
    docs = out / "docs"
    for path in pages:
        assert (docs / path).is_file() != is_side_file(path), path  # side files: filled in
    for path in docs.rglob("*.md"):
        assert 'class="sopgen-slot"' not in path.read_text(encoding="utf-8"), path
    official = (docs / f"{SOP_PAGE}.resmi.md").read_text(encoding="utf-8")
    assert 'data-sopgen-official="flowchart"' in official and "<svg" in official
    assert (docs / "authoring.md").is_file()  # the hand-written pages come along
    assert len(list(docs.rglob("*.resmi.md"))) == 9
    assert (out / EXPORT_MARKER).is_file()


def test_every_asset_a_page_names_is_there(exported: tuple[Path, Path]) -> None:
    _, out = exported
    docs, named = out / "docs", 0
    for path in docs.rglob("*.md"):
        meta = front_matter(path)
        for asset in [*meta.get("sopgen_css", []), *meta.get("sopgen_js", [])]:
            assert (docs / asset).is_file(), (path, asset)
            named += 1
        text = path.read_text(encoding="utf-8")
        assert bool(meta.get("sopgen_mermaid")) == markdown_needs_mermaid(text), path
    assert named > 0
    assert (docs / MERMAID_SCRIPT).is_file()
    assert front_matter(docs / f"{SOP_PAGE}.checklist.md")["sopgen_js"] == [
        "assets/sopgen/checklist.js", "assets/sopgen/control.js"]
    assert front_matter(docs / f"{SOP_PAGE}.md")["sopgen_mermaid"] is True
    assert "sopgen_mermaid" not in front_matter(docs / f"{SOP_PAGE}.checklist.md")


def test_the_export_config_has_no_sopgen_plugin(exported: tuple[Path, Path]) -> None:
    _, out = exported
    text = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "sopgen:" not in text and "custom_dir: overrides" in text
    assert "!!python/name:pymdownx.superfences.fence_code_format" in text
    assert "*.checklist.md" in text


def _local_links(site: Path, page: str) -> list[str]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)


def broken_links(site: Path) -> dict[str, str]:
    """Relative links, stylesheets, scripts and images of every built page that lead to
    no file of the site: URL -> a page that has it (404.html links from the site root)."""
    broken: dict[str, str] = {}
    for page in site.rglob("*.html"):
        if page.name == "404.html" and page.parent == site:
            continue
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"#?]+)', html):
            if ":" in url or url.startswith("/"):
                continue
            target = (page.parent / unquote(url)).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                broken.setdefault(url, str(page.relative_to(site)))
    return broken


def _check_built(site: Path) -> None:
    """The SOP page loads Mermaid (before the bundle), the checklist its scripts and no
    Mermaid, and every stylesheet and script they link exists in the built site, as every
    link, stylesheet, script and image of every page does."""
    sop = _local_links(site, SOP_PAGE)
    mermaid = [i for i, src in enumerate(sop) if src.endswith("mermaid.min.js")]
    bundle = [i for i, src in enumerate(sop) if "/bundle." in src]
    assert len(mermaid) == 1 and mermaid[0] < bundle[0], sop
    checklist = _local_links(site, f"{SOP_PAGE}.checklist")
    assert not any("mermaid" in src for src in checklist)
    assert any(src.endswith("sopgen/checklist.js") for src in checklist)
    for page, links in ((SOP_PAGE, sop), (f"{SOP_PAGE}.checklist", checklist)):
        for src in links:
            assert "//" not in src, src
            assert (site / page / src).resolve().is_file(), (page, src)
    assert broken_links(site) == {}


def test_mkdocs_builds_the_export_without_the_plugin(exported: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    out = exported[1].with_name("out-mkdocs")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d",
                           str(tmp_path / "site")], cwd=out, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    _check_built(tmp_path / "site")


def zensical_build(out: Path) -> Path:
    """Build the export with Zensical (a test dependency); returns its site folder."""
    if shutil.which("zensical", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("zensical is missing: pip install -e '.[test]'")
    shutil.rmtree(out / "site", ignore_errors=True)
    done = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=out,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "site"


def test_zensical_builds_the_export(exported: tuple[Path, Path]) -> None:
    _check_built(zensical_build(exported[1]))


def test_links_in_html_are_written_for_the_engine(exported: tuple[Path, Path]) -> None:
    """Zensical resolves a raw-HTML URL against the Markdown file, MkDocs keeps it: the
    same link to a related SOP, written for each (the built sites' links are checked
    above)."""
    out = exported[1]
    page = next((out / "docs").rglob("sop-*.resmi.md")).relative_to(out / "docs").as_posix()
    for folder, written in (("out", 'href="sop-'), ("out-mkdocs", 'href="../sop-')):
        assert written in (out.with_name(folder) / "docs" / page).read_text(encoding="utf-8")


@pytest.mark.browser
def test_zensical_site_draws_with_the_shipped_mermaid_and_asks_no_one(
        exported: tuple[Path, Path], browser: Any) -> None:
    site = zensical_build(exported[1])
    with serve(site) as url:
        page, log = open_page(browser, f"{url}{SOP_PAGE}/")
        requested: list[str] = []
        failed: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.reload()
        page.wait_for_function("() => { const m = document.querySelector('.mermaid');"
                               " return m && m.shadowRoot && m.shadowRoot.querySelector('svg')"
                               " }", timeout=30000)
        assert log.external_requests == [] and failed == []
        assert any(u.endswith(MERMAID_SCRIPT) for u in requested)
        assert log.page_errors == []
        page.context.close()
        page, log = open_page(browser, f"{url}{SOP_PAGE}.checklist/")
        page.wait_for_load_state("networkidle")
        loaded = page.evaluate("() => performance.getEntriesByType('resource')"
                               ".map(e => e.name)")
        assert not any("mermaid" in name for name in loaded)
        assert any(name.endswith("checklist.js") for name in loaded)
        assert log.external_requests == [] and log.page_errors == []
        page.context.close()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    return project


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    return err.strip()


def test_export_refuses_a_folder_it_did_not_write(project: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    notes = project.parent / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("keep me\n", encoding="utf-8")
    before = snapshot(project.parent)
    assert "not an export of sopgen" in _refused(["export", str(notes)], capsys)
    assert "it is the SOP folder" in _refused(["export", "sop"], capsys)
    assert "it is the project folder" in _refused(["export", "."], capsys)
    assert "it is the config file" in _refused(["export", "mkdocs.yml"], capsys)
    assert "it is a file, not a folder" in _refused(["export", str(notes / "mine.txt")], capsys)
    assert changes(before, snapshot(project.parent)) == []


def test_export_refuses_a_built_site(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-d", "site"]) == 0
    capsys.readouterr()
    before = snapshot(project / "site")
    assert "not an export of sopgen" in _refused(["export", "site"], capsys)
    assert changes(before, snapshot(project / "site")) == []


def test_export_replaces_its_own_export_whole(project: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "out"]) == 0
    (project / "out" / "docs" / "stale.md").write_text("# old\n", encoding="utf-8")
    assert main(["export", "out"]) == 0
    assert not (project / "out" / "docs" / "stale.md").exists()
    assert (project / "out" / "docs" / f"{SOP_PAGE}.md").is_file()


def test_export_needs_the_sopgen_plugin(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "plain.yml").write_text(re.sub(r"  - sopgen:\n(    .*\n)*", "", config),
                                       encoding="utf-8")
    assert "does not use the sopgen plugin" in _refused(["export", "out", "-f", "plain.yml"],
                                                        capsys)
    assert not (project / "out").exists()
