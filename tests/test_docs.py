"""The authors' guide: its example is a valid SOP, as the guide promises."""

from __future__ import annotations

import re
from pathlib import Path

from generator.check.library import load_library
from helpers.site import REPO


def test_authoring_example_is_a_valid_sop(tmp_path: Path) -> None:
    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", guide, flags=re.S) if "steps:" in b]
    assert len(blocks) == 2
    (tmp_path / "sop" / "pelayanan").mkdir(parents=True)
    (tmp_path / "sop" / "pelayanan" / "legalisasi.yaml").write_text(blocks[0], encoding="utf-8")
    second = tmp_path / "sop" / "kelurahan-sukamaju"
    second.mkdir()
    (second / "_organization.yaml").write_text("name: Kelurahan Sukamaju\n", encoding="utf-8")
    (second / "surat-masuk.yaml").write_text(blocks[1], encoding="utf-8")
    library = load_library(tmp_path / "sop")
    entry = library.by_id("legalisasi")
    assert entry.sop.steps[1].decision is not None
    assert (entry.total_time.clock_minutes, entry.total_time.working_days) == (20, 1)
    kelurahan = library.by_id("surat-masuk")
    assert kelurahan.organization.name == "Kelurahan Sukamaju"
    assert (kelurahan.total_time.stated, kelurahan.total_time.unstated) == (4, 1)


def test_the_guide_lists_every_lint_rule_with_a_good_and_a_bad_example() -> None:
    from generator.check.lint.rules import RULE_IDS

    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    guide = guide[guide.index("## Catatan mutu"):]
    rules = {m.group(1): m.group(2) for m in re.finditer(
        r"^- `([a-z-]+)`: (.+?\n  Baik: .+?\. Buruk: .+?\.)$", guide, flags=re.M)}
    assert sorted(rules) == sorted(RULE_IDS)  # each with a good and a bad example
