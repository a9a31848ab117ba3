"""The package's import graph has no cycle, counting imports inside functions too.

A cycle hides even when it works at run time (function-level imports break it at import
time), and it is what lets one stage reach into another's internals. The graph is read from
the source with ``ast``, so the test needs no model and imports nothing it checks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "extractor"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports, at any depth of the file (``TYPE_CHECKING``
    blocks left out: they never run)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()

    def add(target: str) -> None:
        # "from . import x" may name a submodule or an attribute of the package
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            for alias in node.names:
                sub = f"{stem}.{alias.name}"
                add(sub if sub in modules else stem)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = [p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts[:1]]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of modules (first repeated at the end), or None.

    A package's ``__init__`` importing its own submodules is not a cycle by itself; a
    submodule importing its package's ``__init__`` while that imports it back is.
    """
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_extractor_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_graph_sees_function_level_and_relative_imports():
    graph = import_graph()
    # registry imports the linking package only inside its factories; the walk must see it
    assert "extractor.linking" in graph["extractor.registry"]
    assert "extractor.contracts" in graph["extractor.triggers"]


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
        ({"a": {"a"}}, ["a", "a"]),
    ],
)
def test_find_cycle(graph, expected):
    assert find_cycle(graph) == expected


def test_contracts_import_no_stage():
    stages = {m for m in import_graph() if m != "extractor.contracts"}
    assert not (import_graph()["extractor.contracts"] & stages)


# The date, location and quantity rules share their clause walks and records through
# ``linking.spans``; none reads another role's module (``date`` once took
# ``actor._by_objects``, ``location._shared_object_conjunct`` and, to ask whether a clause
# counts a toll, ``quantity.quantity_span``; ``quantity`` took ``actor.ActorLink``, the record
# the cascade hands it; both now in ``spans``). The actor rules may read ``spans`` alone too.
@pytest.mark.parametrize("role, others", [
    ("extractor.linking.date", ("actor", "location", "quantity")),
    ("extractor.linking.location", ("actor", "date", "quantity")),
    ("extractor.linking.quantity", ("actor", "date", "location")),
    ("extractor.linking.actor", ("date", "location", "quantity")),
])
def test_role_rules_import_no_other_role(role, others):
    found = import_graph()[role] & {f"extractor.linking.{r}" for r in others}
    assert not found, sorted(found)
