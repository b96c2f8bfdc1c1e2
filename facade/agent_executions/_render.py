"""How the command line shows executions: a table or tree on a terminal, JSON, JSON Lines or CSV otherwise.

Tables, trees and progress bars use `rich` (the `cli` extra); the machine formats need nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

FORMATS = ("table", "json", "jsonl", "csv")


class Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def columns_for(vendor: str) -> list[tuple[str, str]]:
    """(heading, wire property) of the table and CSV columns."""
    if vendor == "asteroid":
        return [
            ("id", "id"),
            ("status", "status"),
            ("agent", "agentName"),
            ("created", "createdAt"),
            ("duration s", "duration"),
            ("outcome", "executionResult.outcome"),
        ]
    return [
        ("id", "id"),
        ("status", "status"),
        ("responder", "responderId"),
        ("started", "startedAt"),
        ("ended", "endedAt"),
        ("credits", "creditsUsed"),
        ("agentic", "isAgentic"),
    ]


def lookup(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(value)


def write_records(records: Iterable[Model], fmt: str, out: IO[str], vendor: str) -> int:
    """Write every record in a machine format, streaming; return how many."""
    count = 0
    if fmt == "csv":
        headings = [prop for _, prop in columns_for(vendor)]
        writer = csv.writer(out)
        for record in records:
            row = record.to_dict()
            if count == 0:
                headings += sorted(k for k in row if k not in headings)
                writer.writerow(headings)
            writer.writerow([cell(lookup(row, h) if "." in h else row.get(h)) for h in headings])
            count += 1
        return count
    if fmt not in ("json", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}")
    for record in records:
        line = json.dumps(record.to_dict(), sort_keys=True)
        if fmt == "jsonl":
            out.write(line + "\n")
        else:
            out.write(("[\n  " if count == 0 else ",\n  ") + line)
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "[]\n")
    return count


@contextmanager
def atomic_output(path: str | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Write to `path` through a temporary file renamed at the end, so a failed export leaves no file."""
    if path is None:
        yield stdout
        return
    target = Path(path)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def table(records: list[Model], vendor: str, title: str) -> Any:
    from rich.table import Table

    grid = Table(title=title, title_justify="left", header_style="bold")
    cols = columns_for(vendor)
    for heading, _ in cols:
        grid.add_column(heading, overflow="fold")
    for record in records:
        data = record.to_dict()
        grid.add_row(*(_styled(prop, cell(lookup(data, prop))) for _, prop in cols))
    return grid


def details(record: Model) -> Any:
    from rich.table import Table

    grid = Table(show_header=False, box=None)
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    for key, value in record.to_dict().items():
        grid.add_row(key, _styled(key, cell(value)))
    return grid


def tree(root: Any) -> Any:
    from rich.tree import Tree

    def label(node: Any) -> str:
        credits = f"{node.credits_used:g} credits"
        kind = "agentic" if node.is_agentic else "single"
        return f"[bold]{node.id}[/bold]  {_styled('status', str(node.status))}  {kind}, {credits}"

    def grow(branch: Tree, node: Any) -> None:
        for child in node.children:
            grow(branch.add(label(child)), child)

    top = Tree(label(root))
    grow(top, root)
    return top


STATUS_STYLES = {"failed": "red", "cancelled": "yellow", "completed": "green", "running": "cyan"}


def _styled(prop: str, text: str) -> str:
    from rich.markup import escape

    style = STATUS_STYLES.get(text) if prop == "status" else None
    return f"[{style}]{escape(text)}[/{style}]" if style else escape(text)


def render_to_text(renderable: Any, width: int = 120) -> str:
    """A rich renderable as plain text (for tests and non-terminal output)."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(renderable)
    return buffer.getvalue()
