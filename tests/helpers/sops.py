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


SENTENCE = ("Petugas memeriksa kelengkapan berkas permohonan, mencocokkan setiap data dengan "
            "dokumen asli dan mencatat kekurangan pada lembar kendali. ")


def long_text(chars: int) -> str:
    """Realistic Indonesian text of about ``chars`` characters (whole words)."""
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars].rsplit(" ", 1)[0] + "."


def long_text_sop(lengths: tuple[int, ...] = (2100, 5200), steps: int = 9) -> str:
    """An SOP of ``steps`` steps whose steps 2, 3, ... have actions of ``lengths``
    characters: what must continue on a second card and a second official page."""
    lines = [MINIMAL.split("steps:\n")[0] + "steps:"]
    for i in range(steps):
        text = long_text(lengths[i - 1]) if 1 <= i <= len(lengths) else f"Langkah biasa {i + 1}"
        actor = "kepala" if i % 3 == 2 else "petugas"
        lines += [f"  - action: {text}", f"    actors: {actor}", "    standard:",
                  "      time: 10", "      output: Berkas"]
    return "\n".join(lines) + "\n"
