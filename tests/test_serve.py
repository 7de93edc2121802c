"""``sopgen serve``: an edited SOP appears in the served page, through the fast path."""

from __future__ import annotations

from pathlib import Path

from helpers.serving import PAGE, SOP, fetch, start_serve, wait_until
from helpers.site import make_project


def test_edit_rebuilds_only_changed_pages_and_other_changes_rebuild_all(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    log = tmp_path / "serve.log"
    server, base = start_serve(project, log)
    try:
        wait_until(lambda: "Pengukuran Kinerja" in fetch(base + PAGE))
        path = project / SOP
        path.write_text(path.read_text(encoding="utf-8").replace(
            "Memerintahkan penyusunan", "Memerintahkan DIUBAH penyusunan"), encoding="utf-8")
        wait_until(lambda: "Memerintahkan DIUBAH penyusunan" in fetch(base + PAGE))
        wait_until(lambda: "changed pages rebuilt" in log.read_text(encoding="utf-8"))
        index = fetch(base + "search/search_index.json")
        assert "DIUBAH" in index  # the fast path refreshed the search index too
        assert index.count("Memerintahkan penyusunan") == 0
        checklist = fetch(base + "disdukcapil/pengukuran-kinerja.checklist/")
        assert "Memerintahkan DIUBAH penyusunan" in checklist
        official = fetch(base + "disdukcapil/pengukuran-kinerja.resmi/")
        assert "DIUBAH" in official.split("<svg", 1)[1], "the slot filled from the new sheets"
        assert "Panduan Penulis SOP" in fetch(base + PAGE)  # the nav of the full build
        guide = project / "docs" / "authoring.md"
        guide.write_text(guide.read_text(encoding="utf-8").replace(
            "# Panduan Penulis SOP", "# Panduan Penulis SOP BARU"), encoding="utf-8")
        wait_until(lambda: "Panduan Penulis SOP BARU" in fetch(base + "authoring/"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert text.count("changed pages rebuilt") == 1  # the SOP edit: the fast path
    assert text.count("Documentation built") == 2  # the first build, the docs/ change


def test_the_sop_folder_is_watched_more_often_than_mkdocs_watches(tmp_path: Path) -> None:
    """MkDocs polls every 0.5 s, half of what an edit took to show at a thousand SOPs;
    the SOP folder, watched after ``poll_sooner``, is looked at every SOP_POLLING s, and a
    change is built BUILD_DELAY s after it was seen instead of MkDocs' 0.1 s."""
    from mkdocs.livereload import LiveReloadServer

    from generator.mkdocs.serve import BUILD_DELAY, SOP_POLLING, poll_sooner

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path / "docs"))  # before: MkDocs' own interval
        poll_sooner(server)
        (tmp_path / "sop").mkdir()
        server.watch(str(tmp_path / "sop"))
        intervals = {Path(e.watch.path).name: e.timeout for e in server.observer.emitters}
        assert intervals == {"docs": 0.5, "sop": SOP_POLLING} and SOP_POLLING < 0.5
        assert server.build_delay == BUILD_DELAY < 0.1
    finally:
        server.server_close()
    poll_sooner(object())  # a server without that observer keeps its own: no error
