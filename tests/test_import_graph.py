"""The facade's modules import in one direction (issue 21): no cycle, function-level imports
included, and each module imports only from its own layer or those below it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "facade" / "agent_executions"
LAYERS = [
    {"_version"},
    {"_identity"},
    {"_constants", "_json", "_retry_after"},
    {"errors", "_logs"},
    {"_redact", "_arguments", "_shape", "models"},
    {"retries", "_transfer", "_rate_gate"},
    {"_config"},
    {"_core"},
    {"_call", "_base_client", "pagination", "waiting"},
    {"_asteroid", "_zaia"},
    {"_generated", "_generated.asteroid", "_generated.zaia"},
    {"asteroid", "zaia", "webhooks", "__init__"},
    {"_warehouse", "_warehouse.columns", "_warehouse.store", "_warehouse.parquet"},
    {"sync", "dlt"},
    {"cli._render"},
    {"cli._lifecycle", "cli._sync"},
    {"testing._schema_data", "testing._http11", "testing._faults", "testing._clock", "testing._webhooks"},
    {"testing._server"},
    {"testing._asteroid", "testing._zaia"},
    {"testing", "cli._serve", "cli", "pytest_plugin"},
    {"__main__"},
]
"""Lowest first: the core a newcomer reads first, then the vendors' rules, their generated
resources, the clients, and what is built on the clients (the command line, the fakes)."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The package's modules `path` imports, at any depth of its code."""
    name = module_name(path)
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    if name == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                candidate = f"{target}.{alias.name}" if target else alias.name
                found.add(
                    candidate if (PACKAGE / (candidate.replace(".", "/") + ".py")).exists() else target or "__init__"
                )
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("agent_executions"):
            found.add(node.module.removeprefix("agent_executions").lstrip(".") or "__init__")
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("agent_executions.") for a in node.names if a.name.startswith("agent_executions.")
            )
    found.discard(name)
    return found


GRAPH = {module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}


def layer(name: str) -> int:
    for index, members in enumerate(LAYERS):
        if name in members:
            return index
    raise AssertionError(f"{name} has no layer in tests/test_import_graph.py: place it")


def test_every_module_has_a_layer() -> None:
    assert len(GRAPH) > 30
    for name in GRAPH:
        layer(name)


def test_modules_import_only_their_layer_or_below() -> None:
    upward = [
        f"{name} ({layer(name)}) imports {target} ({layer(target)})"
        for name, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if layer(target) > layer(name)
    ]
    assert upward == []


def test_the_import_graph_has_no_cycle() -> None:
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH.get(name, ())):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target] if target in path else [name, target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []
