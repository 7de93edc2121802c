"""What ``sopgen serve`` keeps between rebuilds: each SOP's view and pages, and the site
context, valid while the SOP object, the render key and the site's fingerprint stay."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator.render.site as site_module
from generator.check.library import Library, SopEntry, load_library
from generator.render.cache import RenderCache, site_fingerprint
from generator.render.locale import labels as locale_labels
from generator.render.site import RenderOptions, render_site
from generator.render.view import SopView, sop_view
from helpers.sops import MINIMAL, write_sop

LABELS = locale_labels("id")
A = MINIMAL + "related:\n  - sop: b\n"  # u/a links to u/b: b's title shows on a's page
B = MINIMAL.replace("title: Pelayanan Contoh", "title: Pelayanan Kedua")
_folders = itertools.count()


def _library(tmp_path: Path, a: str = A, b: str = B, a_path: str = "u/a.yaml") -> Library:
    """Two SOPs loaded from a fresh folder: every call gives new Sop objects."""
    sop_dir = tmp_path / f"sop{next(_folders)}" / "sop"
    write_sop(sop_dir, a_path, a)
    write_sop(sop_dir, "u/b.yaml", b)
    return load_library(sop_dir)


def _view(library: Library, sop_id: str) -> tuple[SopEntry, SopView]:
    entry = library.by_id(sop_id)
    return entry, sop_view(entry, library, LABELS)


def _key(library: Library, language: str = "id") -> tuple[object, ...]:
    """A key like the one rendering uses, built anew at each call (equal, not identical)."""
    return (site_fingerprint(library), language, True, None)


def _edited(library: Library, sop_id: str, **update: Any) -> Library:
    """The library after an edit of one SOP: a new Sop object for it, the others kept."""
    return Library(tuple(dataclasses.replace(e, sop=e.sop.model_copy(update=update))
                         if e.id == sop_id else e for e in library.entries))


def test_a_hit_while_the_sop_object_and_the_key_stay(tmp_path: Path) -> None:
    library = _library(tmp_path)
    entry, view = _view(library, "a")
    pages = {"u/a.md": "halaman a"}
    cache = RenderCache()
    assert cache.get(entry, _key(library)) is None
    cache.put(entry, _key(library), view, pages, [])
    hit = cache.get(entry, _key(library))
    assert hit is not None and hit[0] is view and hit[1] is pages
    same_sop = dataclasses.replace(entry)  # another entry holding the very same Sop
    assert same_sop is not entry
    assert cache.get(same_sop, _key(library)) == (view, pages, [])


def test_a_miss_when_the_sop_object_changes(tmp_path: Path) -> None:
    library = _library(tmp_path)
    entry, view = _view(library, "a")
    cache = RenderCache()
    cache.put(entry, _key(library), view, {"u/a.md": "halaman a"}, [])
    edited = _edited(library, "a", title="Pelayanan Baru").by_id("a")
    assert cache.get(edited, _key(library)) is None
    # Loaded again from an unchanged file: equal, but another object (the SOP file cache
    # keeps the object when the file is unchanged; without it, everything renders again).
    reloaded = _library(tmp_path).by_id("a")
    assert reloaded.sop == entry.sop and reloaded.sop is not entry.sop
    assert cache.get(reloaded, _key(library)) is None
    assert cache.get(entry, _key(library)) is not None, "a miss forgets nothing"


def test_a_miss_when_the_key_changes(tmp_path: Path) -> None:
    library = _library(tmp_path)
    entry, view = _view(library, "a")
    cache = RenderCache()
    cache.put(entry, _key(library), view, {"u/a.md": "halaman a"}, [])
    assert cache.get(entry, _key(library, language="en")) is None
    other = _library(tmp_path, b=B.replace("Pelayanan Kedua", "Pelayanan Ketiga"))
    assert cache.get(entry, _key(other)) is None
    assert cache.get(library.by_id("b"), _key(library)) is None, "b was never put"


def test_put_replaces_what_an_sop_had(tmp_path: Path) -> None:
    library = _library(tmp_path)
    entry, view = _view(library, "a")
    cache = RenderCache()
    cache.put(entry, _key(library), view, {"u/a.md": "lama"}, [])
    edited = _edited(library, "a", title="Pelayanan Baru")
    new_entry, new_view = _view(edited, "a")
    cache.put(new_entry, _key(library), new_view, {"u/a.md": "baru"}, [])
    assert cache.get(new_entry, _key(library)) == (new_view, {"u/a.md": "baru"}, [])
    assert cache.get(entry, _key(library)) is None


def test_keep_only_forgets_the_sops_that_are_gone(tmp_path: Path) -> None:
    library = _library(tmp_path)
    cache = RenderCache()
    for sop_id in ("a", "b"):
        entry, view = _view(library, sop_id)
        cache.put(entry, _key(library), view, {f"u/{sop_id}.md": sop_id}, [])
    cache.keep_only({"a", "c"})  # c was never there: nothing to forget, nothing to fail
    assert cache.get(library.by_id("a"), _key(library)) is not None
    assert cache.get(library.by_id("b"), _key(library)) is None
    cache.keep_only(set())
    assert cache.get(library.by_id("a"), _key(library)) is None


def test_site_context_is_built_again_only_when_the_fingerprint_changes(
        tmp_path: Path) -> None:
    cache = RenderCache()
    first = _library(tmp_path)
    context = cache.site_context(first, site_fingerprint(first))
    assert context.library is first
    steps_edited = _library(tmp_path, b=B.replace("Menerima berkas", "Menerima dokumen"))
    assert site_fingerprint(steps_edited) == site_fingerprint(first)
    assert cache.site_context(steps_edited, site_fingerprint(steps_edited)) is context
    renamed = _library(tmp_path, b=B.replace("Pelayanan Kedua", "Pelayanan Ketiga"))
    assert site_fingerprint(renamed) != site_fingerprint(first)
    rebuilt = cache.site_context(renamed, site_fingerprint(renamed))
    assert rebuilt is not context and rebuilt.library is renamed
    assert [e.sop.title for e in rebuilt.backlinks["b"]] == ["Pelayanan Contoh"]
    assert cache.site_context(renamed, site_fingerprint(renamed)) is rebuilt
    assert cache.site_context(first, site_fingerprint(first)) is not context, \
        "only the last context is kept"


def _replace(old: str, new: str, in_a: bool = True) -> dict[str, str]:
    return {"a": A.replace(old, new)} if in_a else {"b": B.replace(old, new)}


SHOWN_ELSEWHERE: dict[str, dict[str, str]] = {
    "title": _replace("Pelayanan Kedua", "Pelayanan Ketiga", in_a=False),
    "number": {"b": B + "number: 800/12/2026\n"},
    "unit": {"a": A + "unit: Bidang Pelayanan\n"},
    "organization (the unit's name when unit is empty)":
        _replace("organization: Dinas Contoh", "organization: Dinas Lain"),
    "related link removed": {"a": MINIMAL},
    "related link added": {"b": B + "related:\n  - sop: a\n"},
}

NOT_SHOWN_ELSEWHERE: dict[str, dict[str, str]] = {
    "step text": _replace("action: Menerima berkas", "action: Menerima dokumen"),
    "step time": _replace("time: 10", "time: 15"),
    "warning added": {"a": A + "warnings: [Berkas harus lengkap]\n"},
}


@pytest.mark.parametrize("texts", SHOWN_ELSEWHERE.values(), ids=SHOWN_ELSEWHERE.keys())
def test_the_fingerprint_changes_with_what_other_pages_show(
        tmp_path: Path, texts: dict[str, str]) -> None:
    assert site_fingerprint(_library(tmp_path, **texts)) != site_fingerprint(
        _library(tmp_path))


def test_the_fingerprint_changes_when_an_sop_moves_to_another_unit(tmp_path: Path) -> None:
    moved = _library(tmp_path, a_path="t/a.yaml")  # t/ before u/: the order stays
    assert [(e.unit_id, e.id) for e in moved.entries] == [("t", "a"), ("u", "b")]
    assert site_fingerprint(moved) != site_fingerprint(_library(tmp_path))


@pytest.mark.parametrize("texts", NOT_SHOWN_ELSEWHERE.values(),
                         ids=NOT_SHOWN_ELSEWHERE.keys())
def test_the_fingerprint_stays_when_only_the_sop_itself_shows_the_change(
        tmp_path: Path, texts: dict[str, str]) -> None:
    edited = _library(tmp_path, **texts)
    unchanged = _library(tmp_path)
    assert edited.entries != unchanged.entries, "the edit must reach the model"
    assert site_fingerprint(edited) == site_fingerprint(unchanged)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the SOPs whose view is built (that is, rendered) during the test."""
    built: list[str] = []
    original: Callable[..., SopView] = site_module.sop_view

    def counting(entry: SopEntry, *args: Any) -> SopView:
        built.append(entry.id)
        return original(entry, *args)

    monkeypatch.setattr(site_module, "sop_view", counting)
    return built


