"""The house: stages as packages, no import cycles, MkDocs only behind its adapter.

These read the source (``ast``), not the running program, so a lazy import inside a
function counts like any other: a cycle hidden in a function is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers.site import REPO

PACKAGE = REPO / "generator"
ADAPTER = "generator.mkdocs"
MAX_LINES = 220
"""A module longer than this does more than one thing (the guide's 80-160, with slack)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, known: set[str]) -> set[str]:
    """Every module ``path`` imports (``from a import b`` counts ``a.b`` when it is one)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module if node.level == 0 else _relative(path, node)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names
                         if f"{base}.{alias.name}" in known)
    return found


def _relative(path: Path, node: ast.ImportFrom) -> str:
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    return ".".join([*package[:len(package) - node.level + 1], node.module or ""]).strip(".")


def graph() -> dict[str, set[str]]:
    """Module -> the generator modules it imports (packages' own __init__ left out)."""
    known = set(modules())
    return {name: {m for m in imported(path, known) if m in known and m != name
                   and not name.startswith(m + ".")}
            for name, path in modules().items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_only_the_adapter_imports_mkdocs() -> None:
    known = set(modules())
    users = sorted(name for name, path in modules().items()
                   if any(m == "mkdocs" or m.startswith("mkdocs.") for m in imported(path, known))
                   and not name.startswith(ADAPTER))
    assert users == []


def test_stages_only_import_earlier_stages() -> None:
    """source -> check -> render -> (write, pdf, mkdocs) -> cli: data flows one way."""
    order = [("generator.user_error", "generator.source", "generator.locale"),
             ("generator.check",), ("generator.render",),
             ("generator.site_dir", "generator.write", "generator.export"),
             ("generator.pdf",), ("generator.mkdocs",),
             ("generator.scaffold_input", "generator.scaffold"), ("generator.cli",)]

    def stage(name: str) -> int:
        return max((i for i, prefixes in enumerate(order) for prefix in prefixes
                    if name == prefix or name.startswith(prefix + ".")), default=len(order))

    backwards = sorted((name, target) for name, targets in graph().items()
                       for target in targets
                       if stage(target) > stage(name) and stage(name) < len(order)
                       and not (stage(name) == order.index(("generator.pdf",))
                                and target.startswith(ADAPTER)))
    assert backwards == []


def test_no_module_is_too_long() -> None:
    long = {name: lines for name, path in modules().items()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_one_jinja_environment() -> None:
    """Every template is rendered by render/environment.py's environment: one set of
    filters and one escaping rule for every page (and the new-SOP YAML)."""
    makers = sorted(name for name, path in modules().items()
                    if "Environment(" in path.read_text(encoding="utf-8"))
    assert makers == ["generator.render.environment"]
