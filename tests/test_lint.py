"""``sopgen lint``: one minimal SOP per rule that triggers it and one that does not; the
seed as the scan says; the --strict exit codes; switching rules off with a reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from generator.check.library import FileCache, load_library
from generator.check.lint.rules import RULE_IDS
from generator.check.lint.run import lint_library, load_config
from generator.cli import main
from generator.locale import labels as locale_labels
from generator.source.errors import SopValidationError
from helpers.golden import assert_golden
from helpers.html import requoted
from helpers.site import REPO
from helpers.sops import MINIMAL, line_of, write_sop

COMPLETE = """\
number: 800/12/2024
title: Pelayanan Contoh
organization: Dinas Contoh
kind: pelayanan
dates:
  made: 2024-01-02
  effective: 2024-02-01
approval:
  position: Kepala Dinas
  name: Budi Santoso
legal_basis:
  - Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP
roles:
  - id: petugas
    name: Petugas
  - id: kepala
    name: Kepala Seksi
steps:
  - action: Menerima berkas permohonan
    actors: petugas
    standard:
      inputs: Berkas permohonan
      time: 10
      output: Berkas diterima
  - action: Memeriksa kelengkapan berkas
    actors: petugas
    standard:
      inputs: Berkas diterima
      time: 20
      output: Berkas lengkap
  - action: Menandatangani surat keterangan
    actors: kepala
    standard:
      inputs: Berkas lengkap
      time: 5
      output: Surat keterangan
"""


def rules_of(sop_dir: Path) -> list[tuple[str, int, str]]:
    library = load_library(sop_dir, cache=FileCache())
    return [(w.rule, w.line, w.message) for ws in lint_library(library, load_config(sop_dir))
            .values() for w in ws]


def test_a_complete_sop_has_no_warnings(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE)
    assert rules_of(tmp_path / "sop") == []


BREAKS = {
    "active-verb": ("action: Menandatangani surat keterangan",
                    "action: Penandatanganan surat keterangan"),
    "output-stated": ("      output: Surat keterangan\n", ""),
    "time-stated": ("      time: 5\n", "      time:\n"),
    "role-acts": ("    name: Kepala Seksi\n", "    name: Kepala Seksi\n  - id: lurah\n"
                                               "    name: Lurah\n"),
    "inputs-traced": ("      inputs: Berkas lengkap", "      inputs: Surat pengantar RT"),
    "identity": ("number: 800/12/2024\n", ""),
    "decision": ("      output: Berkas lengkap\n",
                 "      output: Berkas lengkap\n    decision:\n      question:\n"
                 "      'yes': next\n      'no': end\n"),
    "legal-citation": ("  - Peraturan Menteri PAN-RB Nomor 35",
                       "  - Permen PAN-RB 35/2012\n  - Peraturan Menteri PAN-RB Nomor 35"),
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_each_rule_fires_on_the_sop_that_breaks_it(tmp_path: Path, rule: str) -> None:
    old, new = BREAKS[rule]
    assert old in COMPLETE
    text = COMPLETE.replace(old, new, 1)
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    assert [r for r, _, _ in rules_of(tmp_path / "sop")] == [rule]
    library = load_library(tmp_path / "sop")
    [english], [indonesian] = (lint_library(library, labels=locale_labels(language))["a"]
                               for language in ("en", "id"))
    assert english.message != indonesian.message and english.hint != indonesian.hint
    assert "{" not in indonesian.message + indonesian.hint, "every field filled in"


def test_a_role_in_every_step_of_a_long_sop_hints_coarse_steps(tmp_path: Path) -> None:
    steps = "".join(f"  - action: Memeriksa bagian {i}\n    actors: [petugas, kepala]\n"
                    f"    standard:\n      time: 5\n      output: Bagian {i}\n"
                    for i in range(1, 8))
    text = COMPLETE[:COMPLETE.index("steps:")] + "steps:\n" + steps
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    assert sorted(r for r, _, _ in rules_of(tmp_path / "sop")) == ["role-everywhere"] * 2
    write_sop(tmp_path / "sop", "u/a.yaml", text.replace("[petugas, kepala]", "petugas", 1))
    assert sorted(r for r, _, _ in rules_of(tmp_path / "sop")) == ["role-everywhere"]


def test_size_guidance(tmp_path: Path) -> None:
    actors = ["kepala", "petugas"]
    steps = "".join(f"  - action: Memeriksa bagian {i}\n    actors: {actors[i % 2]}\n"
                    f"    standard:\n      time: 5\n      output: Bagian {i}\n"
                    for i in range(1, 27))
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE[:COMPLETE.index("steps:")] + "steps:\n"
              + steps)
    assert [(r, m) for r, _, m in rules_of(tmp_path / "sop")] == [
        ("size", "26 steps (guidance: at most 25)")]


def test_related_sops_name_each_other_both_ways(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE + "related:\n  - sop: b\n")
    other = COMPLETE.replace("800/12/2024", "800/13/2024")
    write_sop(tmp_path / "sop", "u/b.yaml", other)
    assert rules_of(tmp_path / "sop") == [
        ("related-both-ways", 1, "'a' names this SOP as related, but this SOP does not name it")]
    write_sop(tmp_path / "sop", "u/b.yaml", other + "related:\n  - sop: a\n")
    assert rules_of(tmp_path / "sop") == []


def test_warnings_point_at_the_line(tmp_path: Path) -> None:
    text = COMPLETE.replace("action: Menandatangani", "action: Penandatanganan")
    write_sop(tmp_path / "sop", "u/a.yaml", text)
    assert rules_of(tmp_path / "sop") == [
        ("active-verb", line_of(text, "Penandatanganan"),
         "step 3 starts with a noun ('Penandatanganan'), not an active verb")]


def test_the_seed_is_linted_as_the_scan_says() -> None:
    seed = [(r, m) for r, _, m in rules_of(REPO / "sop") if r == "active-verb"]
    nouns = [m for r, m in seed if "starts with a noun" in m]
    assert [m.split()[1] for m in nouns] == ["11", "12", "13", "14"]
    assert ("active-verb", "step 9 starts with its subject ('Kepala Dinas')") in seed


@pytest.mark.parametrize("corpus", ["corpus", "offices"])
def test_the_report_is_grouped_per_file_and_golden(
        corpus: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Realistic SOPs of other offices, linted: the exact warnings (read the golden file)."""
    assert main(["lint", "--sop-dir", str(REPO / "tests/data" / corpus)]) == 0
    out = capsys.readouterr().out.replace(str(REPO) + "/", "")
    assert_golden(f"lint/{corpus}.txt", out)


