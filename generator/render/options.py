"""What rendering needs from outside, passed explicitly to every renderer.

The site engine's adapter reads these from its config (``mkdocs.yml``'s plugin options)
and hands them down; nothing in the render stage reads settings from anywhere else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

DEFAULT_STEPS_PER_PAGE = 8
"""The scanned seed SOP puts 8 steps on its first flowchart page."""


@dataclass(frozen=True)
class OfficialSettings:
    """How the official document is drawn: steps per flowchart page and the office's logo
    (a docs-relative image path, or None)."""

    steps_per_page: int = DEFAULT_STEPS_PER_PAGE
    logo: str | None = None

    def __post_init__(self) -> None:
        if self.steps_per_page < 1:
            raise ValueError(f"steps per page must be at least 1, not {self.steps_per_page}")


@dataclass(frozen=True)
class RenderOptions:
    """Language, URL style, the date of the build (for reviews due) and the official
    document's settings."""

    language: str = "id"
    directory_urls: bool = True
    today: datetime.date = field(default_factory=datetime.date.today)
    official: OfficialSettings = field(default_factory=OfficialSettings)
    show_lint: bool = False
    """Show each SOP page's count of quality notes (for an authors' build of the site)."""
    site_url: str | None = None
    """The site's public address (``site_url`` of mkdocs.yml): printed pages carry a QR code
    of their SOP page's address when it is set, none when it is not."""
