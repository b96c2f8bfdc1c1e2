"""The fault matrix: every operation of both APIs, sync and async, against every server fault.

Operations that change state (execute, cancel, send_message, rerun, delete) are retried only
when the request cannot have reached the server (connection refused) or on 429 with
Retry-After; every other fault fails them after one attempt.

    python scripts/fault_matrix.py          # run it and write the table into docs/reliability.md

tests/reliability/test_fault_matrix.py runs the same cases and asserts each expected outcome.
Backoff sleeps are shortened to a millisecond so the matrix runs in seconds; Retry-After
and timeouts are real.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import agent_executions as ae
from agent_executions import retries
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer, http_date

MAX_RETRIES = 2
TIMEOUT = 0.25
"""The client's timeout in the one case about timing out (a server slower than it)."""
ROOMY_TIMEOUT = 30.0
"""The client's timeout in every other case: their outcome and attempt count must not depend on how
busy the machine is (with 0.25 s, a connection slow to open on a loaded machine was an attempt the
server never saw, and a count of 2 where 3 were made)."""
Server = FakeAsteroidServer | FakeZaiaServer


@dataclass(frozen=True)
class Fault:
    name: str
    inject: Callable[[Server, int], None]  # (server, times)
    persistent_error: type[Exception] | None  # what persists past the retries; None: the call succeeds
    retried: bool = True
    retried_when_changing_state: bool = False
    """Whether a request that changes state (execute, cancel...) is retried too: only when it cannot
    have reached the server, or the server refused it unread (429 with Retry-After)."""
    times_out: bool = False
    """Whether the case is about the client's timeout (`TIMEOUT`); the others get `ROOMY_TIMEOUT`."""


def status(
    code: int, body: str | None = None, content_type: str = "application/json", **extra: Any
) -> Callable[[Server, int], None]:
    return lambda server, times: server.fail_next(code, times=times, body=body, content_type=content_type, **extra)


HTML = "<html><body><h1>Bad gateway</h1></body></html>"
FAULTS = [
    Fault("429, Retry-After in seconds", status(429, retry_after=0), ae.RateLimitError, True, True),
    Fault(
        "429, Retry-After as an HTTP date",
        lambda s, n: s.fail_next(429, times=n, retry_after=http_date(0)),
        ae.RateLimitError,
        True,
        True,
    ),
    *(Fault(f"{code}, JSON body", status(code), ae.InternalServerError) for code in (500, 502, 503, 504)),
    *(
        Fault(f"{code}, HTML body", status(code, HTML, "text/html"), ae.InternalServerError)
        for code in (500, 502, 503, 504)
    ),
    *(
        Fault(f"{code}, empty body", status(code, "", "text/plain"), ae.InternalServerError)
        for code in (500, 502, 503, 504)
    ),
    Fault("520 (outside the HTTP standard)", status(520), ae.InternalServerError),
    Fault("connection dropped mid-body", lambda s, n: s.drop_connection_next(times=n), ae.APIConnectionError),
    Fault(
        "slower than the timeout", lambda s, n: s.slow_next(TIMEOUT * 3, times=n), ae.APITimeoutError, times_out=True
    ),
    Fault("truncated JSON", lambda s, n: s.truncate_next(times=n), ae.ResponseValidationError, retried=False),
    Fault("HTML page with status 200", status(200, HTML, "text/html"), ae.ResponseValidationError, retried=False),
    Fault(
        "JSON labelled text/plain", lambda s, n: s.corrupt_next(times=n, content_type="text/plain"), None, retried=False
    ),
    Fault("connection refused", lambda s, n: None, ae.APIConnectionError, True, True),
]

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


def running(server: Any) -> str:
    """A fresh running execution (stored directly, no request), for an operation that changes one."""
    return str(server.add(status="running")["id"])


def finished(server: Any) -> str:
    return str(next(e["id"] for e in server.executions if e["status"] == "completed"))


