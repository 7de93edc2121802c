"""What ``sopgen serve`` shows in the browser while the site cannot be built.

MkDocs' live-reload server keeps serving the last good site after a failed rebuild and
makes every new request wait for a build that never comes; the errors are only in the
terminal. Here a failed rebuild still counts as done (so nothing waits), and until the
next good build every page request gets one page with the errors, as the terminal shows
them (``file:line:col: field: message``). The page reloads itself every two seconds, so the
browser shows the site again as soon as the files are fixed. The page is served from memory:
a failed build may have emptied the served folder, styles included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>sopgen: the site cannot be built</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}
pre{{background:#fff3f3;border-left:4px solid #c62828;padding:1rem;white-space:pre-wrap}}
</style></head><body>
<h1>The site cannot be built</h1>
<p>sopgen serve shows the last build's errors until they are fixed; this page reloads by
itself.</p>
<pre>{errors}</pre>
</body></html>
"""


def error_page(errors: str) -> bytes:
    """The page for ``errors`` (plain text, escaped here)."""
    return PAGE.format(errors=escape(errors, quote=False)).encode("utf-8")


def is_page_request(path: str) -> bool:
    """A request for a page (not a stylesheet, an image or the live-reload poll)."""
    return not path.startswith("/livereload/") and (path.endswith(("/", ".html")) or
                                                    "." not in path.rsplit("/", 1)[-1])


def show_errors(app: Wsgi, errors: Callable[[], str | None]) -> Wsgi:
    """The server's WSGI app, answering page requests with the error page while
    ``errors()`` returns text."""
    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        text = errors()
        if text is None or not is_page_request(str(environ.get("PATH_INFO", ""))):
            return app(environ, start_response)
        body = error_page(text)
        start_response("500 Internal Server Error", [
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store")])
        return [body]
    return serve


def or_errors(handler: Callable[[int], bytes | None],
              errors: Callable[[], str | None]) -> Callable[[int], bytes | None]:
    """The server's page for a missing file: the error page while ``errors()`` returns text
    (a request that waited for a failing build finds the site folder emptied by it)."""
    def page(code: int) -> bytes | None:
        text = errors()
        return error_page(text) if text is not None else handler(code)
    return page
