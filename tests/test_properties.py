"""Property tests: random valid SOPs always validate, render and draw; random broken ones
always give an error naming the file and a line. A fixed example budget keeps CI bounded."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.library import load_library
from generator.render.assets import asset_root
from generator.render.locale import labels
from generator.render.mermaid import render_mermaid
from generator.render.site import render_site
from generator.render.slots import filled_pages
from generator.source.errors import SopValidationError
from helpers.browser import open_page
from helpers.html import step_rows
from helpers.site import serve

HOSTILE_CHARS = "<>&\"'|[](){}#;`*_-%:!\\/\n\t=+~^$@?.,😀ÜßĞ漢"
BUDGET = settings(max_examples=40, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow])

text = st.text(alphabet=st.sampled_from(HOSTILE_CHARS) | st.characters(
    categories=("L", "N", "Zs")), min_size=1, max_size=40).filter(lambda s: s.strip())


@st.composite
def sops(draw: st.DrawFn) -> dict[str, Any]:
    """A valid SOP: every step reachable and every step can end, because a decision's
    'yes' always goes on; its 'no' leads somewhere else."""
    role_count = draw(st.integers(1, 5))
    names = draw(st.lists(text, min_size=role_count, max_size=role_count,
                          unique_by=lambda name: " ".join(name.casefold().split())))
    roles = [{"id": f"r{i}", "name": name} for i, name in enumerate(names)]
    step_count = draw(st.integers(1, 12))
    steps = []
    for i in range(step_count):
        actors = draw(st.lists(st.sampled_from([r["id"] for r in roles]), min_size=1,
                               max_size=role_count, unique=True))
        step: dict[str, Any] = {"action": draw(text), "actors": actors, "standard": {
            "time": draw(st.integers(0, 600) | st.sampled_from(["2 jam", "1 hari kerja"])),
            "inputs": draw(st.lists(text, max_size=2)), "output": draw(text)}}
        if draw(st.booleans()) and step_count > 1:
            # 'no' goes elsewhere than 'yes' (the next step, or the end after the last)
            others = [n for n in range(1, step_count + 1) if n not in (i + 1, i + 2)]
            ends = ["end"] if i + 1 < step_count else []
            step["decision"] = {"question": draw(text), "yes": "next",
                                "no": draw(st.sampled_from([*ends, *others]))}
        steps.append(step)
    return {"title": draw(text), "organization": draw(text), "kind": "rutin",
            "roles": roles, "steps": steps, "warnings": draw(st.lists(text, max_size=2))}


def write(data: dict[str, Any], folder: Path) -> Path:
    """JSON is YAML: every hostile character survives exactly."""
    path = folder / "sop" / "u" / "acak.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@BUDGET
@given(sops())
def test_valid_sops_always_validate_and_render(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write(data, Path(tmp))
        library = load_library(Path(tmp) / "sop")
    pages = render_site(library)
    page = filled_pages(pages)["u/acak.md"]
    assert [row[0] for row in step_rows(page)] == [
        str(n) for n in range(1, len(data["steps"]) + 1)]
    assert not any("<script" in text for text in [page, *pages.values()])
    diagram = render_mermaid(library.entries[0].sop, labels("id"))
    for label in re.findall(r'"([^"]*)"', diagram.split("---\n", 2)[2]):
        label = label.removeprefix("<b>").removesuffix("</b>")  # lane titles are bold
        assert not set(re.sub(r"#\d+;", "", label.replace("<br>", ""))) & set('<>"[]{}|%`\n')


MUTATIONS = {
    "unknown key": lambda d: d.update(titel="x"),
    "unknown actor": lambda d: d["steps"][0].update(actors=["nobody"]),
    "negative time": lambda d: d["steps"][-1]["standard"].update(time=-5),
    "dangling target": lambda d: d["steps"][0].update(
        decision={"question": "?", "yes": "next", "no": "tidak-ada"}),
    "bad date": lambda d: d.update(dates={"made": "kemarin"}),
    "missing title": lambda d: d.pop("title"),
    "wrong type": lambda d: d.update(roles="semua"),
}


@BUDGET
@given(sops(), st.sampled_from(sorted(MUTATIONS)))
def test_broken_sops_always_name_file_and_line(data: dict[str, Any], mutation: str) -> None:
    MUTATIONS[mutation](data)
    with tempfile.TemporaryDirectory() as tmp:
        write(data, Path(tmp))
        with pytest.raises(SopValidationError) as info:
            load_library(Path(tmp) / "sop")
    assert info.value.errors
    for error in info.value.errors:
        assert error.file == "sop/u/acak.yaml" and error.line >= 1
        assert re.match(r"^sop/u/acak\.yaml:\d+:\d+: ", str(error))


@pytest.fixture(scope="module")
def mermaid_page(browser: Any) -> Iterator[Any]:
    """A local page with the shipped Mermaid, to render diagram texts directly."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mermaid.min.js").write_bytes(
            (asset_root() / "mermaid" / "mermaid.min.js").read_bytes())
        (root / "index.html").write_text(
            '<!doctype html><meta charset="utf-8"><script src="mermaid.min.js"></script>'
            "<script>mermaid.initialize({startOnLoad: false});</script><body></body>",
            encoding="utf-8")
        with serve(root) as url:
            page, log = open_page(browser, url)
            yield page, log
            page.context.close()


RENDER = """async ([id, text]) => {
  try {
    const {svg} = await mermaid.render(id, text);
    return svg.includes('class="error-icon"') ? 'error svg' : 'ok';
  } catch (e) { return 'error: ' + e.message; }
}"""


@pytest.mark.browser
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=sops())
def test_diagrams_of_random_sops_always_render(mermaid_page: Any, data: dict[str, Any]) -> None:
    page, log = mermaid_page
    with tempfile.TemporaryDirectory() as tmp:
        write(data, Path(tmp))
        sop = load_library(Path(tmp) / "sop").entries[0].sop
    result = page.evaluate(RENDER, [f"d{abs(hash(json.dumps(data)))}", render_mermaid(
        sop, labels("id"))])
    assert result == "ok"
    assert log.dialogs == [] and log.page_errors == []
