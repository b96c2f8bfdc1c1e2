"""How the command line shows executions: a table or tree on a terminal, JSON, JSON Lines or CSV otherwise.

Tables, trees and progress bars use `rich` (the `cli` extra); the machine formats need nothing.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import stat
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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection")."""


def csv_cell(value: Any, raw: bool = False) -> str:
    """A CSV cell; text from the API that a spreadsheet would run as a formula gets a leading `'`
    (OWASP's advice), unless `raw`. Numbers are left alone: `-3` is not a formula."""
    text = cell(value)
    if raw or not isinstance(value, str) or not text.startswith(FORMULA_STARTS):
        return text
    return "'" + text


def write_records(records: Iterable[Model], fmt: str, out: IO[str], vendor: str, *, csv_raw: bool = False) -> int:
    """Write every record in a machine format, streaming; return how many.

    CSV has one column per property found in any record, so its rows are spooled (to disk
    beyond a few MB) until the last record has shown every column; then header and rows."""
    count = 0
    if fmt == "csv":
        headings = [prop for _, prop in columns_for(vendor)]
        extra: dict[str, None] = {}
        with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as spool:
            for record in records:
                row = record.to_dict()
                extra.update(dict.fromkeys(k for k in row if k not in headings))
                spool.write(json.dumps(row) + "\n")
                count += 1
            headings += sorted(extra)
            writer = csv.writer(out)
            writer.writerow(headings)
            spool.seek(0)
            for line in spool:
                row = json.loads(line)
                writer.writerow([csv_cell(lookup(row, h) if "." in h else row.get(h), csv_raw) for h in headings])
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


def check_output_path(path: str) -> None:
    """Refuse, before any request, an `--output` that could not be written at the end."""
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"--output {path!r} is a directory; give a file name")
    parent = target.parent
    if not parent.is_dir():
        raise ValueError(f"--output {path!r}: the directory {str(parent)!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--output {path!r}: the directory {str(parent)!r} is not writable")


def _mode_for(target: Path) -> int:
    """The permissions the file would get if written in place: an existing file's own, else
    what the umask leaves of 0o666 (mkstemp makes its file 0o600 whatever the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(path: str | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Write to `path` through a temporary file renamed at the end, so a failed export leaves no file.
    The file ends with the permissions writing it in place would have given it."""
    if path is None:
        yield stdout
        return
    target = Path(path)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def rich_available() -> bool:
    """Whether the `cli` extra's rich is installed (tables, trees, progress bars)."""
    try:
        return importlib.util.find_spec("rich") is not None
    except ValueError:  # a module without a spec stands in for it
        return False


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
        grid.add_row(_styled("", key), _styled(key, cell(value)))
    return grid


def tree(root: Any) -> Any:
    from rich.text import Text
    from rich.tree import Tree

    def label(node: Any) -> Text:
        credits = f"{node.credits_used:g} credits"
        kind = "agentic" if node.is_agentic else "single"
        return Text.assemble(
            _styled("", str(node.id), "bold"), "  ", _styled("status", str(node.status)), f"  {kind}, {credits}"
        )

    def grow(branch: Tree, node: Any) -> None:
        for child in node.children:
            grow(branch.add(label(child)), child)

    top = Tree(label(root))
    grow(top, root)
    return top


STATUS_STYLES = {"failed": "red", "cancelled": "yellow", "completed": "green", "running": "cyan"}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """API text made safe for a terminal: control characters (escape sequences, carriage
    returns, bells) and bidirectional overrides are shown as `\\x1b`-style escapes instead of
    acting on the terminal; a newline stays one."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\n" if code == 10 else f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _styled(prop: str, text: str, style: str | None = None) -> Any:
    """API text as a rich `Text`: never read as markup (`[link=...]`, `[/]`), controls made visible."""
    from rich.text import Text

    chosen = STATUS_STYLES.get(text) if prop == "status" else style
    return Text(visible(text), style=chosen or "")


def render_to_text(renderable: Any, width: int = 120) -> str:
    """A rich renderable as plain text (for tests and non-terminal output)."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(renderable)
    return buffer.getvalue()
