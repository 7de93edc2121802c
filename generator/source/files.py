"""Reading an SOP file's bytes from disk, and turning them into text, without surprises.

A path that looks like an SOP file can be a folder, a named pipe (opening it for reading
would wait forever for a writer), a device, or a file that cannot be read. Each becomes an
error naming the file, never a traceback or a hang.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from generator.source.document import LoadFailure
from generator.source.errors import SopError

MAX_FILE_BYTES = 1024 * 1024
"""An SOP is a few kilobytes; a file larger than this is a mistake, not an SOP."""

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in words ('a named pipe (FIFO)'); None for a file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def os_problem(exc: OSError) -> str:
    """Why the system refused, in words an author can act on."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()


def read_source(path: Path, display_path: str) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`, or a located error.

    The file is opened non-blocking and checked with ``fstat`` on the open descriptor, so
    a pipe swapped in after discovery still cannot make the read wait."""
    def fail(message: str) -> LoadFailure:
        return LoadFailure(SopError(display_path, 1, 1, "", message))

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise fail(f"the file cannot be opened ({os_problem(exc)}); check that it may be "
                   "read") from None
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise fail(f"this is {kind}, not a file; an SOP is a plain text file")
        raw = _read_at_most(fd, MAX_FILE_BYTES + 1) if info.st_size <= MAX_FILE_BYTES else b""
        if info.st_size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
            size = max(info.st_size, len(raw))
            raise fail(f"the file is {size:,} bytes; an SOP file may be at most "
                       f"{MAX_FILE_BYTES:,}")
        return raw
    except OSError as exc:
        raise fail(f"the file cannot be read ({os_problem(exc)})") from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes: one more than allowed tells a file that grew since fstat."""
    chunks: list[bytes] = []
    while limit > 0 and (chunk := os.read(fd, limit)):
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


_WIDE = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
"""Byte order marks of the encodings Windows editors offer as 'Unicode' (UTF-32 first:
its little-endian mark starts with UTF-16's)."""


def decode(raw: bytes, display_path: str) -> str:
    """UTF-8 text (a BOM is accepted); UTF-16 and bad bytes are named with their line."""
    wide = next((name for bom, name in _WIDE if raw.startswith(bom)), None)
    if wide is None and _looks_utf16(raw):
        wide = "UTF-16"
    if wide is not None:
        raise LoadFailure(SopError(display_path, 1, 1, "", (
            f"the file is saved as {wide}, not UTF-8; save it as UTF-8")))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        raise LoadFailure(SopError(display_path, line, column, "", (
            f"the file is not UTF-8: byte 0x{byte:02X} cannot be read; "
            "save the file as UTF-8"))) from None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a mark: text where every other byte of the start is NUL."""
    sample = raw[:200]
    half = len(sample) // 2
    return half >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) >= half * 3 // 4
