"""Big SOPs for tests of any size: 300 steps with long realistic actions, and 40 roles.

Seeded, so every run draws the same SOPs. The 300-step SOP has decisions that end the
procedure, loop back (some to a step far earlier, in another part of a split diagram) and
jump forward past many steps; the 40-role SOP has long role names, the worst case for a
column or lane header.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

VERBS = ["Menerima", "Memeriksa", "Memverifikasi", "Mencatat", "Menyusun", "Menelaah",
         "Menandatangani", "Menyampaikan", "Mengarsipkan", "Menghimpun", "Menganalisis"]
OBJECTS = ["berkas permohonan izin usaha", "dokumen pengukuran kinerja triwulan",
           "surat masuk dari instansi vertikal", "laporan realisasi anggaran",
           "data kependudukan hasil pemutakhiran", "nota dinas kepala bidang"]
TAILS = ["kemudian mencocokkan setiap data dengan dokumen asli dan mencatat kekurangan "
         "pada lembar kendali yang disediakan", "sesuai ketentuan peraturan perundang-"
         "undangan yang berlaku serta menyampaikan hasilnya kepada atasan langsung",
         "dengan memperhatikan kelengkapan lampiran, tanda tangan pejabat berwenang dan "
         "stempel dinas pada setiap halaman"]
ROLE_WORDS = ["Kepala Sub Bagian Perencanaan dan Keuangan", "Pengadministrasi Kepegawaian",
              "Kepala Seksi Pemutakhiran Data", "Pranata Komputer Ahli Pertama",
              "Bendahara Pengeluaran Pembantu", "Analis Pengelolaan Keuangan APBD",
              "Verifikator Keuangan", "Penyuluh Kependudukan", "Arsiparis Terampil",
              "Kepala Bidang Pelayanan Pendaftaran Penduduk"]


def _action(rng: random.Random) -> str:
    """An action of about 150 characters."""
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    return text[:160].rsplit(" ", 1)[0] if len(text) > 160 else text


def _step(rng: random.Random, action: str, actors: list[str]) -> dict[str, Any]:
    return {"action": action, "actors": actors,
            "standard": {"inputs": ["Berkas"], "time": rng.choice([5, 10, 15, 30]),
                         "output": "Berkas diperiksa"}}


def three_hundred_steps(seed: int = 12) -> dict[str, Any]:
    """300 steps in 6 roles; every 7th step a decision: ends, near and far loops back,
    forward jumps of up to 90 steps; every 11th step done by two roles together."""
    rng = random.Random(seed)
    roles = [{"id": f"p{i}", "name": name} for i, name in enumerate(ROLE_WORDS[:6])]
    steps = []
    for i in range(300):
        actors = [f"p{i % 6}"] + ([f"p{(i + 2) % 6}"] if i % 11 == 5 else [])
        step = _step(rng, _action(rng), actors)
        if i % 7 == 3 and i < 295:
            kind = i % 4
            no: int | str = ("end" if kind == 0 else max(1, i - rng.randint(60, 120))
                             if kind == 1 else i - 1 if kind == 2
                             else min(300, i + rng.randint(30, 90)))
            step["decision"] = {"question": f"Apakah {rng.choice(OBJECTS)} sudah lengkap?",
                                "yes": "next", "no": no}
        steps.append(step)
    return {"title": "Pelayanan Terpadu Tiga Ratus Langkah", "organization": "Dinas Contoh",
            "unit": "Pelayanan", "kind": "pelayanan", "roles": roles, "steps": steps}


def forty_roles(seed: int = 40) -> dict[str, Any]:
    """40 roles with long names (a word like "Pemutakhiran" in a narrow column), each acting
    at least once, a meeting of three roles and a decision."""
    rng = random.Random(seed)
    roles = [{"id": f"r{i}", "name": f"{ROLE_WORDS[i % len(ROLE_WORDS)]} {i + 1}"}
             for i in range(40)]
    steps = [_step(rng, _action(rng), [f"r{i}"]) for i in range(40)]
    steps[20]["actors"] = ["r20", "r5", "r33"]
    steps[25]["decision"] = {"question": "Apakah berkas sudah lengkap?", "yes": "next",
                             "no": 3}
    return {"title": "Koordinasi Empat Puluh Pelaksana", "organization": "Dinas Contoh",
            "unit": "Pelayanan", "kind": "pelayanan", "roles": roles, "steps": steps}


def write_big_sops(sop_dir: Path) -> dict[str, Path]:
    """Both SOPs as YAML files under ``sop_dir/pelayanan``; name -> path."""
    folder = sop_dir / "pelayanan"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, data in (("tiga-ratus", three_hundred_steps()), ("empat-puluh", forty_roles())):
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        paths[name] = path
    return paths