def test_a_draft_may_lack_its_identity_until_it_is_in_force(tmp_path: Path) -> None:
    draft = COMPLETE.replace("number: 800/12/2024\n", "status: draft\n")
    write_sop(tmp_path / "sop", "u/a.yaml", draft)
    assert rules_of(tmp_path / "sop") == []
    write_sop(tmp_path / "sop", "u/a.yaml", draft.replace("status: draft", "status: in_force"))
    assert [r for r, _, _ in rules_of(tmp_path / "sop")] == ["identity"]


def test_a_time_written_as_zero_is_stated(tmp_path: Path) -> None:
    """0 is what the form says (rare, but stated); only an empty time is 'not stated'."""
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE.replace("      time: 5\n", "      time: 0\n"))
    assert rules_of(tmp_path / "sop") == []


def test_strict_fails_on_any_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE)
    assert main(["lint", "--strict", "--sop-dir", str(tmp_path / "sop")]) == 0
    assert capsys.readouterr().out == "0 warnings\n"
    write_sop(tmp_path / "sop", "u/a.yaml", MINIMAL)
    assert main(["lint", "--sop-dir", str(tmp_path / "sop")]) == 0
    assert main(["lint", "--strict", "--sop-dir", str(tmp_path / "sop")]) == 1
    assert main(["lint", "nope", "--sop-dir", str(tmp_path / "sop")]) == 2
    assert main(["lint", "--strict", "u/a", "--sop-dir", str(tmp_path / "sop")]) == 1


def test_rules_switched_off_with_a_reason(tmp_path: Path) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", MINIMAL)
    write_sop(tmp_path / "sop", "u/b.yaml", MINIMAL)
    before = rules_of(tmp_path / "sop")
    assert {r for r, _, _ in before} >= {"identity", "output-stated"}
    (tmp_path / "sop/_lint.yaml").write_text(
        "off:\n  - rule: identity\n    reason: Nomor diberikan setelah pengesahan.\n"
        "  - rule: output-stated\n    sop: a\n    reason: Contoh.\n", encoding="utf-8")
    after = rules_of(tmp_path / "sop")
    assert "identity" not in {r for r, _, _ in after}
    outputs = [r for r, _, _ in after if r == "output-stated"]
    assert len(outputs) == len([r for r, _, _ in before if r == "output-stated"]) // 2