OPERATIONS: dict[str, tuple[str, Callable[[Any, Server], Any]]] = {
    "Asteroid list": ("asteroid", lambda c, s: c.executions.list(limit=3)),
    "Asteroid get": ("asteroid", lambda c, s: c.executions.get(s.executions[0]["id"])),
    "Asteroid execute": ("asteroid", lambda c, s: c.workflows.execute(WORKFLOW, inputs={"n": 1})),
    "Asteroid wait": ("asteroid", lambda c, s: c.executions.wait(finished(s), timeout=5)),
    "Asteroid cancel": ("asteroid", lambda c, s: c.executions.cancel(running(s))),
    "Asteroid send_message": ("asteroid", lambda c, s: c.executions.send_message(running(s), "hi")),
    "Asteroid activities": ("asteroid", lambda c, s: c.executions.activities(finished(s))),
    "Asteroid rerun": ("asteroid", lambda c, s: c.executions.rerun(finished(s))),
    "Asteroid delete": ("asteroid", lambda c, s: c.executions.delete(running(s))),
    "Asteroid recording_url": ("asteroid", lambda c, s: c.executions.recording_url(finished(s))),
    "Zaia list": ("zaia", lambda c, s: c.executions.list(limit=3)),
    "Zaia get": ("zaia", lambda c, s: c.executions.get(s.executions[0]["id"])),
    "Zaia nesting": ("zaia", lambda c, s: c.executions.nesting(execution_id=s.executions[0]["id"])),
}
CHANGES_STATE = frozenset(
    {"Asteroid execute", "Asteroid cancel", "Asteroid send_message", "Asteroid rerun", "Asteroid delete"}
)
"""Operations never repeated once the request may have reached the server."""
BODY_NOT_READ = {
    "Asteroid send_message": {"truncated JSON", "HTML page with status 200"},
    # a 204 has no body, so a connection dropped after its headers leaves a complete answer
    "Asteroid delete": {"truncated JSON", "HTML page with status 200", "connection dropped mid-body"},
    "Asteroid recording_url": {"truncated JSON"},
}
"""Faults that break only a body the operation does not read (it reads the status, or Location)."""
LONG_POLLS = frozenset({"Asteroid wait"})
"""Operations whose first request the server may hold: a slow answer is within its longer deadline."""
FOLLOW_UP_REQUESTS = {"Asteroid wait": 1}
"""Requests an operation makes after its first one succeeds (wait fetches the finished execution)."""


@dataclass(frozen=True)
class Outcome:
    error: type[Exception] | None
    attempts: int | None  # None where the server never saw a request

    def __str__(self) -> str:
        what = "success" if self.error is None else self.error.__name__
        return what if self.attempts is None else f"{what} after {self.attempts} attempt{'s' * (self.attempts > 1)}"


def expected(fault: Fault, persistent: bool, operation: str = "") -> Outcome:
    refused = fault.name == "connection refused"
    if fault.name in BODY_NOT_READ.get(operation, ()):
        return Outcome(None, 1)
    if operation in LONG_POLLS and fault.name == "slower than the timeout":
        # the long-poll absorbs the slowness; the follow-up request meets it as any request does
        return Outcome(ae.APITimeoutError, 2 + MAX_RETRIES) if persistent else Outcome(None, 2)
    retried = fault.retried and (operation not in CHANGES_STATE or fault.retried_when_changing_state)
    if not persistent:
        error = None if retried else fault.persistent_error
        attempts = 2 if retried else 1
        return Outcome(error, None if refused else attempts + (FOLLOW_UP_REQUESTS.get(operation, 0) * (error is None)))
    attempts = 1 + MAX_RETRIES if retried else 1
    if fault.persistent_error is None:  # a harmless fault: every request of the operation is made
        attempts += FOLLOW_UP_REQUESTS.get(operation, 0)
    return Outcome(fault.persistent_error, None if refused else attempts)


