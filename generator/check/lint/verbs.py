"""Does an activity start with an active verb? (Indonesian morphology, by rule of thumb.)

Permen PAN-RB 35/2012 writes each activity as an active verb phrase without a subject
("Menghimpun data kinerja"). Real SOPs slip into nominalisations ("Penandatanganan
dokumen"), passives ("Dokumen ditandatangani") and subjects ("Kepala Dinas mengoreksi").
Prefixes catch most of these; a short list of base verbs covers the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ACTIVE_PREFIXES = ("me", "ber")
"""me-, mem-, men-, meng-, meny- (all start with 'me') and ber-."""
BASE_VERBS = frozenset({
    "cek", "periksa", "catat", "isi", "tulis", "kirim", "terima", "serahkan", "teliti",
    "simpan", "arsipkan", "ambil", "buat", "susun", "tanda", "paraf", "pilih", "input",
    "entri", "scan", "pindai", "cetak", "foto", "ukur", "hitung", "bayar", "tunggu", "beri",
    "minta", "ajukan", "sampaikan", "laporkan", "verifikasi", "validasi", "lakukan",
})
"""Base (imperative) verbs SOPs use as they are: 'Cetak surat', 'Verifikasi berkas'."""
NOT_VERBS = frozenset({"berkas", "berita", "beras", "berat", "berikut", "meja", "media",
                       "mesin", "menteri", "memo", "merek", "meterai", "metode", "disposisi",
                       "distribusi", "diskusi", "dinas", "digital", "direktur", "dimensi"})
"""Nouns that look like me-/ber- verbs."""
_NOMINAL = re.compile(r"^(pe(?:ng|ny|m|n|r)?)([a-z]+?)(an)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_ME_FOR = {"peng": "meng", "peny": "meny", "pem": "mem", "pen": "men", "per": "memper",
           "pe": "me"}


@dataclass(frozen=True)
class VerbProblem:
    """Why an activity does not start with an active verb, and a proposed fix."""

    kind: str
    """'nominal' (Pembuatan ...), 'passive' (Ditandatangani ...), 'subject' (Kepala Dinas
    mengoreksi ...) or 'unknown' (no verb recognised)."""
    word: str
    proposal: str | None = None


def is_active(word: str) -> bool:
    """An active verb: me-/ber- forms, or a common base verb."""
    low = word.lower()
    if low in NOT_VERBS:
        return False
    return (low.startswith(ACTIVE_PREFIXES) and len(low) > 4) or low in BASE_VERBS


def _me(stem: str) -> str:
    """me- with the nasal Indonesian puts before ``stem``: tulis -> menulis."""
    first = stem[:1]
    if first in "tpks" and stem[1:2] not in ("y", "") and not stem.startswith("ng"):
        return {"t": "men", "p": "mem", "k": "meng", "s": "meny"}[first] + stem[1:]
    if first in "bfv":
        return "mem" + stem
    if first in "cdjz":
        return "men" + stem
    if first in "gh" or first in "aiueo":
        return "meng" + stem
    return "me" + stem


def _is_passive(word: str) -> bool:
    low = word.lower()
    return low.startswith("di") and len(low) > 5 and low not in NOT_VERBS


def active_form(noun: str) -> str | None:
    """'Pembuatan' -> 'Membuat', 'Pengarsipan' -> 'Mengarsip(kan)': a starting point for
    the author, who knows whether Indonesian wants -kan or -i after it."""
    match = _NOMINAL.match(noun.lower())
    if match is None:
        return None
    prefix, stem, _ = match.groups()
    return (_ME_FOR[prefix] + stem).capitalize()


def first_verb_problem(action: str, role_names: list[str]) -> VerbProblem | None:
    """None when the activity starts with an active verb; else what is wrong."""
    words = _WORD.findall(action)
    if not words:
        return None
    first = words[0]
    if is_active(first):
        return None
    low = first.lower()
    if _is_passive(first):
        return VerbProblem("passive", first, _me(low[2:]).capitalize())
    passive = next((w for w in words[1:3] if _is_passive(w)), None)
    if passive is not None:
        return VerbProblem("passive", passive, _me(passive.lower()[2:]).capitalize())
    if _NOMINAL.match(low) and low.startswith("pe"):
        return VerbProblem("nominal", first, active_form(first))
    for name in sorted(role_names, key=len, reverse=True):
        if action.lower().startswith(name.lower()):
            rest = action[len(name):].strip()
            return VerbProblem("subject", name, rest[:1].upper() + rest[1:] or None)
    verb = next((w for w in words[1:4] if is_active(w)), None)
    if verb is not None:
        return VerbProblem("subject", " ".join(words[:words.index(verb)]),
                           action[action.index(verb):][:1].upper()
                           + action[action.index(verb) + 1:])
    return VerbProblem("unknown", first)
