"""Under ``sopgen serve`` the pages across SOPs that show no step's words (home, units,
roles index, review, map, follow-up) are kept while no SOP changed in more than its steps'
words; a role's page keeps each SOP's row. Every render here is checked against a fresh
render without a cache: a kept page is never stale."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from generator.check.library import Library, load_library
from generator.render.cache import RenderCache
from generator.render.paths import FOLLOWUP_PAGE, HOME_PAGE, ROLES_PAGE, role_page_path
from generator.render.shape import same_outside_steps_words
from generator.render.site import RenderOptions, render_site
from helpers.sops import MINIMAL, write_sop

A = MINIMAL + "related:\n  - sop: b\n"
B = MINIMAL.replace("title: Pelayanan Contoh", "title: Pelayanan Kedua")
HEAD = role_page_path("kepala", None)
CLERK = role_page_path("petugas", None)


def _library(tmp_path: Path) -> Library:
    sop_dir = tmp_path / "sop"
    write_sop(sop_dir, "u/a.yaml", A)
    write_sop(sop_dir, "u/b.yaml", B)
    return load_library(sop_dir)


def _edited(library: Library, sop_id: str, **update: Any) -> Library:
    """The library after an edit of one SOP: a new Sop object for it, the others kept."""
    return Library(tuple(dataclasses.replace(e, sop=e.sop.model_copy(update=update))
                         if e.id == sop_id else e for e in library.entries))


def _step_edited(library: Library, sop_id: str, index: int, **update: Any) -> Library:
    steps = list(library.by_id(sop_id).sop.steps)
    steps[index] = steps[index].model_copy(update=update)
    return _edited(library, sop_id, steps=steps)


def _render(library: Library, cache: RenderCache) -> dict[str, str]:
    options = RenderOptions()
    pages = render_site(library, options, cache=cache)
    assert pages == render_site(library, options), "the cache served stale pages"
    return pages


def test_a_steps_words_keep_the_pages_that_do_not_show_them(tmp_path: Path) -> None:
    library = _library(tmp_path)
    cache = RenderCache()
    before = _render(library, cache)
    edited = _step_edited(library, "b", 2, action="Membubuhkan paraf")
    after = _render(edited, cache)
    assert "Membubuhkan paraf" in after[HEAD], "the role's page shows the step's words"
    for path in (HOME_PAGE, ROLES_PAGE, FOLLOWUP_PAGE, "u/index.md"):
        assert after[path] is before[path], f"{path}: kept, not made again"
    assert after[CLERK] == before[CLERK], "a role not in the step: the same page"


def test_what_other_pages_show_makes_them_again(tmp_path: Path) -> None:
    """A step's time (totals on the home, unit and roles pages), its actor (the roles),
    a role's name and an SOP's title each make again every page that shows them (each
    edit saved to the file and loaded again, as under serve)."""
    sop_dir = tmp_path / "sop"
    write_sop(sop_dir, "u/a.yaml", A)
    cache = RenderCache()

    def saved(text: str) -> dict[str, str]:
        write_sop(sop_dir, "u/b.yaml", text)
        return _render(load_library(sop_dir), cache)

    before = saved(B)
    timed = B.replace("time: 5", "time: 50")
    after = saved(timed)
    for path in (HOME_PAGE, ROLES_PAGE, "u/index.md", HEAD):
        assert after[path] != before[path], f"{path} shows the time"
    moved = timed.replace("actors: kepala", "actors: petugas")
    assert "Pelayanan Kedua" not in saved(moved)[HEAD], "b's head acts in no step now"
    renamed = moved.replace("name: Kepala Seksi", "name: Kepala Bidang")
    write_sop(sop_dir, "u/a.yaml", A.replace("name: Kepala Seksi", "name: Kepala Bidang"))
    assert "Kepala Bidang" in saved(renamed)[ROLES_PAGE]
    pages = saved(renamed.replace("title: Pelayanan Kedua", "title: Pelayanan Ketiga"))
    assert all("Pelayanan Ketiga" in pages[p] for p in (HOME_PAGE, "u/index.md", "u/a.md"))


def test_an_open_actions_subject_is_its_steps_action(tmp_path: Path) -> None:
    """Without monitoring points, an open action of a monitoring is named after its
    step: the follow-up page shows that step's words, and is made again for them."""
    monitored = B + ("monitorings:\n  - date: 2025-01-10\n    assessor: Kepala\n"
                     "    results:\n      - point: 1\n        good: false\n"
                     "        action: Ulangi\n")
    sop_dir = tmp_path / "sop"
    write_sop(sop_dir, "u/a.yaml", A)
    write_sop(sop_dir, "u/b.yaml", monitored)
    library = load_library(sop_dir)
    cache = RenderCache()
    before = _render(library, cache)
    assert "Menerima berkas" in before[FOLLOWUP_PAGE]
    after = _render(_step_edited(library, "b", 0, action="Menerima map"), cache)
    assert "Menerima map" in after[FOLLOWUP_PAGE]


def test_same_outside_steps_words(tmp_path: Path) -> None:
    sop = _library(tmp_path).by_id("b").sop
    step = sop.steps[0]

    def with_step(**update: Any) -> Any:
        return sop.model_copy(update={"steps": [step.model_copy(update=update),
                                                *sop.steps[1:]]})

    assert same_outside_steps_words(sop, with_step(action="Lain", notes="Catatan"))
    assert not same_outside_steps_words(sop, with_step(actors=["kepala"]))
    assert not same_outside_steps_words(sop, sop.model_copy(update={"title": "Lain"}))
    assert not same_outside_steps_words(sop, sop.model_copy(update={"steps": sop.steps[:2]}))


def test_an_sop_gone_and_back_makes_the_pages_again(tmp_path: Path) -> None:
    library = _library(tmp_path)
    cache = RenderCache()
    _render(library, cache)
    only_b = Library((library.by_id("b"),))
    assert "u/a.md" not in _render(only_b, cache)[HOME_PAGE]
    assert "a.md" in _render(library, cache)[HOME_PAGE]