@contextlib.contextmanager
def quick_backoff() -> Iterator[None]:
    """Backoff of a millisecond: the matrix is about outcomes and attempt counts, not waiting."""
    original = retries.RetryPolicy.backoff
    retries.RetryPolicy.backoff = lambda self, retry_number: 0.001  # type: ignore[method-assign]
    try:
        yield
    finally:
        retries.RetryPolicy.backoff = original  # type: ignore[method-assign]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_case(server: Server, operation: str, mode: str, fault: Fault, persistent: bool) -> Outcome:
    vendor, call = OPERATIONS[operation]
    server.faults.clear()
    server.requests.clear()
    refused = fault.name == "connection refused"
    stored = {e["id"] for e in server.executions}
    if not refused:
        # a transient fault fails once and a retried call then succeeds; a persistent one outlasts the retries
        fault.inject(server, 1 + MAX_RETRIES + 2 if persistent else 1)
    base_url = f"http://127.0.0.1:{closed_port()}{server.shape.server_path}" if refused else server.base_url
    timeout = TIMEOUT if fault.times_out else ROOMY_TIMEOUT
    options = {"api_key": server.api_key, "base_url": base_url, "timeout": timeout, "max_retries": MAX_RETRIES}
    sync_class: Any = ae.AsteroidClient if vendor == "asteroid" else ae.ZaiaClient
    async_class: Any = ae.AsyncAsteroidClient if vendor == "asteroid" else ae.AsyncZaiaClient
    error: type[Exception] | None = None
    try:
        if mode == "sync":
            with sync_class(**options) as client:
                result = call(client, server)
                if isinstance(result, ae.SyncPager):
                    list(result)
        else:

            async def main() -> None:
                async with async_class(**options) as client:
                    result = call(client, server)
                    if isinstance(result, ae.AsyncPager):
                        _ = [item async for item in result]
                    else:
                        await result

            asyncio.run(main())
    except ae.AgentExecutionsError as exc:
        error = type(exc)
    for added in {e["id"] for e in server.executions} - stored:  # each case starts from the same store,
        server.remove(added)  # so listings stay as quick as the timeout needs
    return Outcome(error, None if refused else len(server.requests))


def cases() -> Iterator[tuple[str, str, Fault, bool]]:
    for fault in FAULTS:
        for persistent in (False, True):
            if fault.name == "connection refused" and not persistent:
                continue
            for operation in OPERATIONS:
                for mode in ("sync", "async"):
                    yield operation, mode, fault, persistent


def run_all() -> list[tuple[str, str, Fault, bool, Outcome]]:
    results = []
    with (
        quick_backoff(),
        FakeAsteroidServer(seed=3, count=20) as asteroid,
        FakeZaiaServer(seed=3, count=10) as zaia,
    ):
        for operation, mode, fault, persistent in cases():
            server: Server = asteroid if OPERATIONS[operation][0] == "asteroid" else zaia
            results.append((operation, mode, fault, persistent, run_case(server, operation, mode, fault, persistent)))
        asteroid.violations.clear()  # corrupt/truncated bodies are deliberate
        zaia.violations.clear()
    return results


def table(results: list[tuple[str, str, Fault, bool, Outcome]]) -> str:
    lines = [
        "| fault | reads: once, then the server recovers | reads: every time "
        "| state changes: once, then the server recovers | state changes: every time |",
        "| --- | --- | --- | --- | --- |",
    ]
    for fault in FAULTS:
        cells = []
        for changes in (False, True):
            for persistent in (False, True):
                outcomes = {
                    str(o)
                    for op, _, f, p, o in results
                    if f is fault and p is persistent and (op in CHANGES_STATE) is changes
                }
                cells.append(" / ".join(sorted(outcomes)) if outcomes else "(not applicable)")
        lines.append(f"| {fault.name} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main() -> int:
    results = run_all()
    wrong = [(op, mode, f.name, p, str(o)) for op, mode, f, p, o in results if o != expected(f, p, op)]
    calls = len(results)
    report = (
        f"{calls} calls: {len(OPERATIONS)} operations x sync and async x {len(FAULTS)} faults, once and persistent; "
        f"max_retries={MAX_RETRIES}, timeout={TIMEOUT} s. A cell lists every outcome seen across the operations "
        "and modes: one outcome means they all agree.\n\n" + table(results)
    )
    print(report)
    docs = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"
    text = docs.read_text(encoding="utf-8")
    start, end = "<!-- fault-matrix -->", "<!-- /fault-matrix -->"
    if start in text and end in text:
        text = text[: text.index(start) + len(start)] + "\n" + report + "\n" + text[text.index(end) :]
        docs.write_text(text, encoding="utf-8")
    for row in wrong:
        print("UNEXPECTED:", *row, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
