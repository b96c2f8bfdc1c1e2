# PYTHON_ARGCOMPLETE_OK (argcomplete's global completion looks for this in the entry point's module)
"""The agent-executions command line: list, export, start and inspect executions.

Examples:
  agent-executions asteroid list --status failed --since 24h
  agent-executions asteroid list --all --format jsonl --output executions.jsonl
  agent-executions zaia nesting --execution 3c90c3cc-0d44-4b50-8888-8dd25736052a
  agent-executions --fake asteroid list           # against a fake started for this command
  agent-executions serve-fake asteroid --port 8765  # a fake that serves until Ctrl-C
  agent-executions asteroid run WORKFLOW_ID --input customer=42 --wait

Exit codes:
  0    success
  1    standard output closed early (| head): the command stops quietly
  2    usage error: a wrong argument, no API key
  3    authentication: the key was refused
  4    not found
  5    any other API error
  6    run --wait, wait, rerun --wait: the execution failed
  7    ... it was cancelled
  8    ... it was still going at --timeout
  74   output could not be written (a full disk, standard output closed): data was lost
  129  terminated by SIGHUP (a partial --output is removed, as on Ctrl-C)
  130  interrupted (Ctrl-C)
  143  terminated by SIGTERM (a partial --output is removed)
Errors are one line on standard error; --debug adds the traceback.

Environment:
  ASTEROID_API_KEY, ZAIA_API_KEY    the API key (else --api-key-file FILE)
  ASTEROID_BASE_URL, ZAIA_BASE_URL  the API's base URL (else --base-url URL)
  AGENT_EXECUTIONS_LOG              debug or info: the SDK's log on standard error, keys redacted
  NO_COLOR                          set and not empty: tables and trees without colour
"""

from __future__ import annotations

import argparse
import datetime
import errno
import io
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from .._asteroid import LIST as ASTEROID_LIST
from .._constants import LOGGER_NAME
from .._version import __version__
from ..asteroid import AsteroidClient
from ..errors import (
    AgentExecutionsError,
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
    PermissionDeniedError,
    WaitTimeoutError,
)
from ..pagination import Page, SyncPager
from ..zaia import ZaiaClient
from . import _lifecycle, _render, _serve, _sync
from ._lifecycle import split_pair as key_value
from ._render import NEEDS_RICH, UsageError, positive, print_rich

EXIT_OK, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_API, EXIT_INTERRUPTED = 0, 2, 3, 4, 5, 130
EXIT_CLOSED_PIPE = 1
"""What the Python documentation's note on SIGPIPE exits with when stdout's reader goes away."""
EXIT_OUTPUT = 74
"""The output could not be written (a full disk, stdout closed): unlike `| head`, data was lost.
sysexits' EX_IOERR; 6-8 are `run --wait`'s outcomes."""
DEFAULT_LIMIT = 50
DEFAULT_SORT = ("created_at", "desc")
ONE_FORMAT_HELP = "default: table on a terminal, else one JSON object"


# --- argument types -------------------------------------------------------------


def timestamp(text: str) -> datetime.datetime:
    """ISO 8601; a time without a zone is taken as UTC. It must be a time in UTC too (the
    API's), so `0001-01-01T00:00:00+01:00` is refused here, not at the request."""
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    try:
        moment.astimezone(datetime.UTC)
    except OverflowError:
        raise argparse.ArgumentTypeError(f"{text!r} is outside the years 1 to 9999 in UTC") from None
    return moment


def duration(text: str) -> datetime.timedelta:
    """A --since value: 30m, 24h, 7d, 2w..."""
    try:
        span = _render.parse_duration(text, "30m, 24h or 7d")
        datetime.datetime.now(datetime.UTC) - span
    except OverflowError:
        raise argparse.ArgumentTypeError(f"{text!r} reaches back before the year 1") from None
    return span


def sort_spec(text: str) -> tuple[str, str]:
    field, _, direction = text.partition(":")
    return field, direction or "desc"


