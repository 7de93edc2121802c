"""The official flowchart as SVG, read back with an XML parser and checked as a drawing.

Every check works on the SVG text alone: symbols are found by their shapes and ``data-*``
attributes, columns and rows by the grid the SVG draws, so a layout bug shows up here
as a symbol in the wrong column, an arrow that misses its target, or two boxes overlapping.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from generator.check import flow
from generator.check.library import Library, load_library
from generator.render.locale import labels as locale_labels
from generator.render.official.document import sheets
from generator.render.official.geometry import Box, Point, segment_hits, segments
from generator.render.options import DEFAULT_STEPS_PER_PAGE
from generator.render.view import SopView, sop_view
from helpers.golden import assert_golden
from helpers.site import REPO
from helpers.sops import MINIMAL, write_sop
from helpers.svgread import NS, Page, cell_texts, header_cells, parse

DATA = Path(__file__).parent / "data" / "official" / "sop"
LABELS = locale_labels("id")
NEAR = 50.0
"""A Ya/Tidak label stands this close to its arrow's exit (or first turn)."""


def is_orthogonal(points: tuple[Point, ...]) -> bool:
    """True when every piece of the polyline is horizontal or vertical."""
    return all(a[0] == b[0] or a[1] == b[1] for a, b in segments(points))


def _view(sop_dir: Path, sop_id: str) -> SopView:
    library: Library = load_library(sop_dir)
    return sop_view(library.by_id(sop_id), library, LABELS)


def _pages(view: SopView, per_page: int = DEFAULT_STEPS_PER_PAGE) -> list[Page]:
    return [parse(str(sheet.svg)) for sheet in sheets(view, LABELS, per_page)]


@pytest.fixture(scope="module")
def seed() -> SopView:
    return _view(REPO / "sop", "pengukuran-kinerja")


@pytest.fixture(scope="module")
def decisions() -> SopView:
    return _view(DATA, "perizinan")


@pytest.fixture(scope="module")
def long_sop() -> SopView:
    return _view(DATA, "pencairan-panjang")


def _on_edge(point: Point, boxes: list[Box]) -> bool:
    """True when ``point`` lies on the outline of one of ``boxes`` (an arrow's end)."""
    for box in boxes:
        if box.contains(point) and not box.inflate(-0.5).contains(point, tolerance=0):
            return True
    return False


def _touches(point: Point, boxes: list[Box]) -> bool:
    """On the outline of a box, or a diamond's vertex (its outline is not its box)."""
    return _on_edge(point, boxes) or any(
        abs(point[0] - b.cx) < 0.5 and abs(point[1] - b.y) < 0.5 for b in boxes)


def _boxes(page: Page, node: str) -> list[Box]:
    return [s.box for s in page.shapes if s.node == node]


# ---------------------------------------------------------------- the seed: 14 steps


def test_seed_has_every_step_in_its_columns(seed: SopView) -> None:
    pages = _pages(seed)
    found = {}
    for page in pages:
        for shape in page.shapes:
            if shape.step is not None and shape.kind != "end":
                found.setdefault(shape.step, []).append((shape, page))
    assert sorted(found) == list(range(1, 15))
    order = [role.id for role in seed.sop.roles]
    for step_view, source in zip(seed.steps, seed.sop.steps, strict=True):
        shapes = found[step_view.number]
        wanted = sorted(f"role-{order.index(actor)}" for actor in source.actors)
        assert sorted(s.column or "" for s, _ in shapes) == wanted
        for shape, page in shapes:
            left, right = page.columns[shape.column or ""]
            top, bottom = page.rows[step_view.number]
            assert left < shape.box.x and shape.box.right < right, shape
            assert top < shape.box.y and shape.box.bottom < bottom, shape
    assert len(found[5]) == 4  # the meeting: one symbol for each of its four roles


