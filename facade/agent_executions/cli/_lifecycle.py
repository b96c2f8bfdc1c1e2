"""The Asteroid lifecycle commands of the command line: run (and wait), cancel, pause, resume,
message, activities (and follow them), recording.

    agent-executions asteroid run WORKFLOW_ID --input customer=42 --wait --timeout 600
    agent-executions asteroid message ID "Yes, submit it."
    agent-executions asteroid activities ID --follow

Kept apart from `cli.py`, which adds them with `add_commands` and maps `WaitTimeoutError` and an
execution's own failure to their exit codes (`EXIT_FAILED`, `EXIT_CANCELLED`, `EXIT_TIMED_OUT`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .. import _json, waiting
from ..errors import AgentExecutionsError, WaitTimeoutError
from ..models import ExecutionActivity
from . import _render
from ._render import UsageError, print_rich

EXIT_FAILED, EXIT_CANCELLED, EXIT_TIMED_OUT = 6, 7, 8
"""`run --wait`: the execution ended failed (6) or cancelled (7), or was still going at --timeout (8)."""
OUTCOME_EXIT = {"completed": 0, "failed": EXIT_FAILED, "cancelled": EXIT_CANCELLED}
STATUS_LINE_EVERY = 2.0
"""Seconds between updates of the live status line: the length of each long-poll while one is shown."""
FOLLOW_EVERY = 2.0
"""Seconds `activities --follow` waits (on the long-poll, so it returns at once at the end) between fetches."""


def json_value(text: str) -> Any:
    """An --input value: JSON when it parses as JSON (42, true, [1, 2], {"a": 1}), else the text
    itself (`NaN` and `Infinity`, which JSON does not have, are text)."""
    try:
        return _json.loads(text)
    except ValueError:
        return text


def split_pair(text: str) -> tuple[str, str]:
    """A KEY=VALUE argument, the value as typed (a `--metadata` pair, a fake's `--set`)."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, not {text!r}")
    return key, value


def input_pair(text: str) -> tuple[str, Any]:
    key, value = split_pair(text)
    return key, json_value(value)


def pairs_once(option: str, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """KEY=VALUE pairs as a dict; a key given twice is refused (the last would silently win)."""
    given: dict[str, Any] = {}
    for key, value in pairs:
        if key in given:
            raise ValueError(f"{option} {key}=... was given twice; give each key once")
        given[key] = value
    return given


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds > 0, not {text}")
    return value


def add_inputs(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--input",
        type=input_pair,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"{what}; VALUE is read as JSON when it is JSON (42, true, [1]), else as text. Repeat for several",
    )


def add_wait_options(command: argparse.ArgumentParser) -> None:
    """`--wait`, `--timeout` and `--format` of a command that starts an execution."""
    command.add_argument("--wait", action="store_true", help="wait for the result and exit with its code")
    command.add_argument("--timeout", type=seconds, metavar="S", help="with --wait: give up after S seconds (exit 8)")
    command.add_argument("--format", choices=("table", "json"), help="the result: default table on a terminal")


def add_commands(asteroid: Any, common: argparse.ArgumentParser) -> None:
    """Add the lifecycle commands to the `asteroid` subparsers."""
    run = asteroid.add_parser("run", parents=[common], help="start a workflow (and wait for its result)")
    run.add_argument("workflow_id", metavar="WORKFLOW_ID", help="the workflow to run")
    add_inputs(run, "an input")
    run.add_argument(
        "--metadata",
        type=split_pair,  # metadata values are strings, sent as typed
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a metadata pair; VALUE is sent as text, as typed. Repeat for several",
    )
    run.add_argument("--version", type=int, help="run this published version (default: the published one)")
    run.add_argument("--head", action="store_true", help="run the unpublished head")
    run.add_argument("--queue", action="store_true", help="queue the execution if the organisation is busy")
    add_wait_options(run)
    run.set_defaults(run=run_workflow)
    wait = asteroid.add_parser("wait", parents=[common], help="wait for an execution's result and exit with its code")
    wait.add_argument("id", metavar="ID", help="the execution to wait for")
    wait.add_argument("--timeout", type=seconds, metavar="S", help="give up after S seconds (exit 8)")
    wait.add_argument("--format", choices=("table", "json"), help="the result: default table on a terminal")
    wait.set_defaults(run=wait_for_one, wait=True)
    rerun = asteroid.add_parser("rerun", parents=[common], help="start an execution again (and wait for its result)")
    rerun.add_argument("id", metavar="ID", help="the execution to start again, with its inputs")
    add_inputs(rerun, "an input replacing the execution's")
    add_wait_options(rerun)
    rerun.set_defaults(run=rerun_one)
    delete = asteroid.add_parser("delete", parents=[common], help="delete an execution (it cannot be undone)")
    delete.add_argument("id", metavar="ID", help="the execution to delete")
    delete.add_argument("--yes", action="store_true", help="required: say that you mean it")
    delete.set_defaults(run=delete_one)
    for verb, text in (("cancel", "stop"), ("pause", "pause"), ("resume", "resume")):
        change = asteroid.add_parser(verb, parents=[common], help=f"{text} an execution")
        change.add_argument("id", metavar="ID", help=f"the execution to {verb}")
        change.set_defaults(run=change_status, verb=verb)
    message = asteroid.add_parser("message", parents=[common], help="send an execution's agent a message")
    message.add_argument("id", metavar="ID", help="the execution whose agent gets the message")
    message.add_argument("text", metavar="TEXT", help="the message")
    message.set_defaults(run=send_message)
    activities = asteroid.add_parser("activities", parents=[common], help="what happened during an execution")
    activities.add_argument("id", metavar="ID", help="the execution")
    activities.add_argument("--follow", action="store_true", help="keep printing new ones until it finishes")
    activities.add_argument("--format", choices=("text", "jsonl"), help="default: text on a terminal, else jsonl")
    activities.set_defaults(run=show_activities)
    recording = asteroid.add_parser("recording", parents=[common], help="the URL of an execution's recording")
    recording.add_argument("id", metavar="ID", help="the execution")
    recording.set_defaults(run=show_recording)


def run_workflow(args: argparse.Namespace, client: Any) -> int:
    started = client.workflows.execute(
        args.workflow_id,
        inputs=pairs_once("--input", args.input) or None,
        metadata=pairs_once("--metadata", args.metadata) or None,
        version=args.version,
        head=args.head,
        queue_if_busy=args.queue,
    )
    return then_wait(args, client, started.execution_id)


def rerun_one(args: argparse.Namespace, client: Any) -> int:
    started = client.executions.rerun(args.id, inputs=pairs_once("--input", args.input) or None)
    return then_wait(args, client, started.execution_id)


def then_wait(args: argparse.Namespace, client: Any, execution_id: str) -> int:
    """After a start: print the new execution's ID, or with --wait its result, exiting with its code."""
    if not args.wait:  # --timeout without --wait was refused before the request
        print(execution_id)
        return 0
    try:
        return wait_and_show(args, client, execution_id)
    except KeyboardInterrupt:  # the execution goes on: say which, so it can be cancelled or waited on again
        start = "\r" if sys.stderr.isatty() else ""  # past the live status line, on a terminal only
        print(f"{start}agent-executions: execution {execution_id} was started and is still running", file=sys.stderr)
        raise
    except AgentExecutionsError as exc:  # the wait failed, not the start: the error names what runs on
        raise waiting.started(exc, execution_id) from None


def wait_for_one(args: argparse.Namespace, client: Any) -> int:
    return wait_and_show(args, client, args.id)


def wait_and_show(args: argparse.Namespace, client: Any, execution_id: str) -> int:
    """Wait for the result (a live status line on a terminal), show it, and return its exit code."""
    live = sys.stderr.isatty()
    try:
        execution = wait_with_status_line(client, execution_id, args.timeout) if live else None
        if execution is None:
            execution = client.executions.wait(execution_id, timeout=args.timeout)
    finally:
        if live:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    emit_one(args, execution)
    return OUTCOME_EXIT.get(str(execution.status), 0)


def delete_one(args: argparse.Namespace, client: Any) -> int:
    if not args.yes:
        raise UsageError(f"delete removes execution {args.id} for good; pass --yes to do it")
    client.executions.delete(args.id)
    print(f"deleted {args.id}", file=sys.stderr)
    return 0


def wait_with_status_line(client: Any, execution_id: str, timeout: float | None) -> Any:
    """Wait in short long-polls, showing the last status on stderr between them."""
    import time

    started = time.monotonic()
    status = "starting"
    while True:
        left = None if timeout is None else timeout - (time.monotonic() - started)
        if left is not None and left <= 0:
            raise WaitTimeoutError(
                f"execution {execution_id} did not finish within {timeout:g} s; last status {status}",
                execution_id=execution_id,
                last_status=status,
                timeout=timeout or 0.0,
            )
        elapsed = time.monotonic() - started
        shown = _render.visible(status)  # the server's text: its escape sequences must not act on the terminal
        print(f"\r\033[K{execution_id}: {shown} ({elapsed:.0f} s)", end="", file=sys.stderr, flush=True)
        step = STATUS_LINE_EVERY if left is None else min(STATUS_LINE_EVERY, left)
        try:
            return client.executions.wait(execution_id, timeout=step)
        except WaitTimeoutError as exc:
            status = exc.last_status or status


def emit_one(args: argparse.Namespace, record: Any) -> None:
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        _render.write_record(record, sys.stdout)
    else:
        print_rich(_render.details(record))


def change_status(args: argparse.Namespace, client: Any) -> int:
    change = getattr(client.executions, args.verb)(args.id)
    print(json.dumps(change.to_dict()))
    return 0


def send_message(args: argparse.Namespace, client: Any) -> int:
    client.executions.send_message(args.id, args.text)
    print(f"sent to {args.id}", file=sys.stderr)
    return 0


def show_recording(args: argparse.Namespace, client: Any) -> int:
    print(client.executions.recording_url(args.id))
    return 0


def show_activities(args: argparse.Namespace, client: Any) -> int:
    text = (args.format or ("text" if sys.stdout.isatty() else "jsonl")) == "text"
    seen: set[str] = set()
    while True:
        finished = not args.follow or is_finished(client, args.id)
        for activity in client.executions.activities(args.id):
            if activity.id not in seen:
                seen.add(activity.id)
                print(describe(activity) if text else json.dumps(activity.to_dict()), flush=True)
        if finished:
            return 0


def is_finished(client: Any, execution_id: str) -> bool:
    """Whether the execution has finished, waiting up to `FOLLOW_EVERY` for it (on the long-poll)."""
    try:
        client.executions.wait(execution_id, timeout=FOLLOW_EVERY)
    except WaitTimeoutError:
        return False
    return True


def describe(activity: ExecutionActivity) -> str:
    """One line for a terminal: time, kind, and the payload's most telling value."""
    payload = activity.payload.to_dict()
    kind = payload.pop("activityType", "?")
    detail = next(
        (str(payload[k]) for k in ("message", "reasoning", "status", "fileName", "reason") if k in payload), ""
    )
    if not detail and payload:
        detail = json.dumps(payload)
    # Server text goes to a terminal, one line an activity: control characters (escape sequences,
    # CR, LF, bidi overrides) are shown as escapes.
    return _render.visible(f"{activity.timestamp:%H:%M:%S}  {kind!s:<22} {detail}".rstrip()).replace("\n", "\\n")
