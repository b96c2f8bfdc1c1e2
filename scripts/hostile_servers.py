"""Hostile or broken servers, and the secret-handling guarantees: the cases and their expected
outcomes, as data that tests/reliability/test_hostile_servers.py and test_secret_guarantees.py
assert, and that this script renders into docs/reliability.md, so the tables cannot drift.

    python scripts/hostile_servers.py      # run every hostile case, then write both tables

Waits between retries are recorded, not slept (`retries.sleep` is replaced), so a case that
would wait shows what it would have waited.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import agent_executions as ae
import httpx
from agent_executions import retries
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

Server = FakeAsteroidServer | FakeZaiaServer
MAX_RETRIES = 1
TIMEOUT = 0.5
SIZE_CAP = 1 << 20
DOCS = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"


@dataclass
class Result:
    error: BaseException | None
    attempts: int
    waits: list[float]


def deep_tree(server: Server, depth: int) -> str:
    """A Zaia nesting body whose children nest `depth` levels deep, each level a valid execution
    (written as text: json.dumps itself stops at about a thousand levels)."""
    item = {k: v for k, v in server.executions[0].items() if k != "children"}
    leaf = json.dumps({**item, "children": []})
    cut = leaf.rindex('"children": []') + len('"children": [')
    return leaf[:cut] * depth + leaf + leaf[cut:] * depth


def backoff_waits(result: Result) -> None:
    """Every wait was the computed backoff (0.5 s less up to a quarter), not the header's value."""
    assert result.waits and all(0.375 <= wait <= 0.5 for wait in result.waits), result.waits
    assert getattr(result.error, "retry_after", "missing") is None


def waits_nothing_and_reports_an_hour(result: Result) -> None:
    assert result.waits == [] and getattr(result.error, "retry_after", None) == 3600.0


@dataclass(frozen=True)
class Case:
    """One hostile behaviour: how to provoke it, and what every operation must end in."""

    name: str
    inject: Callable[[Server], None]
    error: type[Exception]
    attempts: int
    why: str
    options: dict[str, Any] = field(default_factory=dict)
    verify: Callable[[Result], None] | None = None
    """Further checks of the outcome (the recorded waits, say)."""
    operations: tuple[str, ...] = ("Asteroid get", "Asteroid list", "Zaia get", "Zaia list", "Zaia nesting")


CASES = [
    Case(
        "body trickled a byte every 0.05 s (timeout 0.5 s)",
        lambda s: s.trickle_next(0.05, times=5),
        ae.APITimeoutError,
        1 + MAX_RETRIES,
        "`timeout` bounds each whole attempt, body included, then the attempt is retried as a timeout",
    ),
    Case(
        "body that never ends (max_response_bytes 1 MiB)",
        lambda s: s.endless_next(times=5),
        ae.ResponseTooLargeError,
        1,
        "reading stops at the cap; not retried (the same answer would come again)",
        {"max_response_bytes": SIZE_CAP},
    ),
    Case(
        "Content-Length above max_response_bytes",
        lambda s: s.fail_next(200, body=b"[" + b"0," * SIZE_CAP + b"0]", times=5),
        ae.ResponseTooLargeError,
        1,
        "refused from the headers, before the body is read",
        {"max_response_bytes": SIZE_CAP},
    ),
    Case(
        "JSON arrays nested 100,000 deep",
        lambda s: s.deep_json_next(100_000, times=5),
        ae.ResponseValidationError,
        1,
        "no RecursionError escapes; not retried, like any body the spec does not allow",
    ),
    Case(
        "a nesting tree 3,000 levels deep",
        lambda s: s.fail_next(200, body=deep_tree(s, 3_000), times=5),
        ae.ResponseValidationError,
        1,
        "parsed recursively, so too deep a tree is a bad response, not a RecursionError",
        operations=("Zaia nesting",),
    ),
    Case(
        "Content-Encoding: gzip on a body that is not gzip",
        lambda s: s.bad_encoding_next(times=5),
        ae.ResponseValidationError,
        1,
        "httpx's DecodingError becomes the SDK's error; not retried, like a truncated body",
    ),
    Case(
        "400 whose body echoes the request headers",
        lambda s: s.echo_headers_next(400, times=5),
        ae.BadRequestError,
        1,
        "the key is redacted from the message, `body` and the response bytes the error carries",
    ),
    *(
        Case(
            f"{code} redirect to another origin (http_client follows redirects)",
            lambda s, code=code: s.redirect_next("http://127.0.0.1:9/elsewhere", code, times=5),
            ae.APIStatusError,
            1,
            "never followed, whatever client is given: the key stays with the API's origin",
        )
        for code in (301, 302, 307, 308)
    ),
    *(
        Case(
            f"503 with Retry-After: {value}",
            lambda s, value=value: s.fail_next(503, retry_after=value, times=5),
            ae.InternalServerError,
            1 + MAX_RETRIES,
            "not a number of seconds or a date: the computed backoff applies (`retry_after` is None)",
            verify=backoff_waits,
        )
        for value in ("-1", "nan", "inf", "1e400", "1_0")
    ),
    Case(
        "503 with Retry-After: 3600",
        lambda s: s.fail_next(503, retry_after=3600, times=5),
        ae.InternalServerError,
        1,
        "over 60 s: raised at once, with `retry_after` = 3600.0 for the caller to decide",
        verify=waits_nothing_and_reports_an_hour,
    ),
]

