"""``sopgen serve`` while an SOP file is broken: every page shows the errors (file:line) in
the browser within seconds, no request is left waiting, the next edit updates the errors,
and fixing the file brings the site back."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from helpers.serving import PAGE, SOP, fetch, start_serve, wait_until
from helpers.site import make_project
from helpers.sops import line_of

REQUEST_LIMIT = 15.0
"""Seconds any one request may take: a rebuild of the seed site takes about one."""


def get(url: str) -> tuple[int, str]:
    """Status and body; a request that hangs fails the test."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_LIMIT) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    assert time.monotonic() - started < REQUEST_LIMIT
    return status, body


def shows(url: str, pattern: str) -> bool:
    return re.search(pattern, get(url)[1]) is not None


def test_broken_sop_shows_its_errors_in_the_browser_until_fixed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    log = tmp_path / "serve.log"
    server, base = start_serve(project, log)
    path = project / SOP
    good = path.read_text(encoding="utf-8")
    try:
        wait_until(lambda: "Pengukuran Kinerja" in fetch(base + PAGE))
        path.write_text(good.replace("    actors: sekretaris", "    actors: bendahara"),
                        encoding="utf-8")
        first = (rf"{SOP}:{line_of(good, '    actors: sekretaris')}:\d+: "
                 rf"steps\[\d+\]\.actors\[0\]: unknown role 'bendahara'")
        wait_until(lambda: shows(base + PAGE, first), limit=60)
        status, body = get(base)  # every page, the home page too
        assert status == 500 and re.search(first, body) and "Pengukuran Kinerja" not in body
        path.write_text(good.replace("    actors: anggota_sakip", "    actors: bendahara"),
                        encoding="utf-8")
        second = (rf"{SOP}:{line_of(good, '    actors: anggota_sakip')}:\d+: "
                  rf"steps\[\d+\]\.actors\[0\]: unknown role 'bendahara'")
        wait_until(lambda: shows(base + PAGE, second), limit=60)
        assert not shows(base + PAGE, first)
        path.write_text(good, encoding="utf-8")
        wait_until(lambda: get(base + PAGE)[0] == 200, limit=60)
        assert "Pengukuran Kinerja" in get(base + PAGE)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text(encoding="utf-8")
