"""How the command line shows executions: a table or tree on a terminal, JSON, JSON Lines or CSV otherwise.

Tables, trees and progress bars use `rich` (the `cli` extra); the machine formats need nothing.
The pieces every command shares live here too: `UsageError` and the argument types.
"""

from __future__ import annotations

import argparse
import csv
import datetime
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

NEEDS_RICH = "tables and trees need rich: pip install 'agent-executions[cli]', or use --format json"


class UsageError(Exception):
    """A wrong argument of the command line found after parsing; exit code 2."""


def whole(text: str) -> int:
    """A whole number argument (`--seed 7`)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def count(text: str) -> int:
    """A whole number of 0 or more (`--count 0`)."""
    return _at_least(0, whole(text))


def positive(text: str) -> int:
    """A whole number of 1 or more (`--limit 5`)."""
    return _at_least(1, whole(text))


def _at_least(minimum: int, number: int) -> int:
    if number < minimum:
        raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {number}")
    return number


DURATION = re.compile(r"^(\d+)([smhdw])$")
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str, examples: str) -> datetime.timedelta:
    """A span such as 90s, 5m, 2h, 7d or 1w; an argparse error citing `examples` for other text.
    Too long a span for a timedelta raises OverflowError, for the caller to word."""
    match = DURATION.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration like {examples}: {text!r}")
    return datetime.timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


def print_rich(renderable: Any) -> None:
    try:
        from rich.console import Console
    except ImportError:
        raise UsageError(NEEDS_RICH) from None
    Console().print(renderable)


FORMATS = ("table", "json", "jsonl", "csv", "parquet")
BINARY_FORMATS = ("parquet",)
"""Formats written only to a file (`--output`), never to standard output."""


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
    """A value as the text of a table or CSV cell: booleans spelt as JSON spells them (`true`,
    `false`, as the API sent them), nested values as JSON, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
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


def csv_columns(derived: list[str], properties: list[str]) -> list[tuple[str, str, bool]]:
    """(heading, key, whether the key is a dotted path) of each CSV column: the fixed columns,
    then every other top-level property. A property whose name is taken by a fixed column
    (`executionResult.outcome` sent as one key) gets a heading of its own, so no data is lost."""
    columns = [(prop, prop, "." in prop) for prop in derived]
    taken = set(derived)
    for key in properties:
        heading = key
        while heading in taken:
            heading += " (property)"
        taken.add(heading)
        columns.append((heading, key, False))
    return columns


def csv_heading(name: str, raw: bool = False) -> str:
    """A CSV heading: a property name from the API, neutralised as a cell is (formula starts)
    and with its control characters (escape sequences) shown as `\\x1b`-style escapes."""
    if raw:
        return name
    return csv_cell(_CONTROL.sub(lambda match: _code(match.group()), name))


def write_records(records: Iterable[Model], fmt: str, out: IO[str], vendor: str, *, csv_raw: bool = False) -> int:
    """Write every record in a machine format, streaming; return how many.

    CSV has one column per property found in any record, so its rows are spooled (to disk
    beyond a few MB) until the last record has shown every column; then header and rows."""
    count = 0
    if fmt == "csv":
        derived = [prop for _, prop in columns_for(vendor)]
        plain = {prop for prop in derived if "." not in prop}
        extra: dict[str, None] = {}
        with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as spool:
            for record in records:
                row = record.to_dict()
                extra.update(dict.fromkeys(k for k in row if k not in plain))
                spool.write(json.dumps(row) + "\n")
                count += 1
            columns = csv_columns(derived, sorted(extra))
            # On a terminal, the cells' escape sequences are shown, not run (a file keeps them as sent).
            shown = visible if _is_terminal(out) else str
            writer = csv.writer(out)
            writer.writerow([shown(csv_heading(heading, csv_raw)) for heading, _, _ in columns])
            spool.seek(0)
            for line in spool:
                row = json.loads(line)
                writer.writerow(
                    [shown(csv_cell(lookup(row, k) if nested else row.get(k), csv_raw)) for _, k, nested in columns]
                )
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


def write_record(record: Model, out: IO[str]) -> None:
    """One record as one JSON object (`get`, `run --wait`, `zaia nesting`), not a list of one."""
    out.write(json.dumps(record.to_dict(), sort_keys=True, indent=2) + "\n")