def test_seed_terminators_are_the_first_and_last_step(seed: SopView) -> None:
    shapes = [s for page in _pages(seed) for s in page.shapes]
    terminators = sorted(s.step or 0 for s in shapes if s.kind == "terminator")
    assert terminators == [1, 14]
    assert {s.kind for s in shapes} <= {"terminator", "process", "decision", "end", "connector"}
    assert all(s.kind == "process" for s in shapes if s.step not in (1, 14) and s.step)


def test_seed_arrows_join_every_consecutive_pair(seed: SopView) -> None:
    pages = _pages(seed)
    where = {s.step: i for i, page in enumerate(pages) for s in page.shapes if s.step}
    for n in range(1, 14):
        a, b = where[n], where[n + 1]
        if a == b:
            arrow = next(x for x in pages[a].arrows
                         if (x.source, x.target) == (f"step-{n}", f"step-{n + 1}"))
            assert _touches(arrow.points[0], _boxes(pages[a], f"step-{n}"))
            assert _touches(arrow.points[-1], _boxes(pages[a], f"step-{n + 1}"))
        else:
            out = next(x for x in pages[a].arrows if x.source == f"step-{n}")
            letter = out.target.removeprefix("out-")
            into = next(x for x in pages[b].arrows if x.target == f"step-{n + 1}")
            assert into.source == f"in-{letter}", "the same letter on both pages"


def _check_drawing(page: Page) -> None:
    """Arrows orthogonal, from a source symbol to a target symbol, through no symbol, inside
    the executors' columns; no two symbols or labels overlapping; every exit labelled."""
    roles_left = min(lo for lo, _ in page.columns.values())
    roles_right = max(hi for _, hi in page.columns.values())
    for arrow in page.arrows:
        assert is_orthogonal(arrow.points), arrow
        ends = _boxes(page, arrow.source) + _boxes(page, arrow.target)
        assert _touches(arrow.points[0], _boxes(page, arrow.source)), arrow
        assert _touches(arrow.points[-1], _boxes(page, arrow.target)), arrow
        assert (arrow.branch is None) == (arrow.label is None), arrow
        others = [s.box for s in page.shapes if s.box not in ends]
        for p, q in segments(arrow.points):
            assert not any(segment_hits(p, q, box) for box in others), (arrow, p, q)
            assert not any(segment_hits(p, q, box.inflate(-0.5)) for box in ends), arrow
            # arrows stay in the executors' columns: they never cross a text cell
            assert roles_left < min(p[0], q[0]) and max(p[0], q[0]) < roles_right, arrow
    boxes = [(s.node, s.box) for s in page.shapes]
    boxes += [(f"label {a.source}", a.label_box) for a in page.arrows if a.label_box]
    for (one, a), (two, b) in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{one} overlaps {two}"


def test_drawings_of_the_fixtures_are_clean(seed: SopView, decisions: SopView,
                                            long_sop: SopView) -> None:
    for view in (seed, decisions, long_sop):
        for per_page in (1, 3, DEFAULT_STEPS_PER_PAGE, 100):
            for page in _pages(view, per_page):
                _check_drawing(page)


