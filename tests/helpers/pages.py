"""Every page kind of the seed site, by a name a test can print."""

from __future__ import annotations

SEED_PAGES = {
    "home": "",
    "unit": "disdukcapil/",
    "sop": "disdukcapil/pengukuran-kinerja/",
    "checklist": "disdukcapil/pengukuran-kinerja.checklist/",
    "cards": "disdukcapil/pengukuran-kinerja.cards/",
    "official": "disdukcapil/pengukuran-kinerja.resmi/",
    "monitoring": "disdukcapil/pengukuran-kinerja.monitoring/",
    "evaluation": "disdukcapil/pengukuran-kinerja.evaluasi/",
    "roles": "peran/",
    "role": "peran/sekretaris/",
    "review": "perlu-ditinjau/",
    "followup": "perlu-dimonitor/",
    "quality": "catatan-mutu/",
    "map": "peta-keterkaitan/",
    "guide": "authoring/",
}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