def can_style(out: IO[str]) -> bool:
    """Whether text written to `out` may carry escape sequences for bold and colour: on a
    terminal as rich judges one for the tables (its FORCE_COLOR, TTY_COMPATIBLE and TERM=dumb
    rules included; `isatty` without rich), and never with NO_COLOR set to a non-empty value."""
    if os.environ.get("NO_COLOR", ""):
        return False
    try:
        from rich.console import Console
    except ImportError:
        return _is_terminal(out)
    console = Console(file=out)
    return console.is_terminal and not console.is_dumb_terminal


def _is_terminal(out: IO[str]) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # a closed or file-less stream
        return False


_KINDS = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device"}
_KINDS |= {stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def output_target(path: str) -> Path:
    """Where `--output` writes: the path itself, or for a symlink the file it points to (the link stays)."""
    return Path(os.path.realpath(path))


def check_output_path(path: str) -> None:
    """Refuse, before any request, an `--output` that could not be written at the end, or that
    is not a regular file: the export replaces it, and replacing a FIFO, a device or a socket
    with a file would break whatever relies on it."""
    if not path:
        raise ValueError("--output must not be empty; give a file name")
    target = output_target(path)
    shown = repr(path) if str(target) == os.path.abspath(path) else f"{path!r} (-> {str(target)!r})"
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ValueError(f"--output {shown}: cannot inspect it ({exc.strerror or type(exc).__name__})") from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise ValueError(f"--output {shown} is {kind}; give a regular file name")
    parent = target.parent
    if not parent.is_dir():
        raise ValueError(f"--output {shown}: the directory {str(parent)!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--output {shown}: the directory {str(parent)!r} is not writable")


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
    The file ends with the permissions writing it in place would have given it; a symlink's
    target is replaced, not the link."""
    if path is None:
        yield stdout
        return
    # a lone surrogate (legal in JSON, not in UTF-8) is written as its escape, `\ud800`
    with _atomic_file(path, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
        yield handle


@contextmanager
def atomic_binary_output(path: str) -> Iterator[IO[bytes]]:
    """`atomic_output` for a binary file (Parquet)."""
    with _atomic_file(path, "wb") as handle:
        yield handle


@contextmanager
def _atomic_file(path: str, mode: str, **text: Any) -> Iterator[Any]:
    """A temporary file beside `path`, opened with `mode` (and `text`'s encoding options), renamed
    over it at the end with the permissions writing in place would give; removed if anything fails."""
    target = output_target(path)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{short_name(target.name)}.", suffix=".partial")
    try:
        with os.fdopen(fd, mode, **text) as handle:
            yield handle
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def progress_bar() -> Any:
    """A rich progress bar on standard error (a description, the bar, done of total, time taken);
    None without the `cli` extra."""
    try:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    except ImportError:
        return None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=Console(stderr=True))


def short_name(name: str, limit: int = 200) -> str:
    """`name` cut to `limit` bytes of UTF-8 (never inside a character), so that the temporary
    file's name, which adds a dot, eight random characters and `.partial`, stays within the
    255 bytes a file name may have."""
    encoded = name.encode("utf-8", "surrogateescape")
    return encoded[:limit].decode("utf-8", "ignore") if len(encoded) > limit else name


def rich_available() -> bool:
    """Whether the `cli` extra's rich is installed (tables, trees, progress bars)."""
    try:
        return importlib.util.find_spec("rich") is not None
    except ValueError:  # a module without a spec stands in for it
        return False


ID_COLUMN = "id"
"""The property of the column a table keeps whole: the ID that `get`, `wait` or `cancel` takes."""
UNWRAPPED_COLUMNS = ("status",)
"""Properties whose columns are not shrunk while others can be (one word each, what a listing is read for)."""


def table(records: list[Model], vendor: str, title: str) -> Any:
    """The executions as a table. The ID column is never wrapped nor cut, so it can be copied
    whole (at 80 columns, too), and the status keeps its width; the other columns shrink
    first, their text cut with an ellipsis."""
    from rich.table import Table

    grid = Table(title=title, title_justify="left", header_style="bold")
    cols = columns_for(vendor)
    rows = [[_styled(prop, cell(lookup(record.to_dict(), prop))) for _, prop in cols] for record in records]
    for index, (heading, prop) in enumerate(cols):
        if prop == ID_COLUMN:
            widest = max((row[index].cell_len for row in rows), default=0)
            grid.add_column(heading, no_wrap=True, min_width=max(widest, len(heading)))
        else:
            grid.add_column(heading, no_wrap=prop in UNWRAPPED_COLUMNS, overflow="ellipsis")
    for row in rows:
        grid.add_row(*row)
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
    return "\n" if match.group() == "\n" else _code(match.group())


def _code(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
