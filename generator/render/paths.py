"""Every page path of the generated site, in one place.

Paths are docs-relative Markdown paths (``disdukcapil/pengukuran-kinerja.md``); the site
engine turns them into URLs. Per SOP, the printables and the official document take the
SOP page's path with a kind before ``.md`` (``<sop>.checklist.md``): a dot no SOP or unit
name may have, so a generated page can never take the path of a page made from a YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.library import SopEntry

HOME_PAGE = "index.md"
REVIEW_PAGE = "perlu-ditinjau.md"
ROLES_PAGE = "peran/index.md"
MAP_PAGE = "peta-keterkaitan.md"
FOLLOWUP_PAGE = "perlu-dimonitor.md"
"""SOPs due for monitoring and actions still open (beside the review page)."""
QUALITY_PAGE = "catatan-mutu.md"
"""For authors only: kept out of the navigation and of search."""
ROLE_FOLDER = "peran"

PRINTABLE_KINDS = ("checklist", "cards")
OFFICIAL_KIND = "resmi"
FORM_KINDS = ("monitoring", "evaluasi")
"""The monitoring and evaluation forms of an SOP (Permen PAN-RB 35/2012, Bab IV)."""


@dataclass(frozen=True)
class SopPages:
    """The pages of one SOP: its own page, the two printables and the official document."""

    sop: str
    checklist: str
    cards: str
    official: str
    monitoring: str = ""
    evaluation: str = ""

    @classmethod
    def of(cls, sop_page: str) -> SopPages:
        return cls(sop_page, kind_path(sop_page, "checklist"), kind_path(sop_page, "cards"),
                   kind_path(sop_page, OFFICIAL_KIND), *(kind_path(sop_page, kind)
                                                        for kind in FORM_KINDS))


def sop_page_path(entry: SopEntry) -> str:
    """Where an SOP's page lives in the docs tree, e.g. ``disdukcapil/pengukuran-kinerja.md``."""
    return f"{entry.unit_id}/{entry.id}.md" if entry.unit_id else f"{entry.id}.md"


def unit_page_path(unit_id: str) -> str:
    return f"{unit_id}/index.md" if unit_id else HOME_PAGE


def role_page_path(role_id: str, organization: str | None = None) -> str:
    """``peran/<role>.md``; on a site of several offices ``peran/<office slug>/<role>.md``,
    since each office has its own Sekretaris (a site of one office keeps its old paths)."""
    if organization is None:
        return f"{ROLE_FOLDER}/{role_id}.md"
    return f"{ROLE_FOLDER}/{organization}/{role_id}.md"


def organization_roles_path(organization: str) -> str:
    """The roles of one office on a site of several: ``peran/<office slug>/index.md``."""
    return f"{ROLE_FOLDER}/{organization}/index.md"


def kind_path(sop_page: str, kind: str) -> str:
    """``unit/sop.md`` -> ``unit/sop.<kind>.md``: a printable or the official document."""
    return f"{sop_page.removesuffix('.md')}.{kind}.md"


def printable_path(sop_page: str, kind: str) -> str:
    """``unit/sop.md`` -> ``unit/sop.checklist.md``: the docs path of one printable."""
    if kind not in PRINTABLE_KINDS:
        raise ValueError(f"not a printable kind: {kind}")
    return kind_path(sop_page, kind)


def official_page_path(sop_page: str) -> str:
    """``unit/sop.md`` -> ``unit/sop.resmi.md``: the docs path of the official document."""
    return kind_path(sop_page, OFFICIAL_KIND)


def is_out_of_nav(docs_path: str) -> bool:
    """Pages reached from another page, not from the nav: printables, official documents
    (from their SOP page) and the quality notes (from the authoring guide)."""
    return is_sheet_path(docs_path) or docs_path == QUALITY_PAGE


def is_sheet_path(docs_path: str) -> bool:
    """True for a page made to be printed: a checklist, cards, official document or form."""
    return is_printable_path(docs_path) or is_official_path(docs_path) \
        or is_form_path(docs_path)


def is_printable_path(docs_path: str) -> bool:
    """True for a checklist or cards page (the adapter keeps those out of the nav)."""
    return docs_path.endswith(tuple(f".{kind}.md" for kind in PRINTABLE_KINDS))


def is_official_path(docs_path: str) -> bool:
    """True for an official document page (the adapter keeps those out of the nav)."""
    return docs_path.endswith(f".{OFFICIAL_KIND}.md")


def is_form_path(docs_path: str) -> bool:
    """True for a monitoring or evaluation form (reached from its SOP page, not the nav)."""
    return docs_path.endswith(tuple(f".{kind}.md" for kind in FORM_KINDS))
