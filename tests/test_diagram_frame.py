"""The swimlane's frames (mkdocs/content.py): every diagram after the SOP page's note is in
a focusable, named region that keeps the readable width; a part's frame is named by its
heading, a single diagram's by the label; a Mermaid block of another page is left alone."""

from __future__ import annotations

import re

from generator.mkdocs.content import prepare_content

NOTE = '<p class="sopgen-diagram-note" data-width="1234">Satu lajur per pelaksana.</p>\n'
DIAGRAM = '<pre class="mermaid"><code>swimlane-beta TB</code></pre>\n'
HEADING = ('<h3 class="sopgen-screen-only" id="diagram-part-{n}">Bagian {n}'
           '<a class="headerlink" href="#diagram-part-{n}">&para;</a></h3>\n')
FRAME = re.compile(r'<div class="sopgen-diagram-scroll" ([^>]*)><pre class="mermaid"')


def test_one_diagram_is_framed_and_named_by_the_label() -> None:
    html = prepare_content("<h2>Diagram</h2>\n" + NOTE + DIAGRAM, 'Diagram "alir"')
    frames = FRAME.findall(html)
    assert frames == ['tabindex="0" role="region" aria-label="Diagram &quot;alir&quot;" '
                      'style="--sopgen-diagram-width: 1234px"']


def test_every_part_is_framed_and_named_by_its_heading() -> None:
    parts = "".join(HEADING.format(n=n) + DIAGRAM for n in (1, 2, 3))
    html = prepare_content(NOTE + parts + "<h3 id='other'>Tabel</h3>\n<p>x</p>", "Diagram")
    frames = FRAME.findall(html)
    assert len(frames) == 3
    assert [re.search(r'aria-labelledby="([^"]+)"', f).group(1) for f in frames] == [
        "diagram-part-1", "diagram-part-2", "diagram-part-3"]
    assert html.count("<h3") == 4, "headings kept, outside their frames"


def test_a_page_without_the_note_keeps_its_mermaid_unframed() -> None:
    html = prepare_content("<h2>Peta</h2>\n" + DIAGRAM, "Diagram")
    assert "sopgen-diagram-scroll" not in html and "data-search-exclude" in html
