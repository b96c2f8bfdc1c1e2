"""`agent-executions asteroid sync PATH.duckdb` (and `zaia sync`): the execution history in a
DuckDB file, brought up to date incrementally (`agent_executions.sync`).

    agent-executions asteroid sync history.duckdb              # what is new since the last run
    agent-executions asteroid sync history.duckdb --activities # and the activities of finished ones
    agent-executions asteroid sync history.duckdb --full       # list everything again

Kept apart from `cli.py`, which adds it with `add_command`; its errors exit as the other commands'.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from contextlib import ExitStack
from typing import Any

from .. import sync
from ._render import UsageError, parse_duration, progress_bar

LOOK_BACK_TEXT = "5m"


def look_back(text: str) -> datetime.timedelta:
    """A --look-back value: 0s, 90s, 5m, 2h, 1d..."""
    try:
        span = parse_duration(text, "0s, 5m or 2h")
        sync.check_look_back(span)
    except (OverflowError, ValueError):
        raise argparse.ArgumentTypeError(f"{text!r} is too long a look-back (it reaches before the year 1)") from None
    return span


def add_command(commands: Any, common: argparse.ArgumentParser, vendor: str) -> None:
    """Add `sync` to a vendor's subparsers."""
    zaia_note = (
        " Zaia has no activities; the parent/child links of its nestings are the parent_id column."
        if vendor == "zaia"
        else ""
    )
    command = commands.add_parser(
        "sync",
        parents=[common],
        help="keep the execution history in a DuckDB file, incrementally",
        description="Store every execution in the table executions of a DuckDB file (one row each, upserted"
        " by id); later runs fetch what is new and read again the executions not finished last time." + zaia_note,
    )
    command.add_argument("path", metavar="PATH", help="the DuckDB file, created if absent (e.g. history.duckdb)")
    command.add_argument("--full", action="store_true", help="list every execution again, not only the new ones")
    if vendor == "asteroid":
        command.add_argument(
            "--activities",
            action="store_true",
            help="also store the activities of finished executions in the table activities (one request each)",
        )
    command.add_argument(
        "--look-back",
        type=look_back,
        default=sync.LOOK_BACK,
        metavar="DURATION",
        help=f"start listing this long before the newest execution stored, for clock skew (default {LOOK_BACK_TEXT})",
    )
    command.set_defaults(run=run_sync)


def run_sync(args: argparse.Namespace, client: Any) -> int:
    """Check the extra and the path before any request, sync with a progress bar, print the summary."""
    if not sync.duckdb_available():
        raise UsageError(sync.NEEDS_DUCKDB)
    sync.check_path(args.path)
    progress = progress_bar() if sys.stderr.isatty() else None  # a bar only on a terminal
    with progress if progress is not None else ExitStack():
        task = progress.add_task("syncing", total=None) if progress is not None else None

        def advance(done: int, total: int | None) -> None:
            if progress is not None:
                progress.update(task, completed=done, total=total)

        # the fake's port changes from run to run: its database is tied to the fake, not to a port
        server = f"fake:{args.vendor}" if getattr(args, "fake", False) else sync.server_of(client)
        summary = sync.sync_from(
            client,
            args.path,
            server,
            full=args.full,
            activities=getattr(args, "activities", False),
            look_back=args.look_back,
            progress=advance,
        )
    # a newline, an escape or spaces at the ends: quoted and escaped
    shown = args.path if args.path.isprintable() and args.path == args.path.strip() else repr(args.path)
    print(f"agent-executions: {shown}: {summary.line()}", file=sys.stderr)
    return 0
