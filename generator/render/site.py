"""Stage 3: turn a validated library into page texts (pure: nothing is read or written here).

The result maps a docs-relative path to Markdown, plus side files of generated HTML that
fill the pages' slots after the engine converted them (``slots.py``: the official
flowchart's SVG). Any site engine that reads Markdown (MkDocs today, its successor
tomorrow) can take these pages, with their slots filled by its adapter or by the export.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from generator.check.library import Library
from generator.check.lint.run import LintConfig, LintWarning, lint_entry, site_facts
from generator.render.cache import RenderCache, site_fingerprint
from generator.render.catalog import entry_role_uses
from generator.render.control import is_withdrawn, listed
from generator.render.environment import no_keep, no_memo, render
from generator.render.followup import render_followup_page
from generator.render.forms import evaluation_history, monitoring_history, render_forms
from generator.render.index import render_index_pages
from generator.render.locale import labels as locale_labels
from generator.render.mermaid import readable_width
from generator.render.mermaid_parts import swimlane_parts
from generator.render.official.document import official_pages, sheets
from generator.render.options import RenderOptions
from generator.render.paths import (
    FOLLOWUP_PAGE,
    HOME_PAGE,
    MAP_PAGE,
    QUALITY_PAGE,
    REVIEW_PAGE,
    ROLES_PAGE,
    unit_page_path,
)
from generator.render.printables import render_printables
from generator.render.quality import render_quality_page
from generator.render.slots import split_parts
from generator.render.urls import href
from generator.render.view import SiteContext, SopView, sop_view


@dataclass(frozen=True)
class UnitView:
    """A unit and its SOPs; ``path`` is None for SOPs directly in the SOP folder."""

    id: str
    name: str
    path: str | None
    sops: list[SopView]
    organization: str = ""


def render_sop_page(view: SopView, labels: dict[str, str], options: RenderOptions,
                    notes: int | None = None) -> str:
    """The page of one SOP: identity, lists, diagram, step table, a link to the official
    flowchart (drawn once, on the official document), links across the site; ``notes``:
    its count of quality notes, on an authors' build."""
    page = view.page_path
    return render("sop.md.j2", view=view, sop=view.sop, L=labels, page=page,
                  diagrams=_diagrams(view, labels),
                  diagram_width=readable_width(len(view.sop.roles)),
                  link=partial(_link, page=page, directory_urls=options.directory_urls),
                  notes=notes, quality_page=QUALITY_PAGE,
                  monitorings=monitoring_history(view.sop, labels),
                  evaluations=evaluation_history(view.sop, labels))


def _diagrams(view: SopView, labels: dict[str, str]) -> list[tuple[str, Markup]]:
    """The swimlane's diagrams, each with its heading; one diagram has none."""
    parts = swimlane_parts(view.sop, labels)
    return [(part.title(labels) if len(parts) > 1 else "", Markup(part.text))
            for part in parts]


def _link(target: str, page: str, directory_urls: bool) -> str:
    return href(target, page, directory_urls)


def render_home(units: dict[str, UnitView], figures: dict[str, int],
                labels: dict[str, str]) -> str:
    """The home page: figures for a manager, then every SOP grouped by unit; on a site of
    several offices, by office then unit."""
    offices: dict[str, list[UnitView]] = {}
    for unit in sorted(units.values(), key=lambda u: (u.organization.casefold(), u.id)):
        offices.setdefault(unit.organization, []).append(unit)
    return render("home.md.j2", offices=offices, L=labels, page=HOME_PAGE, figures=figures,
                  review_page=REVIEW_PAGE, followup_page=FOLLOWUP_PAGE, roles_page=ROLES_PAGE,
                  map_page=MAP_PAGE)


def render_unit_page(unit: UnitView, labels: dict[str, str]) -> str:
    """The page of one unit: its SOPs with kind and effective date."""
    return render("unit.md.j2", unit=unit, L=labels, page=unit.path)


