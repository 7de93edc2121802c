"""``sopgen pdf``: build the site (or take a built one) and print the chosen SOPs."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from generator.check.library import Library, load_library
from generator.pdf.jobs import jobs_for, select
from generator.pdf.printer import PrintError, print_jobs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``sopgen pdf`` (cli.py registers the sub-command)."""
    parser.add_argument("sops", nargs="*", metavar="SOP",
                        help="SOP ids or unit/id paths to print (default: every SOP)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-o", "--output", default="pdf", help="folder for the PDF files")
    parser.add_argument("--site", default=None,
                        help="print from this built site instead of building one first")
    parser.set_defaults(func=command)


def _library(config: Any, config_file: str) -> Library:
    """The SOPs of the site that ``config`` (a loaded mkdocs.yml) builds."""
    from generator.mkdocs.build import sop_dir_of

    sop_dir = sop_dir_of(config)
    if sop_dir is None:
        raise PrintError(f"{config_file} does not use the sopgen plugin")
    return load_library(sop_dir, display_root=sop_dir.parent)


def command(args: argparse.Namespace) -> int:
    """Build the site into a temporary folder (unless --site names a built one), then print
    the jobs of the chosen SOPs, one progress line per file. Errors go to ``cli.main``."""
    from generator.mkdocs.build import build_site, load_site_config

    with tempfile.TemporaryDirectory(prefix="sopgen-pdf-") as tmp:
        config = load_site_config(args.config_file, site_dir=args.site or tmp)
        jobs = jobs_for(select(_library(config, args.config_file), args.sops))
        if args.site is None:
            build_site(config)
        print(f"printing {len(jobs)} PDF files to {args.output}", flush=True)
        print_jobs(Path(config.site_dir), jobs, Path(args.output), config.use_directory_urls,
                   lambda n, total, job, path: print(f"[{n}/{total}] {path}", flush=True))
    return 0