def _render(library: Library, cache: RenderCache, renders: list[str],
            options: RenderOptions | None = None) -> tuple[dict[str, str], list[str]]:
    """The pages rendered with the cache, which must equal a render without it, and the
    ids of the SOPs the cached call rendered again."""
    renders.clear()
    pages = render_site(library, options, cache=cache)
    rendered = list(renders)
    assert pages == render_site(library, options), "the cache served stale pages"
    return pages, rendered


def test_render_site_with_a_cache_renders_only_what_changed(
        tmp_path: Path, renders: list[str]) -> None:
    cache = RenderCache()
    library = _library(tmp_path)
    assert "Pelayanan Kedua" in render_site(library)["u/a.md"], "a links to b"
    assert _render(library, cache, renders)[1] == ["a", "b"]
    assert _render(library, cache, renders)[1] == [], "nothing changed"

    step = library.by_id("b").sop.steps[0]
    steps_edited = _edited(library, "b", steps=[
        step.model_copy(update={"action": "Menerima dokumen"}),
        *library.by_id("b").sop.steps[1:]])
    pages, rendered = _render(steps_edited, cache, renders)
    assert rendered == ["b"]
    assert "Menerima dokumen" in pages["u/b.md"]

    renamed = _edited(steps_edited, "b", title="Pelayanan Ketiga")
    pages, rendered = _render(renamed, cache, renders)
    assert rendered == ["a", "b"], "a's page names b: both render again"
    assert "Pelayanan Ketiga" in pages["u/a.md"]

    moved = Library((dataclasses.replace(renamed.by_id("a"), unit_id="t"), renamed.by_id("b")))
    pages, rendered = _render(moved, cache, renders)
    assert rendered == ["a", "b"], "b's page links back to a, which moved"
    assert "t/a.md" in pages and "u/a.md" not in pages

    english = RenderOptions(language="en")
    assert _render(moved, cache, renders, english)[1] == ["a", "b"]
    assert _render(moved, cache, renders, english)[1] == []