# --- the parser -----------------------------------------------------------------


class _StoreOnce(argparse._StoreAction):
    """An option with one value, refused when given twice: the last would silently win (a second
    `--metadata` dropping the first filter, say). Options meant to repeat use `append`."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        given: set[str] = namespace.__dict__.setdefault("_options_given", set())
        if option is not None and self.dest in given:
            parser.error(f"{option} was given twice; it takes one value")
        given.add(self.dest)
        super().__call__(parser, namespace, values, option)


class OnceParser(argparse.ArgumentParser):
    """argparse, with options that take one value refused when repeated (`_StoreOnce`); its
    subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "store", _StoreOnce)
        self.register("action", None, _StoreOnce)


def help_text() -> tuple[str, str]:
    """The top-level help's description (the module docstring's first line) and epilog (the rest:
    examples, exit codes, environment variables), kept one text with the docstring."""
    description, _, epilog = (__doc__ or "").strip().partition("\n\n")
    return description, epilog


def offer(values: tuple[str, ...]) -> Callable[..., tuple[str, ...]]:
    """An argcomplete completer offering `values` (an option without `choices`, whose values are still listed)."""

    def complete(**_: Any) -> tuple[str, ...]:
        return values

    return complete


def common_options(client_class: type[AsteroidClient | ZaiaClient]) -> OnceParser:
    """The options every command of one vendor takes; the help names that vendor's variables and defaults."""
    vendor = client_class._vendor
    sent = f"sent as '{vendor.auth_header}: {vendor.auth_prefix}<key>'"
    common = OnceParser(add_help=False)
    key = common.add_mutually_exclusive_group()
    key.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"the API key (default: ${vendor.api_key_env}; {sent}); other local users can read it in "
        "the process list: prefer the variable or --api-key-file",
    )
    key.add_argument(
        "--api-key-file", metavar="FILE", help="read the API key from FILE ('-': standard input), not shown to others"
    )
    common.add_argument(
        "--base-url",
        metavar="URL",
        help=f"the API's base URL (default: ${vendor.base_url_env}, else {vendor.default_base_url})",
    )
    common.add_argument("--fake", action="store_true", default=argparse.SUPPRESS, help="use the embedded fake server")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options(AsteroidClient)

    listing = OnceParser(add_help=False)
    amount = listing.add_mutually_exclusive_group()
    amount.add_argument("--limit", type=positive, metavar="N", help=f"at most N executions (default {DEFAULT_LIMIT})")
    amount.add_argument("--all", action="store_true", help="every matching execution")
    listing.add_argument(
        "--format",
        choices=_render.FORMATS,
        help="table, json, jsonl, csv or parquet (typed columns as sync's, needs --output and the parquet"
        " extra); default: table on a terminal, else jsonl",
    )
    listing.add_argument(
        "--output", metavar="FILE", help="write to FILE (atomically: complete or absent); - is standard output"
    )
    listing.add_argument(
        "--csv-raw",
        action="store_true",
        help="CSV cells exactly as the API sent them; by default text starting with = + - @ or a"
        " tab/CR/LF gets a leading ' so a spreadsheet does not run it as a formula",
    )

    description, epilog = help_text()
    raw = argparse.RawDescriptionHelpFormatter  # the epilog's lines as written
    parser = OnceParser(prog="agent-executions", description=description, epilog=epilog, formatter_class=raw)
    parser.add_argument("--fake", action="store_true", help="use the embedded fake server instead of the vendor")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    vendors = parser.add_subparsers(dest="vendor", required=True, metavar="{asteroid,zaia,serve-fake}")

    asteroid = vendor_options(
        vendors.add_parser(
            "asteroid", help="Asteroid Agents v2", description="Asteroid Agents v2", epilog=epilog, formatter_class=raw
        )
    ).add_subparsers(dest="command", required=True)
    a_list = asteroid.add_parser("list", parents=[common, listing], help="list executions")
    # The values the pinned spec lists, as the SDK reads them (a status it does not list is still
    # sent, with a warning: no `choices`, which would refuse one newer than this SDK).
    statuses = ASTEROID_LIST.field("status").choices
    fields, directions = ASTEROID_LIST.field("sort_field").choices, ASTEROID_LIST.field("sort_direction").choices
    status = a_list.add_argument(
        "--status",
        action="append",
        help=f"one of {', '.join(statuses)}; repeat for several (OR-ed). Another is sent with a warning",
    )
    setattr(status, "completer", offer(statuses))  # noqa: B010 - argcomplete reads this attribute
    zone = "ISO 8601; a time without a zone is UTC"
    a_list.add_argument(
        "--created-after",
        type=timestamp,
        metavar="T",
        help=f"executions created strictly after T (exclusive, as the API's createdAfter); {zone}",
    )
    a_list.add_argument(
        "--created-before",
        type=timestamp,
        metavar="T",
        help=f"executions created strictly before T (exclusive, as the API's createdBefore); {zone}",
    )
    a_list.add_argument("--since", type=duration, metavar="DURATION", help="created in the last 30m, 24h, 7d...")
    a_list.add_argument("--agent-id", metavar="ID", help="the executions of this agent")
    a_list.add_argument("--execution-id", metavar="TEXT", help="partial, case-insensitive")
    a_list.add_argument("--agent-version", type=int, metavar="N", help="run by this version of the agent")
    a_list.add_argument("--label", action="append", metavar="ID", help="a human label ID; repeat for several (OR-ed)")
    a_list.add_argument("--outcome", metavar="TEXT", help="partial, case-insensitive")
    a_list.add_argument("--metadata", type=key_value, metavar="KEY=VALUE", help="whose metadata has KEY set to VALUE")
    a_list.add_argument("--organization-id", metavar="ID", help="of this organization")
    sort = a_list.add_argument(
        "--sort",
        type=sort_spec,
        default=DEFAULT_SORT,
        metavar="FIELD[:asc|desc]",
        help=f"FIELD is {' or '.join(fields)}, then :{' or :'.join(directions)} (default: {':'.join(DEFAULT_SORT)})",
    )
    orders = tuple(f"{field}{end}" for field in fields for end in ("", *(f":{d}" for d in directions)))
    setattr(sort, "completer", offer(orders))  # noqa: B010
    a_list.add_argument(
        "--consistent",
        action="store_true",
        help="page by creation time: each execution exactly once, even if data moves",
    )
    a_list.add_argument(
        "--concurrency",
        type=positive,
        default=1,
        metavar="N",
        help="fetch up to N pages at once, 1-32 (default 1); one at a time again once the data moves",
    )
    a_list.set_defaults(run=asteroid_list)
    a_get = asteroid.add_parser("get", parents=[common], help="one execution in detail")
    a_get.add_argument("id", metavar="ID", help="the execution's ID")
    a_get.add_argument("--format", choices=("table", "json"), help=ONE_FORMAT_HELP)
    a_get.set_defaults(run=show_one)
    _lifecycle.add_commands(asteroid, common)
    _sync.add_command(asteroid, common, "asteroid")

    zaia = vendor_options(
        vendors.add_parser("zaia", help="Zaia v1", description="Zaia v1", epilog=epilog, formatter_class=raw)
    ).add_subparsers(dest="command", required=True)
    common = common_options(ZaiaClient)
    z_list = zaia.add_parser("list", parents=[common, listing], help="list executions")
    z_list.add_argument("--responder", action="append", metavar="ID", help="a responder ID; repeat for several")
    z_list.set_defaults(run=zaia_list)
    z_get = zaia.add_parser("get", parents=[common], help="one execution")
    z_get.add_argument("id", metavar="ID", help="the execution's ID")
    z_get.add_argument("--format", choices=("table", "json"), help=ONE_FORMAT_HELP)
    z_get.set_defaults(run=show_one)
    z_nest = zaia.add_parser("nesting", parents=[common], help="an execution and its children, as a tree")
    which = z_nest.add_mutually_exclusive_group(required=True)
    which.add_argument("--execution", metavar="ID", help="this execution and everything under it")
    which.add_argument("--chat-message", metavar="ID", help="the execution this chat message started, and its tree")
    z_nest.add_argument("--format", choices=("table", "json"), help=ONE_FORMAT_HELP)
    z_nest.set_defaults(run=zaia_nesting)
    _sync.add_command(zaia, common, "zaia")
    _serve.add_command(vendors)
    return parser


