"""Problems the user can fix (a wrong option, a missing file, a busy port), kept apart from
bugs of sopgen: the command line prints them as one line and an exit status, never as a
traceback. Any module may raise :class:`UserError`; only ``cli.main`` turns it into output.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """One line for the user. ``status`` is the exit status: 1 for bad input or a problem of
    the machine, 2 for a wrong use of the command line (as argparse exits)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def need_folder(path: Path, option: str) -> None:
    """Refuse an option that must name a folder (or a new one) but names a file."""
    if path.exists() and not path.is_dir():
        raise UserError(f"{option} {path} is a file, not a folder", status=2)


def need_file(path: Path, option: str) -> None:
    """Refuse an option that must name a file (or a new one) but names a folder."""
    if path.is_dir():
        raise UserError(f"{option} {path} is a folder; name a file", status=2)
