"""Talking to a running ``sopgen serve``: a free port, a tolerant fetch, a bounded wait."""

from __future__ import annotations

import socket
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
