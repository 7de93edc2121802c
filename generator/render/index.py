"""The pages that answer questions across SOPs: roles, reviews due, the map of links.

Pure like render/site.py: the library and views in, ``{docs path: Markdown}`` out.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from markupsafe import Markup

from generator.check.library import Library, SopEntry
from generator.render.catalog import RoleUses, SiteRole, due_for_review, entry_role_uses, site_roles
from generator.render.environment import Keep, Memo, no_keep, no_memo, render
from generator.render.escape import mermaid_label
from generator.render.locale import format_date
from generator.render.options import RenderOptions
from generator.render.paths import (
    MAP_PAGE,
    REVIEW_PAGE,
    ROLES_PAGE,
    organization_roles_path,
    role_page_path,
    sop_page_path,
)
from generator.render.slots import side_path, split_parts
from generator.render.urls import href
from generator.render.view import SopView
from generator.source.durations import format_total


def _roles_pages(library: Library, labels: dict[str, str], memo: Memo, keep: Keep,
                 uses: Callable[[SopEntry], RoleUses], directory_urls: bool = True
                 ) -> tuple[dict[str, str], int]:
    """The roles index (grouped by office on a site of several) and a page per role; a
    role's page is kept (``memo``) while none of the SOPs it shows changed, the index
    (``keep``) while none changed in more than its steps' words."""
    roles = site_roles(library, uses)
    many = library.has_many_organizations

    def page_of(role: SiteRole) -> str:
        return role_page_path(role.id, role.organization.slug if many else None)

    def indexes() -> dict[str, str]:
        groups: dict[str, list[SiteRole]] = {}
        for role in roles:
            groups.setdefault(role.organization.name if many else "", []).append(role)
        found = {ROLES_PAGE: render("roles.md.j2", groups=groups, L=labels, page=ROLES_PAGE,
                                    role_page=page_of, fmt=format_total)}
        if many:  # each office's own roles page, which names its folder in the nav
            for office in groups.values():
                path = organization_roles_path(office[0].organization.slug)
                found[path] = render("roles.md.j2", L=labels, page=path, role_page=page_of,
                                     groups={office[0].organization.name: office},
                                     fmt=format_total)
        return found

    ids = tuple(entry.id for entry in library.entries)
    pages = dict(keep(("roles", ids, many), ids, indexes))
    for role in roles:
        path = page_of(role)
        shows = tuple(use.entry.id for use in role.uses)
        key = ("role", path, role.name, role.organization, shows, many, directory_urls)
        pages.update(_kept_with_part(memo, key, shows, path, partial(
            render, "role.md.j2", role=role, L=labels, page=path, fmt=format_total,
            sop_page=sop_page_path, many=many,
            link=partial(href, from_md=path, directory_urls=directory_urls))))
    return pages, len(roles)


def _kept_with_part(memo: Memo, key: Hashable, shows: tuple[str, ...], path: str,
                    make: Callable[[], str]) -> dict[str, str]:
    """A page of one marked part (split_parts) and its part, each kept (``memo``) as one
    text would be; made and split once when either must be made again."""
    made: dict[str, str] = {}

    def text(name: str) -> str:
        if not made:
            made.update(split_parts(path, make()))
        return made[name]

    return {name: memo((key, name), shows, partial(text, name))
            for name in (path, side_path(path, 1))}


def _review_page(library: Library, labels: dict[str, str], options: RenderOptions
                 ) -> tuple[str, int]:
    due = due_for_review(library, options.today)
    text = render("review.md.j2", due=due, L=labels, page=REVIEW_PAGE,
                  today=format_date(options.today, labels),
                  date=lambda value: format_date(value, labels), sop_page=sop_page_path)
    return text, len(due)


def link_map(library: Library) -> str:
    """Mermaid source of the links between SOPs (only SOPs that link or are linked)."""
    number = {entry.id: f"n{i}" for i, entry in enumerate(library.entries)}
    edges = [(entry.id, related.sop) for entry in library.entries
             for related in entry.sop.related if related.sop in number]
    linked = {sop_id for edge in edges for sop_id in edge}
    lines = ["flowchart LR"]
    for entries in library.units().values():
        members = [e for e in entries if e.id in linked]
        if not members:
            continue
        name = mermaid_label(members[0].unit_name)
        lines.append(f'  subgraph u{number[members[0].id]}["{name}"]')
        lines += [f'    {number[e.id]}["{mermaid_label(e.sop.title)}"]' for e in members]
        lines.append("  end")
    lines += [f"  {number[a]} --> {number[b]}" for a, b in edges]
    return "\n".join(lines) if edges else ""


def render_index_pages(library: Library, views: dict[str, SopView], labels: dict[str, str],
                       options: RenderOptions, memo: Memo = no_memo, keep: Keep = no_keep,
                       uses: Callable[[SopEntry], RoleUses] = entry_role_uses
                       ) -> tuple[dict[str, str], dict[str, int]]:
    """Roles index and pages, the review page and the map; plus the home page's figures.
    ``memo``, ``keep`` and ``uses`` keep what ``sopgen serve`` need not make again."""
    pages, role_count = _roles_pages(library, labels, memo, keep, uses,
                                      options.directory_urls)
    ids = tuple(entry.id for entry in library.entries)
    pages[REVIEW_PAGE], due = keep(("review", ids), ids,
                                   lambda: _review_page(library, labels, options))
    pages[MAP_PAGE] = keep(("map", ids), ids, lambda: render(
        "map.md.j2", L=labels, page=MAP_PAGE, diagram=Markup(link_map(library))))
    figures = {"sops": len(library.entries), "units": len(library.units()),
               "roles": role_count, "review_due": due,
               "organizations": len({e.organization for e in library.entries})}
    return pages, figures