def vendor_options(vendor: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`--fake` and `--debug` after the vendor too (`asteroid --fake list`), as before it and
    after the command."""
    vendor.add_argument("--fake", action="store_true", default=argparse.SUPPRESS, help="use the embedded fake server")
    vendor.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    return vendor


# --- commands -------------------------------------------------------------------


def asteroid_list(args: argparse.Namespace, client: Any) -> int:
    created_after = args.created_after
    if args.since is not None:
        if created_after is not None:
            raise UsageError("--since and --created-after both set the start; give one")
        created_after = datetime.datetime.now(datetime.UTC) - args.since
    metadata_key, metadata_value = args.metadata or (None, None)
    pager = client.executions.list(
        status=args.status,
        created_after=created_after,
        created_before=args.created_before,
        agent_id=args.agent_id,
        execution_id=args.execution_id,
        agent_version=args.agent_version,
        human_labels=args.label,
        outcome_label=args.outcome,
        metadata_key=metadata_key,
        metadata_value=metadata_value,
        organization_id=args.organization_id,
        sort_field=args.sort[0],
        sort_direction=args.sort[1],
        limit=listing_limit(args),
        consistent=args.consistent,
        concurrency=args.concurrency,
    )
    return emit_listing(args, pager)


def zaia_list(args: argparse.Namespace, client: Any) -> int:
    pager = client.executions.list(responder_ids=args.responder, limit=listing_limit(args))
    return emit_listing(args, pager)


def show_one(args: argparse.Namespace, client: Any) -> int:
    record = client.executions.get(args.id)
    if output_format(args, machine="json") == "json":
        _render.write_record(record, sys.stdout)
    else:
        print_rich(_render.details(record))
    return EXIT_OK


def zaia_nesting(args: argparse.Namespace, client: Any) -> int:
    root = client.executions.nesting(execution_id=args.execution, chat_message_id=args.chat_message)
    if output_format(args, machine="json") == "json":
        _render.write_record(root, sys.stdout)
    else:
        print_rich(_render.tree(root))
    return EXIT_OK


def output_format(args: argparse.Namespace, machine: str = "jsonl") -> str:
    """The --format given, else a table on a terminal and `machine` when piped or writing a file."""
    if args.format:
        return str(args.format)
    return "table" if sys.stdout.isatty() and not getattr(args, "output", None) else machine


def listing_limit(args: argparse.Namespace) -> int | None:
    """The pager's limit: none with --all, --limit's, else one past the default, so that a listing
    the default cut short is told from one that ended there."""
    return None if args.all else args.limit if args.limit is not None else DEFAULT_LIMIT + 1


def emit_listing(args: argparse.Namespace, pager: SyncPager[Any]) -> int:
    fmt = output_format(args)
    seen: list[Any] = []  # the first page's total, then whether an item past the default came
    if fmt == "table":
        if args.output:
            raise UsageError("--format table is for the terminal; use json, jsonl, csv or parquet with --output")
        records = list(within_default(args, with_progress(pager, show=False, totals=seen), seen))
        total = seen[0] if seen else 0
        shown = f"{len(records)} of {total}" if total is not None else str(len(records))
        print_rich(_render.table(records, args.vendor, f"{shown} executions"))
        say_if_cut(len(records), seen)
        return EXIT_OK
    if fmt == "parquet":  # typed columns, as sync's table executions (check_before_requests: --output, pyarrow)
        from .._warehouse.columns import columns_of
        from .._warehouse.parquet import write_parquet
        from ..models import Execution, ZaiaExecution

        columns = columns_of(Execution if args.vendor == "asteroid" else ZaiaExecution)
        with _render.atomic_binary_output(args.output) as binary:
            items = within_default(args, with_progress(pager, show=True, totals=seen), seen)
            count = write_parquet(items, binary, columns)
        print(f"wrote {count} executions to {args.output}", file=sys.stderr)
        say_if_cut(count, seen)
        return EXIT_OK
    with _render.atomic_output(args.output, sys.stdout) as out:
        items = within_default(args, with_progress(pager, show=bool(args.output), totals=seen), seen)
        count = _render.write_records(items, fmt, out, args.vendor, csv_raw=args.csv_raw)
    if args.output:
        print(f"wrote {count} executions to {args.output}", file=sys.stderr)
    say_if_cut(count, seen)
    return EXIT_OK


def within_default(args: argparse.Namespace, items: Iterator[Any], seen: list[Any]) -> Iterator[Any]:
    """`items`, up to the default limit when neither --limit nor --all was given; `seen` gains
    True when there was one more."""
    if args.all or args.limit is not None:
        yield from items
        return
    for count, item in enumerate(items):
        if count == DEFAULT_LIMIT:
            seen.append(True)
            return
        yield item


def say_if_cut(count: int, seen: list[Any]) -> None:
    """On stderr, when the default limit, not the end of the listing, stopped it (even when piped:
    an export of 50 rows that exits 0 looks complete)."""
    if len(seen) < 2:
        return
    total = seen[0]
    more = f" of {total}" if total is not None else " (there are more)"
    print(
        f"agent-executions: note: stopped at the default limit, {count} executions{more}; pass --all for every"
        " one, or --limit N",
        file=sys.stderr,
    )


def with_progress(pager: SyncPager[Any], show: bool, totals: list[int | None]) -> Iterator[Any]:
    """The pager's items, with a progress bar on stderr while exporting (the total is known on
    Asteroid); the first page's total is appended to `totals`."""
    progress = _render.progress_bar() if show else None
    task = None
    with progress if progress is not None else ExitStack():
        if progress is not None:
            task = progress.add_task("exporting", total=None)
        page: Page[Any]
        for page in pager.pages():
            if not totals:
                totals.append(page.total)
            if progress is not None and task is not None:
                if page.total is not None:
                    progress.update(task, total=page.total)
                progress.advance(task, len(page.items))
            yield from page.items


