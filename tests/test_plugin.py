"""The MkDocs adapter: watches sop/ under serve, adds Mermaid only where a diagram is."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from generator.mkdocs.plugin import SopgenPlugin
from generator.mkdocs.slim import minify


def plugin(sop_dir: str = "sop") -> SopgenPlugin:
    instance = SopgenPlugin()
    instance.load_config({"sop_dir": sop_dir, "language": "id"})
    return instance


def test_serve_watches_the_sop_folder(tmp_path: Path) -> None:
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    config: Any = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    plugin().on_serve(server, config=config, builder=None)
    assert watched == [str(tmp_path / "sop")]


def test_mermaid_script_only_on_pages_with_a_diagram() -> None:
    page: Any = SimpleNamespace(url="unit/sop/")
    html = '<div class="mermaid">x</div><script src="../../assets/javascripts/bundle.1.min.js">'
    out = plugin().on_post_page(html, page=page, config=SimpleNamespace())
    assert out.index("../../assets/sopgen/mermaid/mermaid.min.js") < out.index("bundle.1")
    labels = out.index("../../assets/sopgen/swimlane.js")  # wraps mermaid.render: between
    assert out.index("mermaid.min.js") < labels < out.index("bundle.1")
    plain = "<p>no diagram</p></body>"
    assert plugin().on_post_page(plain, page=page, config=SimpleNamespace()) == plain


def test_minify_keeps_preformatted_text_and_words_apart() -> None:
    html = ("<nav>\n    <a href=\"../x/\">x</a>\n\n <b>y</b>\n  </nav>\n<pre class=\"mermaid\">"
            "\n  a --> b\n\n</pre><textarea>\n  kept\n\n</textarea><code a=\"1\">k=\"v\"</code>"
            "<script>x = \"</td>\"</script><!-- <td a=\"1\"></td> -->")
    assert minify(html) == (
        "<nav>\n<a href=../x/>x</a>\n<b>y</b>\n</nav>\n<pre class=\"mermaid\">\n  a --> b\n\n"
        "</pre><textarea>\n  kept\n\n</textarea><code a=\"1\">k=\"v\"</code>"
        "<script>x = \"</td>\"</script><!-- <td a=\"1\"></td> -->")


def test_minify_drops_table_end_tags_and_keeps_empty_cells_empty() -> None:
    html = "<table>\n<tr><td class=\"a b\">x</td>\n<td></td>\n</tr>\n</table>"
    assert minify(html) == "<table>\n<tr><td class=\"a b\">x<td></table>"


@pytest.mark.parametrize(("tag", "kept"), [
    ('<rect x="1" y="2"/>', '<rect x=1 y="2"/>'),  # y=2/ would hold the slash
    ('<p title=\'a="b"\'>', '<p title=\'a="b"\'>'),  # inside another value
    ('<input value="">', '<input value="">'),
    ('<a title="a b" href="x?y=1&amp;z">', '<a title="a b" href="x?y=1&amp;z">'),
    ('<p data-x="\u00e9">', '<p data-x="\u00e9">'),
])
def test_minify_unquotes_only_values_that_need_no_quotes(tag: str, kept: str) -> None:
    assert minify(tag) == kept


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


def _start_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.seen


def test_minified_tags_parse_to_the_same_attributes(seed_site: Path) -> None:
    page = (seed_site / "disdukcapil" / "pengukuran-kinerja.resmi" / "index.html")
    html = page.read_text(encoding="utf-8")  # already minified: the same again
    assert minify(html) == html
    made = ('<a href="../../sop-1/" class="md-nav__link" data-n="1.5" id="a:b#c%d+e-f_g">'
            '<svg viewBox="0 0 1 1"><path d="M0,0z" stroke-width="0.8"/></svg>')
    assert _start_tags(minify(made)) == _start_tags(made)
    assert minify(made).count('"') < made.count('"')
