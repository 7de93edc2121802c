"""Small SOP files for tests, written as YAML text so line numbers are real."""

from __future__ import annotations

from pathlib import Path

MINIMAL = """\
title: Pelayanan Contoh
organization: Dinas Contoh
kind: pelayanan
roles:
  - id: petugas
    name: Petugas
  - id: kepala
    name: Kepala Seksi
steps:
  - action: Menerima berkas
    actors: petugas
    standard:
      time: 10
  - action: Memeriksa berkas
    actors: petugas
    standard:
      time: 20
  - action: Menandatangani surat
    actors: kepala
    standard:
      time: 5
"""


def write_sop(sop_dir: Path, rel_path: str, text: str = MINIMAL) -> Path:
    """Write ``text`` to ``sop_dir/rel_path`` (folders created) and return the path."""
    path = sop_dir / rel_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")