def _generated_sop(rng: random.Random) -> str:
    """A random SOP: 1-7 roles, 1-16 steps, some done by several roles, decisions that
    loop back, jump ahead or end early (every step stays reachable: 'yes' goes on; the
    answers go to different places and the last step can always end)."""
    roles, count = rng.randint(1, 7), rng.randint(1, 16)
    lines = ["title: T", "organization: O", "kind: rutin", "roles:"]
    lines += [f"  - {{id: r{r}, name: Peran {r}{' panjang' * rng.randint(0, 4)}}}"
              for r in range(roles)]
    lines.append("steps:")
    for i in range(count):
        actors = rng.sample(range(roles), rng.choice([1, 1, 1, rng.randint(1, roles)]))
        lines.append(f"  - action: Langkah {i + 1}{' kata' * rng.randint(0, 25)}")
        lines.append(f"    actors: [{', '.join(f'r{a}' for a in actors)}]")
        if count > 1 and rng.random() < 0.3:
            targets = [*(t for t in range(1, count + 1) if t != i + 1), "end"]
            no = rng.choice(targets)
            yes = "next" if i < count - 1 else rng.choice([t for t in targets if t != no])
            if i < count - 1 and no == i + 2:  # both answers would go to the next step
                no = "end"
            if i == count - 1 and "end" not in (yes, no):  # a loop needs a way out
                yes = "end"
            lines.append(f"    decision: {{question: 'Q{i + 1}?', yes: {yes}, no: {no}}}")
        lines.append("    standard: {time: 5}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("number", range(40))
def test_drawings_of_generated_sops_are_clean(number: int, tmp_path: Path) -> None:
    rng = random.Random(number)
    write_sop(tmp_path / "sop", "u/a.yaml", _generated_sop(rng))
    view = _view(tmp_path / "sop", "a")
    for page in _pages(view, rng.randint(1, 10)):
        _check_drawing(page)


def test_text_is_real_text_and_symbols_have_titles(seed: SopView) -> None:
    pages = _pages(seed)
    for page in pages:
        # No text drawn as glyph outlines: the paths are the arrow head's triangle, the
        # grid's column lines (straight down) and the arrows' lines (across and down or
        # up), nothing else.
        head, lines, *arrows = page.root.iterfind(".//s:path", NS)
        assert lines.get("class") == "sop-lines"
        assert re.fullmatch(r"(M[\d.]+,[\d.]+V[\d.]+)+", lines.get("d", ""))
        assert re.fullmatch(r"M0,0l-7,-3.5v7z", head.get("d", ""))
        assert len(arrows) == len(page.arrows)
        assert all(re.fullmatch(r"M[\d.]+,[\d.]+([HV][\d.]+)+", arrow.get("d", ""))
                   for arrow in arrows)
        assert page.root.find("s:title", NS) is not None
        for shape in page.shapes:
            assert shape.title.strip(), shape
            if shape.step:
                assert f" {shape.step} " in shape.title
    texts = {}
    for page in pages:
        for text in cell_texts(page.root):
            if text.key == "activity" and text.step is not None:
                texts[text.step] = " ".join(text.lines)
    for step in seed.steps:
        assert texts[step.number].split() == step.action.split()


def test_seed_svg_is_golden(seed: SopView) -> None:
    for sheet in sheets(seed, LABELS, DEFAULT_STEPS_PER_PAGE):
        assert_golden(f"official/pengukuran-kinerja-{sheet.number}.svg", f"{sheet.svg}\n")


# ---------------------------------------------------------------- decisions and loops


def test_decision_exits_reach_their_targets(decisions: SopView) -> None:
    [page] = _pages(decisions)
    exits = [e for e in flow.edges(decisions.sop) if e.branch is not None]
    assert {e.branch for e in exits} == {"yes", "no"}
    assert any(e.is_back for e in exits), "the fixture must loop back"
    for edge in exits:
        arrow = next(a for a in page.arrows
                     if a.source == f"step-{edge.source + 1}" and a.branch == edge.branch)
        assert arrow.label == LABELS[str(edge.branch)]
        assert arrow.label_box is not None
        assert any(arrow.label_box.inflate(NEAR).contains(point) for point in arrow.points[:2]), \
            "a label stands by the start of its arrow"
        if edge.target is None:
            end = next(s for s in page.shapes if s.node == arrow.target)
            assert end.kind == "end" and end.text == LABELS["end"]
            top, bottom = page.rows[edge.source + 1]
            assert top < end.box.y and end.box.bottom < bottom, "the end stands in its row"
            continue
        assert arrow.target == f"step-{edge.target + 1}"
        end_box = next(b for b in _boxes(page, arrow.target) if _touches(arrow.points[-1], [b]))
        top, bottom = page.rows[edge.target + 1]
        assert top < end_box.y and end_box.bottom < bottom, "the arrow ends in the right row"
        if edge.is_back:
            assert arrow.points[-1][1] < arrow.points[0][1], "a loop runs upwards"


def test_decisions_use_two_different_exits(decisions: SopView) -> None:
    [page] = _pages(decisions)
    for step in (3, 4):
        starts = [a.points[0] for a in page.arrows if a.source == f"step-{step}"]
        assert len(starts) == 2 and starts[0] != starts[1]


# ---------------------------------------------------------------- 30 steps, 4 pages


def test_page_split_pairs_connector_letters(long_sop: SopView) -> None:
    per_page = 8
    pages = _pages(long_sop, per_page)
    assert len(pages) >= 4
    page_of = {step - 1: number for number, page in enumerate(pages) for step in page.rows}
    assert all(len(page.rows) <= per_page for page in pages)
    crossing = [e for e in flow.edges(long_sop.sop)
                if e.target is not None and page_of[e.source] != page_of[e.target]]
    assert any(e.is_back for e in crossing) and any(not e.is_back for e in crossing)
    connectors: dict[str, dict[str, int]] = {}
    for number, page in enumerate(pages):
        assert sorted(page.rows) == [i + 1 for i in range(len(long_sop.steps))
                                     if page_of[i] == number]
        for shape in page.shapes:
            if shape.kind == "connector":
                assert shape.text == shape.letter, "the letter is drawn, not just named"
                connectors.setdefault(shape.letter or "", {})[shape.direction or ""] = number
    assert len(connectors) == len(crossing)
    for edge in crossing:
        arrow_out = next(a for p in pages for a in p.arrows
                         if a.source == f"step-{edge.source + 1}" and a.target.startswith("out-")
                         and a.branch == edge.branch)
        letter = arrow_out.target.removeprefix("out-")
        assert connectors[letter] == {"out": page_of[edge.source], "in": page_of[edge.target]}
        arrow_in = next(a for a in pages[page_of[edge.target]].arrows
                        if a.source == f"in-{letter}")
        assert arrow_in.target == f"step-{edge.target + 1}"


def test_long_names_wrap_inside_their_cells(long_sop: SopView) -> None:
    from generator.render.official.table import FONT, LINE, PAD
    from generator.render.official.text import text_width

    for page in _pages(long_sop):
        cells: dict[str, Box] = {}
        for key, box in header_cells(page.root):
            cells.setdefault(key, box)
        texts = cell_texts(page.root)
        assert {text.key for text in texts} >= {"activity", "role-0"}
        for text in texts:
            cell = cells[text.key]
            # read upright: along the cell's height
            width = (cell.h if text.turned else cell.w) - 2 * PAD
            assert text.bold == (text.step is None), text  # the header, and only it, bold
            for line in text.lines:
                assert text_width(line, FONT, text.bold) <= width + 0.01, line
            if text.turned:
                assert len(text.lines) * LINE <= cell.w - 2 * PAD + 0.01


# ---------------------------------------------------------------- escaping


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    hostile = """a < b & \\"c\\" 'd' </text></svg><script>x()</script> &amp; \\a"""
    text = MINIMAL.replace("action: Menerima berkas", f'action: "{hostile}"')
    text = text.replace("name: Petugas\n", f'name: "{hostile}"\n')
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    view = _view(tmp_path / "sop", "a")
    shown = """a < b & "c" 'd' </text></svg><script>x()</script> &amp;"""
    [page] = _pages(view)  # parses: the SVG is well-formed whatever the SOP says
    assert page.root.find(".//s:script", NS) is None
    texts = cell_texts(page.root)
    activity = next(t for t in texts if t.key == "activity" and t.step == 1)
    assert " ".join(activity.lines).split() == shown.split()
    header = next(t for t in texts if t.key == "role-0")
    # a word wider than the column is cut between characters: compare without spaces
    assert "".join(header.lines).replace(" ", "") == shown.replace(" ", "")
    assert all(shown in s.title for s in page.shapes if s.step == 1)