def test_pages_across_sops_are_made_again_only_for_the_sops_they_show(
        tmp_path: Path, renders: list[str]) -> None:
    """A role's page and an SOP's part of the quality notes are kept while the SOPs they
    show stay; an edit makes again those that show the edited SOP (and equal a fresh
    render: ``_render`` checks)."""
    from generator.render.paths import QUALITY_PAGE, role_page_path
    from generator.render.slots import side_path

    c = MINIMAL.replace("title: Pelayanan Contoh", "title: Arsip").replace(
        "id: kepala\n    name: Kepala Seksi", "id: arsiparis\n    name: Arsiparis").replace(
        "actors: kepala", "actors: arsiparis")
    sop_dir = tmp_path / "sop"
    for name, text in (("a", A), ("b", B), ("c", c)):
        write_sop(sop_dir, f"u/{name}.yaml", text)
    library = load_library(sop_dir)
    cache = RenderCache()
    before, _ = _render(library, cache, renders)
    step = library.by_id("b").sop.steps[2]  # the Kepala Seksi signs in a and b
    edited = _edited(library, "b", steps=[
        *library.by_id("b").sop.steps[:2], step.model_copy(update={"action": "Penandatanganan"})])
    after, rendered = _render(edited, cache, renders)
    assert rendered == ["b"]
    archivist, head = role_page_path("arsiparis", None), role_page_path("kepala", None)
    assert after[archivist] is before[archivist], "c's role: kept, not made again"
    assert "Penandatanganan" in after[head] and "Penandatanganan" not in before[head]
    assert "Penandatanganan" in after[side_path(QUALITY_PAGE)], "b's part made again"