OPERATIONS: dict[str, tuple[str, Callable[[Any, Server], Any]]] = {
    "Asteroid get": ("asteroid", lambda ex, s: ex.get(s.executions[0]["id"])),
    "Asteroid list": ("asteroid", lambda ex, s: ex.list(limit=3)),
    "Zaia get": ("zaia", lambda ex, s: ex.get(s.executions[0]["id"])),
    "Zaia list": ("zaia", lambda ex, s: ex.list(limit=3)),
    "Zaia nesting": ("zaia", lambda ex, s: ex.nesting(execution_id=s.executions[0]["id"])),
}


@contextlib.contextmanager
def recorded_waits() -> Iterator[list[float]]:
    """Record the waits between retries instead of sleeping them."""
    waits: list[float] = []

    async def record_async(seconds: float) -> None:
        waits.append(seconds)

    original = retries.sleep, retries.async_sleep
    retries.sleep, retries.async_sleep = waits.append, record_async  # type: ignore[assignment]
    try:
        yield waits
    finally:
        retries.sleep, retries.async_sleep = original


def follows_redirects(mode: str) -> httpx.Client | httpx.AsyncClient:
    """An http_client of the user's that would follow redirects on its own."""
    return httpx.Client(follow_redirects=True) if mode == "sync" else httpx.AsyncClient(follow_redirects=True)


def run_case(server: Server, operation: str, mode: str, case: Case) -> Result:
    vendor, call = OPERATIONS[operation]
    server.faults.clear()
    server.requests.clear()
    case.inject(server)
    options = {
        "api_key": server.api_key,
        "base_url": server.base_url,
        "timeout": TIMEOUT,
        "max_retries": MAX_RETRIES,
        "http_client": follows_redirects(mode),
        **case.options,
    }
    sync_class: Any = ae.AsteroidClient if vendor == "asteroid" else ae.ZaiaClient
    async_class: Any = ae.AsyncAsteroidClient if vendor == "asteroid" else ae.AsyncZaiaClient
    error: BaseException | None = None
    with recorded_waits() as waits:
        try:
            if mode == "sync":
                with options["http_client"], sync_class(**options) as client:
                    result = call(client.executions, server)
                    if isinstance(result, ae.SyncPager):
                        list(result)
            else:

                async def main() -> None:
                    async with options["http_client"], async_class(**options) as client:
                        result = call(client.executions, server)
                        if isinstance(result, ae.AsyncPager):
                            _ = [item async for item in result]
                        else:
                            await result

                asyncio.run(main())
        except Exception as exc:
            error = exc
    server.faults.clear()
    return Result(error, len(server.requests), waits)


def cases() -> Iterator[tuple[str, str, Case]]:
    for case in CASES:
        for operation in case.operations:
            for mode in ("sync", "async"):
                yield operation, mode, case


@contextlib.contextmanager
def servers() -> Iterator[dict[str, Server]]:
    with FakeAsteroidServer(seed=3, count=20) as asteroid, FakeZaiaServer(seed=3, count=10) as zaia:
        yield {"asteroid": asteroid, "zaia": zaia}
        asteroid.violations.clear()  # the hostile bodies break the spec on purpose
        zaia.violations.clear()


