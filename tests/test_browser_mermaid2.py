"""The supported mkdocs-mermaid2 configuration draws the same swimlanes, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.browser import MEASURE, open_page
from helpers.site import build_project, mermaid2_project, serve

pytestmark = pytest.mark.browser


def test_mermaid2_site_draws_the_seed_swimlanes(browser: Any, tmp_path: Path) -> None:
    site = build_project(mermaid2_project(tmp_path))
    with serve(site) as url:
        page, log = open_page(browser, url + "disdukcapil/pengukuran-kinerja/")
        page.wait_for_function(f"({MEASURE})() !== null", timeout=20_000)
        drawn = page.evaluate(f"({MEASURE})()")
        page.context.close()
    assert [lane["label"] for lane in sorted(drawn["lanes"], key=lambda x: x["box"]["x"])] == [
        "Kepala Dinas", "Sekretaris", "Sek. Tim Sakip", "Anggota Sakip"]
    assert not drawn["error"] and len(drawn["nodes"]) >= 17
    assert log.external_requests == [] and log.page_errors == []
