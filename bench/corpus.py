"""A synthetic corpus of realistic SOPs for benchmarks: N files in unit folders.

Each SOP has 5-30 steps, 3-8 roles drawn from one shared pool (so role pages gather many
SOPs), decisions (some looping back), multi-role meetings, related links to other SOPs,
legal basis, equipment, records and review dates: what an office's SOPs look like.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

ROLE_POOL = [
    "Kepala Dinas", "Sekretaris", "Kepala Bidang Pelayanan", "Kepala Bidang Pengawasan",
    "Kepala Subbagian Umum", "Kepala Subbagian Keuangan", "Kepala Seksi", "Petugas Loket",
    "Operator", "Verifikator", "Bendahara", "Arsiparis", "Analis Kebijakan",
    "Pranata Komputer", "Staf Pelaksana", "Pemohon", "Tim Teknis", "Inspektur",
    "Perencana Ahli Muda", "Pengadministrasi",
]
VERBS = ["Menerima", "Memeriksa", "Memverifikasi", "Mencatat", "Menyusun", "Menelaah",
         "Menandatangani", "Menyampaikan", "Mengarsipkan", "Menghimpun", "Menganalisis",
         "Mengoreksi", "Menggandakan", "Mengirimkan", "Memaraf", "Menetapkan"]
OBJECTS = ["berkas permohonan", "dokumen pengukuran kinerja", "surat masuk", "laporan keuangan",
           "data kependudukan", "nota dinas", "draf keputusan", "lembar disposisi",
           "formulir pendaftaran", "rekapitulasi data", "bukti pembayaran", "notulen rapat"]
UNITS = ["sekretariat", "pelayanan", "pengawasan", "keuangan", "perencanaan", "umum",
         "kepegawaian", "informatika", "pendaftaran", "pencatatan-sipil"]


def role_id(name: str) -> str:
    return name.lower().replace(" ", "_").replace(".", "")


def _step(rng: random.Random, index: int, count: int, roles: list[str]) -> dict[str, Any]:
    actors = rng.sample(roles, 2 if rng.random() < 0.08 and len(roles) > 1 else 1)
    obj = rng.choice(OBJECTS)
    step: dict[str, Any] = {
        "action": f"{rng.choice(VERBS)} {obj} sesuai ketentuan yang berlaku",
        "actors": [role_id(a) for a in actors],
        "standard": {"inputs": [obj.capitalize()], "output": f"{obj.capitalize()} selesai",
                     "time": rng.choice([5, 10, 15, 30, 60, 120, "2 jam", "1 hari kerja"])}}
    if 0 < index < count - 1 and rng.random() < 0.12:
        back = rng.random() < 0.3
        step["decision"] = {"question": f"{obj.capitalize()} lengkap?", "yes": "next",
                            "no": rng.randint(1, index) if back else "end"}
    if rng.random() < 0.2:
        step["notes"] = "Dilaksanakan sesuai jadwal yang ditetapkan"
    return step


def make_sop(rng: random.Random, number: int, ids: list[str]) -> dict[str, Any]:
    """One SOP as plain data; ``ids`` are the SOPs it may name as related."""
    roles = rng.sample(ROLE_POOL, rng.randint(3, 8))
    count = rng.randint(5, 30)
    steps = [_step(rng, i, count, roles) for i in range(count)]
    used = {a for s in steps for a in s["actors"]}
    for name in roles:  # every declared role acts at least once
        if role_id(name) not in used:
            steps[rng.randrange(count)]["actors"].append(role_id(name))
    for s in steps:
        s["actors"] = sorted(set(s["actors"]))
    return {
        "number": f"800/{number:04d}/2025", "title": f"Prosedur Layanan Nomor {number}",
        "organization": "Dinas Contoh Kabupaten", "kind": rng.choice(["rutin", "pelayanan"]),
        "dates": {"made": "2025-01-15", "effective": "2025-02-01",
                  "review": f"2026-{rng.randint(1, 12):02d}-15"},
        "legal_basis": ["Peraturan Menteri PAN-RB Nomor 35 Tahun 2012"] * rng.randint(1, 4),
        "qualifications": ["Memahami tugas pokok dan fungsi"],
        "related": [{"sop": sop_id} for sop_id in rng.sample(ids, min(len(ids), 2))],
        "equipment": ["Komputer", "Printer", "Alat tulis kantor"],
        "warnings": ["Berkas yang tidak lengkap dikembalikan kepada pemohon"],
        "records": {"entries": [{"holder": roles[0], "role": role_id(roles[0]),
                                 "record": "Lembar disposisi", "sign": "signature"}]},
        "roles": [{"id": role_id(name), "name": name} for name in roles],
        "steps": steps,
    }


SOPS_PER_UNIT = 50
"""Offices grow by adding units, not by piling SOPs into one: a province with 2,000 SOPs
has some 40 units of about 50 SOPs each, grouped under at most 10 divisions (bidang), as
folders ``<division>/<unit>``. With navigation.prune a page then carries its division's
units and its unit's SOPs, not every unit of the site."""


def unit_folder(index: int) -> str:
    """'sekretariat/seksi-1', 'pelayanan/seksi-1', ..., 'sekretariat/seksi-2', ..."""
    return f"{UNITS[index % len(UNITS)]}/seksi-{index // len(UNITS) + 1}"


def make_corpus(out_dir: Path, count: int, seed: int = 35) -> list[Path]:
    """Write ``count`` SOP files under ``out_dir/<unit>/``; returns their paths."""
    rng = random.Random(seed)
    ids = [f"sop-{n:05d}" for n in range(count)]
    units = max(1, round(count / SOPS_PER_UNIT))
    paths = []
    for n, sop_id in enumerate(ids):
        unit = unit_folder(n % units)
        others = ids[max(0, n - 20):n]
        path = out_dir / unit / f"{sop_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = make_sop(rng, n, others)
        division, section = unit.split("/")
        data["unit"] = f"{division.replace('-', ' ').title()} {section.replace('-', ' ').title()}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")
        paths.append(path)
    return paths
