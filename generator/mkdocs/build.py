"""MkDocs' build and serve commands as the CLI and the PDF printer use them.

The command line never imports MkDocs itself: loading ``mkdocs.yml``, building and serving
go through here, and MkDocs' own errors come back as :class:`SiteError` with one line of
reason, so the day the site engine changes only this package changes.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.site_dir import check_site_dir
from generator.user_error import UserError
from generator.write import build_atomically


class SiteError(UserError):
    """The site engine refused the config or failed the build; its reasons are logged."""


def load_site_config(config_file: str, **overrides: Any) -> Any:
    """The loaded ``mkdocs.yml`` (``site_dir`` and other options may be overridden)."""
    try:
        return load_config(config_file=config_file, **overrides)
    except MkDocsException as exc:
        raise SiteError(_reason(exc)) from None


def build_site(config: Any) -> None:
    """Build the site that ``config`` describes into its ``site_dir``."""
    try:
        build(config)
    except MkDocsException as exc:
        raise SiteError(_reason(exc)) from None


def build_project(config_file: str, site_dir: str | None, strict: bool) -> Path:
    """``sopgen build``: check that the site folder (``-d`` or mkdocs.yml's ``site_dir``) is
    one a build may replace, then build into a fresh folder and swap it in; returns it."""
    try:
        config = load_site_config(config_file)
    except SiteError as exc:
        raise SiteError(f"build failed, nothing was written{_colon(exc)}") from None
    site = Path(site_dir or config.site_dir)
    sources = {"the config file": Path(config.config_file_path),
               "the docs folder": Path(config.docs_dir)}
    sop_dir = sop_dir_of(config)
    if sop_dir is not None:
        sources["the SOP folder"] = sop_dir
    option, status = ("-d", 2) if site_dir else ("site_dir", 1)
    check_site_dir(site, Path(config.config_file_path).parent, sources, option, status)

    def run(staging: Path) -> None:
        build_site(load_site_config(config_file, site_dir=str(staging), strict=strict))

    try:
        build_atomically(site, run)
    except SiteError as exc:
        raise SiteError(f"build failed, the site in {site} is unchanged{_colon(exc)}") from None
    return site


def _colon(exc: SiteError) -> str:
    return f": {exc}" if str(exc) else " (the reasons are above)"


def sop_dir_of(config: Any) -> Path | None:
    """The SOP folder of the site, or None when its config does not use the sopgen plugin."""
    from generator.mkdocs.plugin import SopgenPlugin

    plugin = config.plugins.get("sopgen")
    return plugin.sop_path(config) if isinstance(plugin, SopgenPlugin) else None


def serve_site(config_file: str, dev_addr: str) -> None:
    """MkDocs' live-reload server; the sopgen plugin adds the fast path for SOP edits and
    the error page. A busy address is refused before the first build, not after it."""
    from mkdocs.commands.serve import serve

    _check_address(dev_addr)
    load_site_config(config_file, dev_addr=dev_addr)  # a bad config: MkDocs' serve would
    try:                                               # leave its temporary folder behind
        serve(config_file=config_file, dev_addr=dev_addr)
    except MkDocsException as exc:
        reason = _reason(exc) or "the site could not be served (the reasons are above)"
        raise SiteError(reason) from None
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        raise SiteError(f"-a {dev_addr}: {exc.strerror}") from None


def _check_address(dev_addr: str) -> None:
    """Bind the address once, as the server will: a port in use fails in a second."""
    host, _, port = dev_addr.rpartition(":")
    host = host.strip("[]")
    if not port.isdigit() or not host:
        return  # MkDocs' own check of dev_addr says what is wrong
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, int(port)))
        except OSError as exc:
            raise SiteError(f"-a {dev_addr}: cannot serve there: {exc.strerror}") from None


def _reason(exc: MkDocsException) -> str:
    """One line. MkDocs has logged the reasons already when it aborts; a YAML syntax error
    in mkdocs.yml is given as file:line:column."""
    if isinstance(exc, Abort):
        return ""
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
        mark = cause.problem_mark
        return f"{mark.name}:{mark.line + 1}:{mark.column + 1}: YAML syntax error: {cause.problem}"
    return " ".join(str(exc).split())