def _unit_views(views: dict[str, SopView], many: bool) -> dict[str, UnitView]:
    """Units by id; ``many`` (several offices) names each unit's office."""
    result: dict[str, UnitView] = {}
    for view in views.values():
        unit_id = view.entry.unit_id
        path = unit_page_path(unit_id) if unit_id else None
        office = view.entry.organization.name if many else ""
        result.setdefault(unit_id, UnitView(unit_id, view.entry.unit_name, path, [], office))
        result[unit_id].sops.append(view)
    return dict(sorted(result.items()))


def render_site(library: Library, options: RenderOptions | None = None,
                cache: RenderCache | None = None, lint: LintConfig | None = None
                ) -> dict[str, str]:
    """Every generated page of the site: docs-relative path -> Markdown.

    With a ``cache`` (``sopgen serve``), an SOP whose file and context did not change
    since the last call keeps its pages instead of being rendered again."""
    return dict(iter_site_pages(library, options, cache, lint))


def iter_site_pages(library: Library, options: RenderOptions | None = None,
                    cache: RenderCache | None = None, lint: LintConfig | None = None
                    ) -> Iterator[tuple[str, str]]:
    """The pages one SOP at a time, then the pages across SOPs: a build can write each
    page out as it comes instead of holding the whole site's text at once. ``lint``: the
    site's rules switched off, for the quality notes."""
    options = options or RenderOptions()
    labels = locale_labels(options.language)
    config, facts = lint or LintConfig(), site_facts(library)
    fingerprint = site_fingerprint(library)
    site = cache.site_context(library, fingerprint) if cache else SiteContext.of(library)
    key = (fingerprint, options, config.model_dump_json())
    views: dict[str, SopView] = {}
    warnings: dict[str, list[LintWarning]] = {}
    if cache:
        cache.start_round()
    for entry in library.entries:
        hit = cache.get(entry, key) if cache else None
        if hit is None:
            view = sop_view(entry, library, labels, site, options)
            found = lint_entry(entry, facts, config, labels)
            hit = (view, sop_pages(view, labels, options, found), found)
            if cache:
                cache.put(entry, key, *hit)
        views[entry.id], warnings[entry.id] = hit[0], hit[2]
        yield from hit[1].items()
    if cache:
        cache.keep_only(set(views))
    units = _unit_views({key: view for key, view in views.items()
                         if not is_withdrawn(view.sop)}, library.has_many_organizations)
    memo, keep = (cache.text, cache.kept) if cache else (no_memo, no_keep)
    index_pages, figures = render_index_pages(
        listed(library), views, labels, options, memo, keep,
        cache.role_uses if cache else entry_role_uses)
    ids = tuple(views)  # pages across SOPs kept while no SOP changed but in steps' words
    index_pages[FOLLOWUP_PAGE], counts = keep(
        ("followup", ids), ids, lambda: render_followup_page(library, labels, options))
    figures |= counts
    yield HOME_PAGE, keep(("home", ids, tuple(sorted(figures.items()))), ids,
                          lambda: render_home(units, figures, labels))
    yield from index_pages.items()
    yield from render_quality_page(views, warnings, labels, memo,
                                   options.directory_urls).items()
    yield from keep(("units", ids), ids, lambda: [
        (unit.path, render_unit_page(unit, labels)) for unit in units.values() if unit.path])


def sop_pages(view: SopView, labels: dict[str, str], options: RenderOptions,
              warnings: list[LintWarning]) -> dict[str, str]:
    """The SOP page and every extra page of one SOP, and the official flowchart's sheets
    as the official document's side file (``render.slots``): drawn once, shown once."""
    drawn = sheets(view, labels, options.official.steps_per_page)
    notes = len(warnings) if options.show_lint else None
    pages = split_parts(view.page_path, render_sop_page(view, labels, options, notes))
    pages.update(render_printables(view, labels))
    pages.update(official_pages(view, labels, options, drawn))
    pages.update(render_forms(view, labels))
    return pages
