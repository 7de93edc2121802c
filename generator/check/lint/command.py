"""``sopgen lint [SOP ...] [--strict]``: print every warning, grouped per file.

Exit 0 when the SOPs are valid, whatever the warnings (authors fix them over time), 1 with
``--strict`` and any warning (for CI), 1 when an SOP has errors (``sopgen check``'s), and
2 for a name that is no SOP of the site (``check/choose.py``, shared with ``sopgen pdf``).
"""

from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path

from generator.check.choose import select
from generator.check.library import FileCache, load_library
from generator.check.lint.run import LintWarning, lint_library, load_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``sopgen lint`` (cli.py registers the sub-command)."""
    parser.add_argument("sops", nargs="*", metavar="SOP",
                        help="SOP ids or unit/id paths to lint (default: every SOP)")
    parser.add_argument("--sop-dir", default="sop")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when there is any warning")
    parser.set_defaults(func=command)


def report(warnings: list[LintWarning]) -> str:
    """Per file: each warning on its line, its hint below it; a blank line between files."""
    blocks = []
    for _, items in groupby(sorted(warnings, key=lambda w: (w.file, w.line, w.column)),
                            key=lambda w: w.file):
        blocks.append("\n".join(f"{w}\n    hint: {w.hint}" for w in items))
    count = len(warnings)
    summary = f"{count} warning{'s' if count != 1 else ''}"
    return "\n\n".join([*blocks, summary])


def command(args: argparse.Namespace) -> int:
    sop_dir = Path(args.sop_dir)
    library = load_library(sop_dir, cache=FileCache())  # the cache keeps positions
    wanted = {entry.id for entry in select(library, args.sops)}
    by_sop = lint_library(library, load_config(sop_dir))
    warnings = [w for sop_id, items in by_sop.items() if sop_id in wanted for w in items]
    print(report(warnings))
    return 1 if args.strict and warnings else 0
