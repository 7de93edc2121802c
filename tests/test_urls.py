"""Links inside HTML blocks must match the URLs the built site has."""

from __future__ import annotations

import pytest

from generator.render.urls import href, page_url


@pytest.mark.parametrize(("md", "directory", "file"), [
    ("index.md", "", "index.html"), ("u/index.md", "u/", "u/index.html"),
    ("u/a.md", "u/a/", "u/a.html"),
    ("peran/kepala.md", "peran/kepala/", "peran/kepala.html")])
def test_page_url(md: str, directory: str, file: str) -> None:
    assert page_url(md, True) == directory
    assert page_url(md, False) == file


@pytest.mark.parametrize(("target", "page", "directory", "file"), [
    ("v/b.md", "u/a.md", "../../v/b/", "../v/b.html"),
    ("u/b.md", "u/a.md", "../b/", "b.html"),
    ("index.md", "u/a.md", "../../", "../index.html"),
    ("u/a.md", "index.md", "u/a/", "u/a.html"),
    ("u/index.md", "u/a.md", "../", "index.html"),
    ("u/a.md", "u/a.md", "./", "a.html"),
])
def test_href(target: str, page: str, directory: str, file: str) -> None:
    assert href(target, page, True) == directory
    assert href(target, page, False) == file
