"""The fault matrix: every operation of both APIs, sync and async, against every server fault.

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
Server = FakeAsteroidServer | FakeZaiaServer


@dataclass(frozen=True)
class Fault:
    name: str
    inject: Callable[[Server, int], None]  # (server, times)
    persistent_error: type[Exception] | None  # what persists past the retries; None: the call succeeds
    retried: bool = True


def status(
    code: int, body: str | None = None, content_type: str = "application/json", **extra: Any
) -> Callable[[Server, int], None]:
    return lambda server, times: server.fail_next(code, times=times, body=body, content_type=content_type, **extra)


HTML = "<html><body><h1>Bad gateway</h1></body></html>"
FAULTS = [
    Fault("429, Retry-After in seconds", status(429, retry_after=0), ae.RateLimitError),
    Fault(
        "429, Retry-After as an HTTP date",
        lambda s, n: s.fail_next(429, times=n, retry_after=http_date(0)),
        ae.RateLimitError,
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
    Fault("slower than the timeout", lambda s, n: s.slow_next(TIMEOUT * 3, times=n), ae.APITimeoutError),
    Fault("truncated JSON", lambda s, n: s.truncate_next(times=n), ae.ResponseValidationError, retried=False),
    Fault("HTML page with status 200", status(200, HTML, "text/html"), ae.ResponseValidationError, retried=False),
    Fault(
        "JSON labelled text/plain", lambda s, n: s.corrupt_next(times=n, content_type="text/plain"), None, retried=False
    ),
    Fault("connection refused", lambda s, n: None, ae.APIConnectionError),
]

OPERATIONS: dict[str, tuple[str, Callable[[Any, Server], Any]]] = {
    "Asteroid list": ("asteroid", lambda ex, s: ex.list(limit=3)),
    "Asteroid get": ("asteroid", lambda ex, s: ex.get(s.executions[0]["id"])),
    "Zaia list": ("zaia", lambda ex, s: ex.list(limit=3)),
    "Zaia get": ("zaia", lambda ex, s: ex.get(s.executions[0]["id"])),
    "Zaia nesting": ("zaia", lambda ex, s: ex.nesting(execution_id=s.executions[0]["id"])),
}


@dataclass(frozen=True)
class Outcome:
    error: type[Exception] | None
    attempts: int | None  # None where the server never saw a request

    def __str__(self) -> str:
        what = "success" if self.error is None else self.error.__name__
        return what if self.attempts is None else f"{what} after {self.attempts} attempt{'s' * (self.attempts > 1)}"


def expected(fault: Fault, persistent: bool) -> Outcome:
    refused = fault.name == "connection refused"
    if not persistent:
        return Outcome(
            None if fault.retried else fault.persistent_error, None if refused else 2 if fault.retried else 1
        )
    attempts = 1 + MAX_RETRIES if fault.retried else 1
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
    if not refused:
        # a transient fault fails once and a retried call then succeeds; a persistent one outlasts the retries
        fault.inject(server, 1 + MAX_RETRIES + 2 if persistent else 1)
    base_url = f"http://127.0.0.1:{closed_port()}{server.shape.server_path}" if refused else server.base_url
    options = {"api_key": server.api_key, "base_url": base_url, "timeout": TIMEOUT, "max_retries": MAX_RETRIES}
    sync_class: Any = ae.AsteroidClient if vendor == "asteroid" else ae.ZaiaClient
    async_class: Any = ae.AsyncAsteroidClient if vendor == "asteroid" else ae.AsyncZaiaClient
    error: type[Exception] | None = None
    try:
        if mode == "sync":
            with sync_class(**options) as client:
                result = call(client.executions, server)
                if isinstance(result, ae.SyncPager):
                    list(result)
        else:

            async def main() -> None:
                async with async_class(**options) as client:
                    result = call(client.executions, server)
                    if isinstance(result, ae.AsyncPager):
                        _ = [item async for item in result]
                    else:
                        await result

            asyncio.run(main())
    except ae.AgentExecutionsError as exc:
        error = type(exc)
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
        "| fault | once, then the server recovers | every time |",
        "| --- | --- | --- |",
    ]
    for fault in FAULTS:
        cells = []
        for persistent in (False, True):
            outcomes = {str(o) for _, _, f, p, o in results if f is fault and p is persistent}
            cells.append(" / ".join(sorted(outcomes)) if outcomes else "(not applicable)")
        lines.append(f"| {fault.name} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main() -> int:
    results = run_all()
    wrong = [(op, mode, f.name, p, str(o)) for op, mode, f, p, o in results if o != expected(f, p)]
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
