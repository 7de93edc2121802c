"""The seed SOP 'Pengukuran Kinerja' ships in full, read from the scan, nothing invented."""

from __future__ import annotations

from generator.check.library import SopEntry, load_library
from helpers.site import REPO


def seed() -> SopEntry:
    return load_library(REPO / "sop").by_id("pengukuran-kinerja")


def test_every_part_of_the_scan_is_there() -> None:
    sop = seed().sop
    assert sop.title == "Pengukuran Kinerja"
    assert sop.kind.value == "rutin"
    assert len(sop.legal_basis) == 5
    assert len(sop.qualifications) == 4
    assert [r.text for r in sop.related] == ["SOP pelaksanaan pengawasan internal secara berkala"]
    assert len(sop.equipment) == 6
    assert len(sop.warnings) == 1
    assert [e.holder for e in sop.records.entries] == ["Kepala OPD", "Sekretaris OPD",
                                                       "JF Perencana Ahli Muda"]
    assert len(sop.records.notes) == 1
    assert sop.responsible.product == "Kepala Dinas Kependudukan dan Pencatatan Sipil"
    assert sop.responsible.activity == "JF Perencanaan Ahli Muda Disdukcapil"


def test_fourteen_steps_adding_up_to_795_minutes() -> None:
    entry = seed()
    steps = entry.sop.steps
    assert len(steps) == 14
    assert [int(s.standard.time.amount) for s in steps] == [
        15, 60, 25, 30, 120, 120, 240, 40, 60, 25, 10, 15, 25, 10]
    assert entry.total_time.clock_minutes == 795
    assert all(s.standard.inputs and s.standard.output for s in steps)


def test_the_meeting_involves_all_four_roles_and_names_its_sop() -> None:
    sop = seed().sop
    assert [r.name for r in sop.roles] == ["Kepala Dinas", "Sekretaris", "Sek. Tim Sakip",
                                           "Anggota Sakip"]
    meeting = sop.steps[4]
    assert meeting.action.startswith("Melaksanakan rapat")
    assert len(meeting.actors) == 4
    assert meeting.notes == "SOP Pelaksanaan Rapat"


def test_what_the_scan_does_not_show_stays_empty() -> None:
    sop = seed().sop
    assert sop.number is None
    assert (sop.dates.made, sop.dates.revised, sop.dates.effective) == (None, None, None)
    assert (sop.approval.name, sop.approval.nip) == (None, None)