def check_before_requests(args: argparse.Namespace) -> None:
    """What would fail only at the end (a table without rich, an output file that cannot be
    written), refused before the first request."""
    if getattr(args, "output", None) == "-":
        args.output = None  # standard output, as `--api-key-file -` is standard input
    if getattr(args, "csv_raw", False) and output_format(args) != "csv":
        raise UsageError("--csv-raw applies only to --format csv")
    if getattr(args, "timeout", None) is not None and getattr(args, "wait", True) is False:
        raise UsageError("--timeout applies only with --wait")
    if getattr(args, "format", None) in _render.BINARY_FORMATS:
        if getattr(args, "output", None) is None:
            raise UsageError(f"--format {args.format} writes a binary file: give --output FILE")
        from .._warehouse.parquet import NEEDS_PYARROW, parquet_available

        if not parquet_available():
            raise UsageError(NEEDS_PYARROW)
    if getattr(args, "output", None) is not None:
        _render.check_output_path(args.output)
    if "format" in args and output_format(args, machine="json") == "table" and not _render.rich_available():
        raise UsageError(NEEDS_RICH)


# --- running --------------------------------------------------------------------


@contextmanager
def open_client(args: argparse.Namespace) -> Iterator[Any]:
    with ExitStack() as stack:
        if getattr(args, "fake", False):
            given = [option for option in ("base_url", "api_key", "api_key_file") if getattr(args, option, None)]
            if given:  # one or the other: the fake would silently win
                flag = "--" + given[0].replace("_", "-")
                raise UsageError(f"--fake and {flag} both given: the fake has its own; leave one out")
        api_key, base_url = read_api_key(args), args.base_url
        if getattr(args, "fake", False):
            try:
                from ..testing import FakeAsteroidServer, FakeZaiaServer
            except ImportError:
                raise UsageError("--fake needs the fake servers: pip install 'agent-executions[testing]'") from None
            server_class: Any = FakeAsteroidServer if args.vendor == "asteroid" else FakeZaiaServer
            seed, count = _serve.FAKE_STORE[args.vendor]
            server = stack.enter_context(server_class(seed=seed, count=count))
            api_key, base_url = server.api_key, server.base_url
        client_class: Any = AsteroidClient if args.vendor == "asteroid" else ZaiaClient
        yield stack.enter_context(client_class(api_key=api_key, base_url=base_url))


