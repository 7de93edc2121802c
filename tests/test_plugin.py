"""The MkDocs adapter: watches sop/ under serve, adds Mermaid only where a diagram is."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from generator.mkdocs.plugin import SopgenPlugin


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


def test_squeeze_drops_indentation_but_keeps_pre_and_textarea() -> None:
    from generator.mkdocs.pages import squeeze

    html = ("<nav>\n    <a>x</a>\n\n \n  </nav>\n<pre>\n  kept\n\n</pre><textarea>\n  kept"
            "\n\n</textarea>")
    assert squeeze(html) == ("<nav>\n<a>x</a>\n</nav>\n<pre>\n  kept\n\n</pre>"
                             "<textarea>\n  kept\n\n</textarea>")