@pytest.mark.parametrize(("text", "message"), [
    ("off:\n  - rule: identity\n", "_lint.yaml:2:5: off[0].reason: Field required"),
    ("off:\n  - rule: identiti\n    reason: x\n",
     "_lint.yaml:2:11: off[0].rule: unknown rule 'identiti' (rules: " + ", ".join(RULE_IDS)
     + ")"),
])
def test_a_bad_lint_config_is_an_author_error(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "sop").mkdir()
    (tmp_path / "sop/_lint.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SopValidationError) as raised:
        load_config(tmp_path / "sop")
    assert raised.value.errors[0].__str__().endswith(message)


def test_the_quality_page_lists_warnings_and_sop_pages_count_them_on_request() -> None:
    from generator.render.options import RenderOptions
    from generator.render.site import render_site

    library = load_library(REPO / "sop")
    pages = render_site(library)
    quality = pages["catatan-mutu.body.html"]  # the page's HTML body (render.slots)
    assert "Penandatanganan" in quality and "<script" not in quality
    assert 'data-sopgen-slot="catatan-mutu.body.html"' in pages["catatan-mutu.md"]
    # steps 7, 9, 10 (a subject), 11-14 (nouns): the rule said once, over its seven rows
    assert quality.count("<code>active-verb</code>") == 1
    assert '<td rowspan="7"><code>active-verb</code></td>' in quality
    found = lint_library(library, labels=locale_labels("id"))["pengukuran-kinerja"]
    rows = quality.split("<tbody>")[1].split("</tbody>")[0].strip().split("\n")
    assert len(rows) == len(found), "a row per finding"
    messages = {str(escape(warning.message)) for warning in found}
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]
    assert all(sum(cell in messages for cell in row) == 1 for row in cells)
    assert sorted(cell for row in cells for cell in row if cell in messages) == sorted(
        str(escape(warning.message)) for warning in found), "every finding named"
    for warning in found:  # each advice said once per rule (the identity rule's five: once)
        assert quality.count(str(escape(warning.hint))) == 1
    assert "catatan mutu" not in pages["disdukcapil/pengukuran-kinerja.md"]
    shown = render_site(library, RenderOptions(show_lint=True))
    warnings = len(lint_library(library)["pengukuran-kinerja"])
    assert (f"[{warnings} catatan mutu](../catatan-mutu.md#pengukuran-kinerja)"
            in shown["disdukcapil/pengukuran-kinerja.md"])


def test_the_built_quality_page_is_out_of_the_nav_and_search(seed_site: Path) -> None:
    import json

    assert (seed_site / "catatan-mutu/index.html").is_file()
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "catatan-mutu/" not in home
    index = json.loads((seed_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("catatan-mutu/")]
    built = requoted((seed_site / "catatan-mutu/index.html").read_text(encoding="utf-8"))
    assert 'id="pengukuran-kinerja"' in built and "sopgen-slot" not in built, "slot filled"
    assert built.count("<h1") == 1 and "<code>active-verb</code>" in built
    assert '<div class="sopgen-table-wrap" tabindex="0">\n<table>' in built, "scrolls on a phone"
    assert "<code>sopgen lint</code>" in built, "the intro's code is Markdown, not text"


@pytest.mark.parametrize("named", ["b", "Pelayanan Lain", "800/13/2024", "  pelayanan  LAIN "])
def test_a_related_sop_of_this_site_written_as_text_is_named(tmp_path: Path, named: str) -> None:
    write_sop(tmp_path / "sop", "u/a.yaml", COMPLETE + f"related:\n  - '{named}'\n"
              "  - SOP Pelayanan Terpadu Kabupaten\n")
    other = COMPLETE.replace("800/12/2024", "800/13/2024").replace(
        "title: Pelayanan Contoh", "title: Pelayanan Lain")
    write_sop(tmp_path / "sop", "u/b.yaml", other)
    [(rule, line, message)] = rules_of(tmp_path / "sop")
    assert (rule, line) == ("related-by-id", COMPLETE.count("\n") + 2)
    assert message.endswith("it is the SOP 'b' of this site"), message


def test_the_quality_page_groups_findings_by_rule_then_advice_keeping_each() -> None:
    from generator.check.lint.run import LintWarning
    from generator.render.quality import Advice, RuleFindings, group_findings

    def warning(rule: str, message: str, hint: str) -> LintWarning:
        return LintWarning("a", "a.yaml", 1, 1, rule, message, hint, "steps")

    found = [warning("b", "b1", "x"), warning("a", "a1", "y"), warning("b", "b2", "z"),
             warning("b", "b3", "x"), warning("a", "a2", "y")]
    groups = group_findings(found)
    assert groups == (RuleFindings("b", (Advice("x", ("b1", "b3")), Advice("z", ("b2",)))),
                      RuleFindings("a", (Advice("y", ("a1", "a2")),)))
    assert [group.rows for group in groups] == [3, 2]
