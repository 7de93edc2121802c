"""The ``sopgen`` command: check, build, export, serve, schema, new, pdf. A thin shell.

Every failure is handled here, once, for every sub-command: author errors print as
``file:line:col: field: message`` lines, a user's mistake or a problem of the machine
(:class:`UserError`, :class:`OSError`) as one line, each with exit status 1 (bad input) or
2 (wrong use of the command line). Anything else is a bug of sopgen: one line that says so
and where to report it, and the traceback only with ``--debug``. SIGTERM ends a command as
Ctrl-C does, so the clean-up of a build (its staging folder) runs in both cases.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from generator.check.library import load_library
from generator.check.lint.command import add_arguments as add_lint_arguments
from generator.pdf.command import add_arguments as add_pdf_arguments
from generator.scaffold import add_arguments as add_new_arguments
from generator.source.errors import SopValidationError
from generator.source.schema import SCHEMA_ID, schema_text
from generator.user_error import UserError, need_file, need_folder
from generator.write import write_text

DEFAULT_SCHEMA = Path("docs/schema/sop.schema.json")
BUG = ("this is a bug of sopgen, not a mistake in your files: please report it as README.md "
       "says (Reporting a bug), with the output of the same command run with --debug")
FOLDER_OPTIONS = {"new": (("sop_dir", "--sop-dir"),), "pdf": (("output", "-o"), ("site", "--site"))}
FILE_OPTIONS = {"schema": (("output", "-o"),)}
"""Options that name a folder or a file, checked before any command runs. (``check`` and
``lint`` read ``--sop-dir`` as a build does, whose own messages say what is wrong with it.)"""


def _check(args: argparse.Namespace) -> int:
    library = load_library(Path(args.sop_dir))
    steps = sum(len(entry.sop.steps) for entry in library.entries)
    print(f"{len(library.entries)} SOPs, {steps} steps: no errors")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.mkdocs.build import build_project

    logging.getLogger("mkdocs").setLevel(logging.INFO)  # as `mkdocs build` shows it
    site_dir = build_project(args.config_file, args.site_dir, args.strict)
    print(f"site written to {site_dir}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from generator.mkdocs.export import export_project

    count = export_project(args.config_file, Path(args.out_dir), args.engine)
    print(f"{count} pages exported to {args.out_dir} (build it with its mkdocs.yml)")
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
        return 0
    output = Path(args.output)
    if output.is_file() and SCHEMA_ID not in output.read_text(encoding="utf-8", errors="replace"):
        raise UserError(f"-o {output} is not a schema sopgen wrote; not overwritten", status=2)
    write_text(output, text)
    print(f"schema written to {args.output}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: one sub-command per job; ``--debug`` before or after it."""
    root = argparse.ArgumentParser(prog="sopgen", description="Publish SOPs from YAML.")
    root.add_argument("--debug", action="store_true",
                      help="on an internal error, show its traceback")
    sub = root.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the SOP files without building")
    check.add_argument("--sop-dir", default="sop")
    check.set_defaults(func=_check)
    build = sub.add_parser("build", help="build the site (the old site stays if this fails)")
    build.add_argument("-f", "--config-file", default="mkdocs.yml")
    build.add_argument("-d", "--site-dir", default=None,
                       help="a new or empty folder, or a site sopgen or MkDocs built")
    build.add_argument("--strict", action="store_true")
    build.set_defaults(func=_build)
    export = sub.add_parser("export", help="write the pages as a plain docs folder that "
                            "another MkDocs-compatible engine builds without sopgen")
    export.add_argument("out_dir", metavar="DIR",
                        help="a new or empty folder, or an earlier export")
    export.add_argument("-f", "--config-file", default="mkdocs.yml")
    export.add_argument("--engine", choices=("zensical", "mkdocs"), default="zensical",
                        help="the engine that will build it (they read links in HTML "
                        "differently)")
    export.set_defaults(func=_export)
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
    for command in sub.choices.values():
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="on an internal error, show its traceback")
    return root


def _check_paths(args: argparse.Namespace) -> None:
    for dest, option in FOLDER_OPTIONS.get(args.command, ()):
        if getattr(args, dest, None) not in (None, "-"):
            need_folder(Path(getattr(args, dest)), option)
    for dest, option in FILE_OPTIONS.get(args.command, ()):
        if getattr(args, dest, None) not in (None, "-"):
            need_file(Path(getattr(args, dest)), option)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM raises SystemExit in the main thread, so ``finally`` blocks clean up."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals (a test calling main in a thread)
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = parser().parse_args(argv)
    name = f"sopgen {args.command}"
    try:
        with _sigterm_unwinds():
            _check_paths(args)
            return int(args.func(args))
    except SopValidationError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"{name}: {str(exc) or 'failed (the reasons are above)'}", file=sys.stderr)
        return exc.status
    except OSError as exc:
        where = "".join(f": {f}" for f in (exc.filename, exc.filename2) if f is not None)
        print(f"{name}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"{name}: internal error ({what}); {BUG}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