def hostile_table() -> str:
    lines = [
        f"Every case runs against each listed operation, sync and async, with `max_retries={MAX_RETRIES}`, "
        f"`timeout={TIMEOUT}` and an `http_client` that follows redirects. An attempt is a request the server saw.",
        "",
        "| the server sends | every operation ends in | attempts | why |",
        "| --- | --- | --- | --- |",
    ]
    for case in CASES:
        scope = "" if len(case.operations) == len(OPERATIONS) else f" ({', '.join(case.operations)})"
        lines.append(f"| {case.name}{scope} | `{case.error.__name__}` | {case.attempts} | {case.why} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Guarantee:
    """One promise about the API key; `test_secret_guarantees.py` has a check of the same `key`."""

    key: str
    promise: str
    scope: str = "Asteroid and Zaia, sync and async"


GUARANTEES = [
    Guarantee(
        "key_checked",
        "A key with surrounding whitespace is stripped; one with a control or non-ASCII character (NUL, CR/LF, "
        "tab, `é`) raises `ConfigurationError` at construction, and the message does not quote it",
    ),
    Guarantee(
        "errors",
        "No `str`, `repr`, `args`, `body`, `request_id`, chained cause or formatted traceback of any error "
        "contains the key, including a server's error body or `X-Request-Id` that echoes it",
    ),
    Guarantee(
        "logs",
        "No log line at any level of any logger (ours, httpx, httpcore) contains the key",
        "Asteroid and Zaia, sync (the log calls are the shared core's)",
    ),
    Guarantee(
        "reprs",
        "No `repr` of a client, `client.raw`, `exc.request.headers` or `exc.response.request.headers` shows the key",
        "Asteroid and Zaia, sync (the request is built by the shared core)",
    ),
    Guarantee(
        "redirects",
        "A 301, 302, 307 or 308 to another origin is never followed, even with an `http_client` created with "
        "`follow_redirects=True`, by the facade or `client.raw`: the other origin receives nothing; the key is "
        "set only on requests to the base URL's origin, so a redirect a caller asks `client.raw`'s httpx client "
        "to follow arrives without it",
    ),
    Guarantee(
        "proxy",
        "With `HTTP_PROXY` set, a plain `http://` base URL (loopback) is reached directly: the proxy receives "
        "nothing (a client built by the SDK ignores proxy variables for plain http)",
    ),
    Guarantee(
        "fake_log",
        "The fake servers' `requests` log redacts any header carrying the key (`X-Api-Key` too)",
        "both fake servers",
    ),
    Guarantee(
        "raw_client",
        "`client.raw` sends through the `http_client` given (its transport, proxies, certificates), with the "
        "same guarantees",
    ),
    Guarantee(
        "command_line",
        "The command line reads the key from a file or stdin (`--api-key-file`), out of the process list, and "
        "prints it nowhere, `--debug` tracebacks included",
        "both vendors' commands, exit codes checked",
    ),
]


def secrets_table() -> str:
    lines = ["| guarantee | checked by | for |", "| --- | --- | --- |"]
    for guarantee in GUARANTEES:
        check = f"`test_{guarantee.key}*`"
        lines.append(f"| {guarantee.promise} | {check} | {guarantee.scope} |")
    return "\n".join(lines)


def replace_between(text: str, marker: str, body: str) -> str:
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    if start not in text or end not in text:
        raise SystemExit(f"docs/reliability.md lacks the {start} ... {end} markers")
    return text[: text.index(start) + len(start)] + "\n" + body + "\n" + text[text.index(end) :]


def write_docs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    text = replace_between(text, "hostile-servers", hostile_table())
    text = replace_between(text, "secret-guarantees", secrets_table())
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    wrong = []
    with servers() as by_vendor:
        for operation, mode, case in cases():
            result = run_case(by_vendor[OPERATIONS[operation][0]], operation, mode, case)
            if type(result.error) is not case.error or result.attempts != case.attempts:
                wrong.append((case.name, operation, mode, repr(result.error), result.attempts))
    for row in wrong:
        print("UNEXPECTED:", *row, file=sys.stderr)
    if not wrong:
        write_docs()
        print(f"{sum(1 for _ in cases())} hostile calls as expected; wrote {DOCS}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
