"""The grid of the official flowchart table: columns, header cells, one row of text per step.

Columns follow Permen PAN-RB 35/2012: No | Uraian Kegiatan | one column per executor, in
the declared order | Mutu Baku: Kelengkapan, Waktu, Output | Keterangan. The table is as
wide as A4 landscape between 10 mm margins; only when the executors' columns cannot get
their minimum width does it grow (print then scales it down to the page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.official.geometry import Box
from generator.render.official.text import text_width, wrap
from generator.render.view import StepView

FONT = 11.0
LINE = 13.5
PAD = 6.0
BASE_WIDTH = 1047.0
"""277 mm at 96 units per inch: A4 landscape (297 mm) minus two 10 mm margins."""
NO_W, TIME_W = 30.0, 58.0
ROLE_MIN, ROLE_MAX, ROLE_SHARE = 72.0, 120.0, 0.42
TEXT_MIN = 400.0
TEXT_SHARES = (("activity", 0.40), ("inputs", 0.22), ("output", 0.22), ("notes", 0.16))
TURNED_MIN = 120.0
"""Shortest line of a role name turned upright: ~15 letters, so a long name takes a few
lines across the column rather than one line a page tall."""


@dataclass(frozen=True)
class Column:
    """One column: ``key`` is no, activity, role-<i>, inputs, time, output or notes."""

    key: str
    x: float
    w: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class Cell:
    """A table cell with its text already broken into lines that fit."""

    key: str
    box: Box
    lines: tuple[str, ...]
    header: bool = False
    step: int | None = None
    rotated: bool = False


def columns(role_count: int, labels: dict[str, str] | None = None) -> tuple[Column, ...]:
    """The columns, left to right; executors share what the text columns leave. With
    ``labels``, the text columns are never so narrow that a word of their header is cut
    (many roles: "Keterangan" in 64 units was "Keteran/gan"); the table grows instead."""
    role_w = min(ROLE_MAX, max(ROLE_MIN, (BASE_WIDTH - NO_W - TIME_W) * ROLE_SHARE
                               / role_count))
    text_w = max(TEXT_MIN, BASE_WIDTH - NO_W - TIME_W - role_w * role_count,
                 _header_words(labels) if labels else 0.0)
    widths = [("no", NO_W), ("activity", text_w * TEXT_SHARES[0][1])]
    widths += [(f"role-{i}", role_w) for i in range(role_count)]
    widths += [("inputs", text_w * TEXT_SHARES[1][1]), ("time", TIME_W),
               ("output", text_w * TEXT_SHARES[2][1]), ("notes", text_w * TEXT_SHARES[3][1])]
    result, x = [], 0.0
    for key, w in widths:
        result.append(Column(key, x, w))
        x += w
    return tuple(result)


def _header_words(labels: dict[str, str]) -> float:
    """The text width at which every word of the text columns' headers fits its column."""
    keys = {"activity": "official_col_activity", "inputs": "col_inputs",
            "output": "col_output", "notes": "col_notes"}
    return max((text_width(word, FONT, True) + 2 * PAD) / share
               for key, share in TEXT_SHARES for word in labels[keys[key]].split())


def _lines(text: str, w: float, bold: bool = False) -> tuple[str, ...]:
    return tuple(wrap(text, w - 2 * PAD, FONT, bold))


def _height(lines: tuple[str, ...]) -> float:
    return len(lines) * LINE + 2 * PAD


