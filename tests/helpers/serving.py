"""Talking to a running ``sopgen serve``: a free port, a tolerant fetch, a bounded wait."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

SOP = Path("sop/disdukcapil/pengukuran-kinerja.yaml")
PAGE = "disdukcapil/pengukuran-kinerja/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until(condition: Callable[[], bool], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the served site never showed the change"
        time.sleep(0.1)


def start_serve(project: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``sopgen serve`` of ``project`` on a free port, its output in ``log``: the process
    (the caller terminates it) and the site's base URL."""
    port = free_port()
    with open(log, "w") as handle:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "-f", str(project / "mkdocs.yml"),
             "-a", f"127.0.0.1:{port}"], stdout=handle, stderr=handle)
    return server, f"http://127.0.0.1:{port}/"
