"""One edit under ``sopgen serve``, timed until the served page shows it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

SOPGEN = [sys.executable, "-m", "generator"]


def first_sop(root: Path) -> str:
    """The path of the first SOP (its page: ``<path>/``)."""
    first = sorted((root / "sop").rglob("*.yaml"))[0]
    return first.relative_to(root / "sop").with_suffix("").as_posix()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_edit(root: Path) -> float:
    """Seconds from saving one changed step to the rebuilt page containing it."""
    port = free_port()
    server = subprocess.Popen([*SOPGEN, "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        page = first_sop(root)
        _wait_for(lambda: server.poll() is not None or _get(url) is not None, 900)
        assert server.poll() is None, "sopgen serve stopped"
        token = f"Diubah{int(time.time())}"
        path = root / "sop" / f"{page}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("- action: ", f"- action: {token} ", 1), encoding="utf-8")
        start = time.perf_counter()
        _wait_for(lambda: token in (_get(f"{url}{page}/") or ""), 600)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(condition: object, limit: float) -> None:
    deadline = time.perf_counter() + limit
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("gave up waiting")
        time.sleep(0.05)
