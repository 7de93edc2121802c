"""The ``sopgen`` command: check, build, serve, schema. A thin shell over the stages.

Author errors print as ``file:line:col: field: message`` lines and exit 1; an internal bug
is not caught here, so its traceback reaches the developers.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.check.library import load_library
from generator.check.lint.command import add_arguments as add_lint_arguments
from generator.pdf.command import add_arguments as add_pdf_arguments
from generator.scaffold import add_arguments as add_new_arguments
from generator.source.errors import SopValidationError
from generator.source.schema import schema_text
from generator.write import build_atomically, write_text

DEFAULT_SCHEMA = Path("docs/schema/sop.schema.json")


def _check(args: argparse.Namespace) -> int:
    library = load_library(Path(args.sop_dir))
    steps = sum(len(entry.sop.steps) for entry in library.entries)
    print(f"{len(library.entries)} SOPs, {steps} steps: no errors")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.mkdocs.build import SiteError, build_site, load_site_config

    logging.getLogger("mkdocs").setLevel(logging.INFO)  # as `mkdocs build` shows it
    site_dir = Path(args.site_dir) if args.site_dir else None

    def run(staging: Path) -> None:
        build_site(load_site_config(args.config_file, site_dir=str(staging),
                                    strict=args.strict))

    try:
        if site_dir is None:
            site_dir = Path(load_site_config(args.config_file).site_dir)
        build_atomically(site_dir, run)
    except SiteError as exc:
        reason = f":\n{exc}" if str(exc) else ""
        where = f"the site in {site_dir} is unchanged" if site_dir else "nothing was written"
        print(f"sopgen: build failed, {where}{reason}", file=sys.stderr)
        return 1
    print(f"site written to {site_dir}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.mkdocs.build import serve_site

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    serve_site(config_file=args.config_file, dev_addr=args.dev_addr)
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_text(Path(args.output), text)
        print(f"schema written to {args.output}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: one sub-command per job."""
    root = argparse.ArgumentParser(prog="sopgen", description="Publish SOPs from YAML.")
    sub = root.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the SOP files without building")
    check.add_argument("--sop-dir", default="sop")
    check.set_defaults(func=_check)
    build = sub.add_parser("build", help="build the site (the old site stays if this fails)")
    build.add_argument("-f", "--config-file", default="mkdocs.yml")
    build.add_argument("-d", "--site-dir", default=None)
    build.add_argument("--strict", action="store_true")
    build.set_defaults(func=_build)
    serve = sub.add_parser("serve", help="serve the site and rebuild when a file changes")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(func=_serve)
    add_lint_arguments(sub.add_parser("lint", help="warn where an SOP departs from the "
                                                   "rules of Permen PAN-RB 35/2012"))
    add_new_arguments(sub.add_parser("new", help="write a new SOP file, ready to fill in"))
    schema = sub.add_parser("schema", help="write the JSON Schema of the SOP format")
    schema.add_argument("-o", "--output", default=str(DEFAULT_SCHEMA))
    schema.set_defaults(func=_schema)
    add_pdf_arguments(sub.add_parser("pdf", help="print each SOP's checklist and step cards "
                                                 "to PDF with headless Chromium"))
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SopValidationError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
