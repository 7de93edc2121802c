"""The editor's schema and ``sopgen check`` agree: the same examples go to both, and each
is accepted by both or refused by both (issue 11: "10 Menit" was refused by the schema)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from generator.source.load import SopLoader
from generator.source.model import Sop
from generator.source.schema import schema_text
from helpers.sops import MINIMAL

VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))
BASE: dict[str, Any] = yaml.load(MINIMAL, Loader=SopLoader)


def _step(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["steps"][1]["standard"][key] = value
    return change


def _decision(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["steps"][1]["decision"] = {"question": "Lengkap?", "yes": "next", "no": "end",
                                        key: value}
    return change


def _top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[key] = value
    return change


def _approval(value: Any) -> Callable[[dict[str, Any]], None]:
    return _top("approval", {"nip": value, "rank": "Pembina Utama Muda, IV/c"})


EXAMPLES: list[tuple[str, Callable[[dict[str, Any]], None], bool]] = [
    ("10 Menit", _step("time", "10 Menit"), True),
    ("1 hari", _step("time", "1 hari"), True),
    ("2 Jam", _step("time", "2 Jam"), True),
    ("2 jam", _step("time", "2 jam"), True),
    ("3 Hari Kerja", _step("time", "3 Hari Kerja"), True),
    ("1,5 jam", _step("time", "1,5 jam"), True),
    ("15", _step("time", 15), True),
    ("0 minutes", _step("time", 0), True),
    ("blank time", _step("time", ""), True),
    ("no time", _step("time", None), True),
    ("10detik", _step("time", "10 detik"), False),
    ("sebentar", _step("time", "sebentar"), False),
    ("negative", _step("time", -5), False),
    ("negative text", _step("time", "-5 menit"), False),
    ("hari  kerja (two spaces)", _step("time", "1 hari  kerja"), True),
    ("kind rutin", _top("kind", "rutin"), True),
    ("kind blank", _top("kind", ""), True),
    ("kind missing", _top("kind", None), True),
    ("kind Rutin", _top("kind", "Rutin"), False),
    ("kind layanan", _top("kind", "layanan"), False),
    ("question blank", _decision("question", ""), True),
    ("question missing", _decision("question", None), True),
    ("no blank", _decision("no", ""), True),
    ("no missing", _decision("no", None), True),
    ("no step number", _decision("no", 1), True),
    ("no list", _decision("no", [1]), False),
    ("nip quoted", _approval("198001012005011001"), True),
    ("nip number", _approval(198001012005011001), False),
    ("title blank", _top("title", "  "), False),
    ("requirements one", _top("requirements", "KTP asli"), True),
    ("requirements list", _top("requirements", ["KTP asli", "Kartu Keluarga"]), True),
    ("related one text", _top("related", "SOP Pelayanan Pengaduan"), True),
    ("revision number", _top("revisions", [{"date": "2024-01-31", "number": 1,
                                           "changes": "Waktu"}]), True),
    ("output text", _step("output", "Surat"), True),
    ("output number", _step("output", 12), False),
]


def _loader_accepts(data: dict[str, Any]) -> bool:
    try:
        Sop.model_validate(data)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(("name", "change", "valid"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_schema_and_loader_agree(name: str, change: Callable[[dict[str, Any]], None],
                                 valid: bool) -> None:
    data = copy.deepcopy(BASE)
    change(data)
    assert _loader_accepts(data) is valid, name
    assert (not list(VALIDATOR.iter_errors(data))) is valid, name


@pytest.mark.parametrize(("key", "valid"), [("kepala", True), ("Kepala Seksi", False)])
def test_does_keys_agree(key: str, valid: bool) -> None:
    data = copy.deepcopy(BASE)
    data["steps"][2]["does"] = {key: "tanda tangan"}
    assert _loader_accepts(data) is valid
    assert (not list(VALIDATOR.iter_errors(data))) is valid