def header(cols: Sequence[Column], role_names: Sequence[str], labels: dict[str, str]
           ) -> tuple[tuple[Cell, ...], float]:
    """The two header rows (group titles above, role names below) and their height."""
    by_key = {col.key: col for col in cols}
    roles = [col for col in cols if col.key.startswith("role-")]
    spans = {"performers": (roles[0].x, roles[-1].x + roles[-1].w),
             "mutu_baku": (by_key["inputs"].x, by_key["output"].x + by_key["output"].w)}
    top = {key: _lines(labels[f"col_{key}"], hi - lo, True) for key, (lo, hi) in spans.items()}
    top_h = max(_height(lines) for lines in top.values())
    lower_text = {**{col.key: name for col, name in zip(roles, role_names, strict=True)},
                  "inputs": labels["col_inputs"], "time": labels["col_time"],
                  "output": labels["col_output"]}
    lower = {key: _lines(text, by_key[key].w, True) for key, text in lower_text.items()}
    turned = _turned(roles, role_names)
    lower.update(turned)
    tall_text = {"no": labels["col_no"], "activity": labels["official_col_activity"],
                 "notes": labels["col_notes"]}
    tall = {key: _lines(text, by_key[key].w, True) for key, text in tall_text.items()}
    low_h = max(max(_height(lines) for key, lines in lower.items() if key not in turned),
                max(_height(lines) for lines in tall.values()) - top_h,
                *(_length(lines) + 2 * PAD for lines in turned.values()))
    cells = [Cell(key, Box(lo, 0, hi - lo, top_h), top[key], header=True)
             for key, (lo, hi) in spans.items()]
    cells += [Cell(key, Box(by_key[key].x, top_h, by_key[key].w, low_h), lines, header=True,
                   rotated=key in turned) for key, lines in lower.items()]
    cells += [Cell(key, Box(by_key[key].x, 0, by_key[key].w, top_h + low_h), lines,
                   header=True) for key, lines in tall.items()]
    return tuple(cells), top_h + low_h


def _length(lines: tuple[str, ...]) -> float:
    return max(text_width(line, FONT, True) for line in lines)


def _turned(roles: Sequence[Column], names: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Role names turned upright, when a word of one does not fit across its column.

    Many roles make narrow columns (40 roles: 72 units), where a name like "Bendahara
    Pengeluaran" was cut inside its words ("Bendahar/a Pengeluar/an"). Turned a quarter
    round, every name reads whole, in lines as long as needed for them to fit side by
    side across the column; the header row grows instead. Names that fit as they are,
    in every SOP with few roles, stay level."""
    def cut(name: str, col: Column) -> bool:
        return any(text_width(word, FONT, True) > col.w - 2 * PAD for word in name.split())

    if not any(cut(name, col) for col, name in zip(roles, names, strict=True)):
        return {}
    turned = {}
    for col, name in zip(roles, names, strict=True):
        length = max([TURNED_MIN, *(text_width(w, FONT, True) for w in name.split())])
        lines = _lines(name, length + 2 * PAD, True)
        while len(lines) * LINE > col.w - 2 * PAD and len(lines) > 1:
            length *= 1.25
            lines = _lines(name, length + 2 * PAD, True)
        turned[col.key] = lines
    return turned


def step_texts(step: StepView) -> dict[str, str]:
    """What each text column of a step's row says (decisions add their question)."""
    activity = f"{step.action}\n{step.question}" if asks_more(step) else step.action
    return {"no": str(step.number), "activity": activity, "inputs": "\n".join(step.inputs),
            "time": step.time, "output": step.output or "", "notes": step.notes or ""}


def asks_more(step: StepView) -> bool:
    """True when a decision's question says more than its action: an author who wrote
    the question as the action ("Apakah konsep disetujui?") should not read it twice."""
    def bare(text: str) -> str:
        return " ".join(text.casefold().replace("?", " ").split())

    return bool(step.question) and bare(step.question or "") != bare(step.action)


def step_cells(step: StepView, cols: Sequence[Column]) -> tuple[dict[str, tuple[str, ...]],
                                                                  float]:
    """The wrapped lines of a step's text cells and the height they need."""
    by_key = {col.key: col for col in cols}
    lines = {key: _lines(text, by_key[key].w) for key, text in step_texts(step).items()}
    return lines, max(_height(cell) for cell in lines.values())