def read_api_key(args: argparse.Namespace) -> str | None:
    """`--api-key`, or the first line of `--api-key-file` (`-` for stdin); surrounding whitespace goes."""
    path = getattr(args, "api_key_file", None)
    if path is None:
        return args.api_key  # type: ignore[no-any-return]
    try:
        if path == "-":
            stdin = getattr(sys.stdin, "buffer", None)
            text = key_text(stdin.readline()) if stdin is not None else sys.stdin.readline()
        else:
            text = key_text(Path(path).read_bytes())
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--api-key-file: cannot read {path}: {type(exc).__name__}") from None
    lines = text.strip().splitlines()
    if not lines or not lines[0].strip():
        raise UsageError(f"--api-key-file: {'standard input' if path == '-' else path} holds no key")
    return lines[0]


def key_text(data: bytes) -> str:
    """A key file's text: UTF-8, with or without a byte order mark, or UTF-16 with one (what
    PowerShell 5's `>` writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def exit_code(exc: BaseException) -> int:
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return EXIT_AUTH
    if isinstance(exc, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(exc, WaitTimeoutError):
        return _lifecycle.EXIT_TIMED_OUT
    return EXIT_API


class _ClosedStdout(io.TextIOBase):
    """Stands in for a closed standard output (`>&-` leaves `sys.stdout` None): writing to it
    raises the `OSError` a closed descriptor would, which `main` reports in one line."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a `timeout` wrapper, a CI cancel, a closed terminal): ended as Ctrl-C
    ends a command, a partial `--output` removed, with exit code 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """While the command runs, SIGTERM and SIGHUP raise `Terminated` in the main thread."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]

    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous = {signum: signal.signal(signum, raise_terminated) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: list[str] | None = None) -> int:
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    if sys.stderr is None:  # started with stderr closed (2>&-): print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the life of the process
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a record is written as its escape
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    show_warnings()
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (argcomplete); otherwise not imported
        complete(parser)
    args = parser.parse_args(argv)
    args._command_parser = command_parser(parser, args)
    with terminated_as_interrupted():
        return run_command(args)


def command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser | None:
    """The parser of the command given (`asteroid list`, `serve-fake`...), for its options' names."""
    found: argparse.ArgumentParser | None = parser
    for chosen in (getattr(args, "vendor", None), getattr(args, "command", None)):
        subparsers = [a for a in found._actions if isinstance(a, argparse._SubParsersAction)] if found else []
        if not subparsers or chosen is None:
            break
        found = subparsers[0].choices.get(chosen)
    return found


