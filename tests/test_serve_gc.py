"""A serve leaves its built site out of the collector's full passes while it serves."""

from __future__ import annotations

import gc

from generator.mkdocs.plugin import SopgenPlugin
from generator.mkdocs.serve import ServeSession


def test_a_built_site_is_frozen_until_the_serve_ends() -> None:
    gc.unfreeze()
    session = ServeSession()
    try:
        session.built()
        assert gc.get_freeze_count() > 0, "the built site's objects: frozen"
        assert session.complete
    finally:
        SopgenPlugin().on_shutdown()
    assert gc.get_freeze_count() == 0, "the end of the serve unfreezes them"
