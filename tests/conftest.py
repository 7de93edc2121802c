"""Shared fixtures: the seed site built once, a loopback server, headless chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from generator.pdf.printer import CHROMIUM, CHROMIUM_ARGS
from helpers.site import REPO, build_project, make_project, serve


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's own mkdocs.yml, docs/ and sop/ (strict)."""
    project = make_project(tmp_path_factory.mktemp("seed"))
    return build_project(project)


@pytest.fixture(scope="session")
def seed_url(seed_site: Path) -> Iterator[str]:
    """Base URL of the seed site served on 127.0.0.1."""
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless; a missing browser fails the test (never skipped)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def repo() -> Path:
    return REPO
