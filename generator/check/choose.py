"""SOPs chosen by name on the command line (``sopgen lint``, ``sopgen pdf``).

An SOP is named by its id (``pengukuran-kinerja``) or by its path in the SOP folder
without ``.yaml`` (``disdukcapil/pengukuran-kinerja``); every unknown name is reported at
once, as a usage error (exit status 2).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.check.library import Library, SopEntry
from generator.user_error import UserError


class UnknownSopError(UserError):
    """A name on the command line that is no SOP of the library (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=2)


def select(library: Library, names: Sequence[str]) -> list[SopEntry]:
    """The SOPs named, each once, in the order named; all of them when no name is given."""
    if not names:
        return list(library.entries)
    keys = {key: entry for entry in library.entries
            for key in (entry.id, "/".join(filter(None, (entry.unit_id, entry.id))))}
    unknown = [name for name in names if name not in keys]
    if unknown:
        raise UnknownSopError(f"no SOP named {', '.join(unknown)} (known: "
                              f"{', '.join(entry.id for entry in library.entries)})")
    chosen = {keys[name].id: keys[name] for name in names}
    return list(chosen.values())