SDK_NAMES = {
    "human_labels": "label",
    "outcome_label": "outcome",
    "metadata_key": "metadata",
    "metadata_value": "metadata",
    "sort_field": "sort",
    "sort_direction": "sort",
    "responder_ids": "responder",
    "inputs": "input",
    "queue_if_busy": "queue",
    "execution_id": "id",
}
"""The SDK's argument names that the command line spells otherwise (by the option's dest)."""


def in_option_words(message: str, command: argparse.ArgumentParser | None) -> str:
    """An SDK argument error (`sort_direction must be ...`, `status[0] must be ...`) in the words of
    the command line (`--sort must be ...`), as the user typed them."""
    if command is None:
        return message
    names = {action.dest: action for action in command._actions}

    def word(match: re.Match[str]) -> str:
        action = names.get(match.group(1)) or names.get(SDK_NAMES.get(match.group(1), ""))
        if action is None:
            return match.group()
        return action.option_strings[-1] if action.option_strings else str(action.metavar or action.dest.upper())

    leading = re.sub(r"^([a-z_]+)(\[\d+\])?(?= )", word, message)  # `status[0] must ...`
    return re.sub(r"(?<![\w'-])([a-z]+_[a-z_]+)(?![\w'])", word, leading)  # `... than created_before`


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request and exit, when argcomplete (the `cli` extra) is there."""
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def show_warnings() -> None:
    """The SDK's warnings (a status the pinned spec does not list, say: sent, but more often a typo
    than a status newer than this SDK) on stderr, one line each."""
    logger = logging.getLogger(LOGGER_NAME)
    mine = ("agent_executions_cli", "agent_executions_env")  # $AGENT_EXECUTIONS_LOG shows them already
    if not any(getattr(handler, flag, False) for handler in logger.handlers for flag in mine):
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("agent-executions: warning: %(message)s"))
        handler.agent_executions_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def run_command(args: argparse.Namespace) -> int:
    debug = getattr(args, "debug", False)
    try:
        check_before_requests(args)
        if "serve" in args:
            return int(args.serve(args))
        with open_client(args) as client:
            code = int(args.run(args, client))
            sys.stdout.flush()  # here, so that a reader gone away is met below, not at exit
            return code
    except BrokenPipeError:
        discard_stdout()
        return EXIT_CLOSED_PIPE
    except Terminated as exc:
        print("agent-executions: terminated", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("agent-executions: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (UsageError, ValueError, TypeError) as exc:  # ConfigurationError too: a missing key is a usage error
        if debug:
            traceback.print_exc()
        said = missing_key(args) if isinstance(exc, ConfigurationError) else None
        said = said or in_option_words(str(exc), getattr(args, "_command_parser", None))
        print(f"agent-executions: {said}", file=sys.stderr)
        return EXIT_USAGE
    except AgentExecutionsError as exc:
        if debug:
            traceback.print_exc()
        print(f"agent-executions: {type(exc).__name__}: {exc}", file=sys.stderr)
        return exit_code(exc)
    except OSError as exc:  # the requests' own OS errors are AgentExecutionsError: this is the output
        if debug:
            traceback.print_exc()
        print(f"agent-executions: the output could not be written: {exc.strerror or exc}", file=sys.stderr)
        discard_stdout()
        return EXIT_OUTPUT


def missing_key(args: argparse.Namespace) -> str | None:
    """The missing-key error in the command line's words (which variable to set, which option to
    pass), not the library's (`api_key=`); None when the key is not what is missing."""
    client_class: Any = {"asteroid": AsteroidClient, "zaia": ZaiaClient}.get(getattr(args, "vendor", None) or "")
    if client_class is None or getattr(args, "fake", False) or getattr(args, "api_key_file", None) is not None:
        return None
    vendor = client_class._vendor
    given = getattr(args, "api_key", None)
    key = given if given is not None else os.environ.get(vendor.api_key_env)
    if key is not None and key.strip():
        return None
    said = "--api-key is empty" if given is not None else f"no {vendor.name} API key"
    return f"{said}: set {vendor.api_key_env}, or pass --api-key-file FILE ('-': standard input) or --api-key KEY"


def discard_stdout() -> None:
    """After stdout failed (`| head` gone, a full disk): point it at /dev/null, as the Python
    docs' note on SIGPIPE does, so that the interpreter's last flush at exit does not raise
    again and print a traceback (and exit 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # stdout is not a file (closed, or a test's)
        pass


if __name__ == "__main__":
    sys.exit(main())
