"""The sopgen command: exit codes, messages, and a failed build that keeps the old site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.cli import main
from generator.source.schema import schema_text
from helpers.site import make_project
from helpers.sops import MINIMAL, write_sop


def test_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    from helpers.site import REPO

    assert main(["check", "--sop-dir", str(REPO / "sop")]) == 0
    assert "1 SOPs, 14 steps: no errors" in capsys.readouterr().out


def test_check_fails_with_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", MINIMAL.replace("actors: kepala", "actors: kabid"))
    write_sop(tmp_path / "sop", "u/b.yaml", MINIMAL.replace("time: 5", "time: -5"))
    assert main(["check", "--sop-dir", str(tmp_path / "sop")]) == 1
    err = capsys.readouterr().err
    assert "u/a.yaml:19:13: steps[2].actors[0]: unknown role 'kabid'" in err
    assert "u/b.yaml:21:13: steps[2].standard.time: the time must not be negative" in err
    assert err.rstrip().endswith("2 errors found")


def test_schema_command_writes_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_the_old_site_byte_for_byte(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    config, site = str(project / "mkdocs.yml"), project / "site"
    assert main(["build", "-f", config, "-d", str(site)]) == 0
    before = _digest(site)
    assert "index.html" in before
    write_sop(project / "sop", "u/broken.yaml", MINIMAL.replace("actors: kepala", "actors: x"))
    assert main(["build", "-f", config, "-d", str(site)]) == 1
    assert capsys.readouterr().err.strip().endswith(
        f"sopgen build: build failed, the site in {site} is unchanged (the reasons are above)")
    assert _digest(site) == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site-")]


def test_successful_rebuild_replaces_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config, site = str(project / "mkdocs.yml"), project / "site"
    assert main(["build", "-f", config, "-d", str(site)]) == 0
    write_sop(project / "sop", "u/baru.yaml")
    assert main(["build", "-f", config, "-d", str(site)]) == 0
    assert (site / "u" / "baru" / "index.html").is_file()
