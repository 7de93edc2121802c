"""Build a throw-away site project (mkdocs.yml, docs/, sop/) and serve it on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.pdf.printer import serve_site

REPO = Path(__file__).resolve().parents[2]


def make_project(tmp: Path, sop_dir: Path | None = None) -> Path:
    """A copy of the repository's site project with ``sop_dir`` (default: the real sop/)."""
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs", dirs_exist_ok=True)
    shutil.copytree(sop_dir or REPO / "sop", project / "sop", dirs_exist_ok=True)
    return project


MERMAID2_CONFIG = """
  - mermaid2:
      arguments:
        startOnLoad: false
"""


def mermaid2_project(tmp_path: Path) -> Path:
    """The repository's project with mkdocs-mermaid2 loading the diagrams."""
    project = make_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - sopgen:", MERMAID2_CONFIG.strip("\n") + "\n  - sopgen:")
    config = config.replace("pymdownx.superfences.fence_code_format",
                            "mermaid2.fence_mermaid_custom")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def build_project(project: Path, strict: bool = True) -> Path:
    """Run a real MkDocs build of ``project``; returns the site folder."""
    config = load_config(str(project / "mkdocs.yml"), strict=strict,
                         site_dir=str(project / "site"))
    build(config)
    return project / "site"


serve = serve_site
"""Serve a folder on 127.0.0.1 at a free port (the same server ``sopgen pdf`` prints from)."""
