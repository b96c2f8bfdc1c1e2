"""The waits between retries, measured by recording them instead of sleeping (`retries.sleep` and
`retries.async_sleep` are replaced): the backoff's doubling, cap and jitter, Retry-After in seconds
and as a date, its cap, and the values it must ignore. Nothing here sleeps."""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import agent_executions as ae
import pytest
from agent_executions import retries
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from hostile_servers import recorded_waits

Server = FakeAsteroidServer | FakeZaiaServer
CLIENTS: dict[str, tuple[type[Server], Any, Any]] = {
    "asteroid": (FakeAsteroidServer, ae.AsteroidClient, ae.AsyncAsteroidClient),
    "zaia": (FakeZaiaServer, ae.ZaiaClient, ae.AsyncZaiaClient),
}


@pytest.fixture(params=[(v, m) for v in sorted(CLIENTS) for m in ("sync", "async")], ids="-".join)
def target(request: pytest.FixtureRequest) -> Iterator[tuple[str, str, Server]]:
    vendor, mode = request.param
    with CLIENTS[vendor][0](seed=2, count=5) as server:
        yield vendor, mode, server


def get_once(target: tuple[str, str, Server], **options: Any) -> list[float]:
    """`get` one execution with these client options; return the waits the retries asked for."""
    vendor, mode, server = target
    settings = {"api_key": server.api_key, "base_url": server.base_url, **options}
    execution_id = server.executions[0]["id"]
    with recorded_waits() as waits:
        if mode == "sync":
            with CLIENTS[vendor][1](**settings) as client:
                client.executions.get(execution_id)
        else:

            async def main() -> None:
                async with CLIENTS[vendor][2](**settings) as client:
                    await client.executions.get(execution_id)

            asyncio.run(main())
    return list(waits)


def test_backoff_doubles_from_half_a_second_to_the_8_s_cap_and_jitter_only_shortens(
    target: tuple[str, str, Server],
) -> None:
    target[2].fail_next(503, times=8)
    waits = get_once(target, max_retries=8)
    ceilings = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0, 8.0]
    assert len(waits) == len(ceilings)
    for wait, ceiling in zip(waits, ceilings, strict=True):
        assert 0.75 * ceiling <= wait <= ceiling, (waits, ceilings)


def test_retry_after_in_seconds_replaces_the_backoff(target: tuple[str, str, Server]) -> None:
    target[2].fail_next(429, retry_after=7)
    target[2].fail_next(503, retry_after="42.5")
    assert get_once(target, max_retries=2) == [7.0, 42.5]


def test_retry_after_as_an_http_date_waits_until_that_date(target: tuple[str, str, Server]) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)  # whole seconds: 29 to 30 s from now
    target[2].fail_next(503, retry_after=when)
    [wait] = get_once(target, max_retries=1)
    assert 27.0 <= wait <= 30.0


def test_a_date_in_the_past_retries_at_once(target: tuple[str, str, Server]) -> None:
    target[2].fail_next(503, retry_after=email.utils.formatdate(time.time() - 3600, usegmt=True))
    assert get_once(target, max_retries=1) == [0.0]


def test_retry_after_up_to_60_s_is_waited_and_beyond_raises_at_once_with_the_wait(
    target: tuple[str, str, Server],
) -> None:
    target[2].fail_next(503, retry_after=60)
    assert get_once(target, max_retries=1) == [60.0]
    for status, error in ((503, ae.InternalServerError), (429, ae.RateLimitError)):
        target[2].requests.clear()
        target[2].fail_next(status, retry_after=61)
        with pytest.raises(error) as caught:
            get_once(target, max_retries=3)
        assert caught.value.retry_after == 61.0
        assert len(target[2].requests) == 1


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "-inf", "1e400", "1e3", "1_0", "+5", "0x10", "5 s", "", "soon"])
def test_a_retry_after_that_is_neither_seconds_nor_a_date_falls_back_to_the_backoff(
    target: tuple[str, str, Server], value: str
) -> None:
    target[2].fail_next(503, retry_after=value, times=2)
    with pytest.raises(ae.InternalServerError) as caught:
        get_once(target, max_retries=1)
    assert caught.value.retry_after is None
    assert len(target[2].requests) == 2
    assert retries.parse_retry_after(value) is None


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("0", 0.0), ("10", 10.0), (" 7 ", 7.0), ("2.5", 2.5), ("9" * 400, None), ("1" + "0" * 400, None)],
)
def test_parse_retry_after_reads_only_finite_non_negative_seconds(value: str, seconds: float | None) -> None:
    assert retries.parse_retry_after(value) == seconds


@pytest.mark.parametrize("zone", ["GMT", "+0000", "-0000"])
def test_a_retry_after_date_is_read_as_utc_whatever_its_zone_says(zone: str) -> None:
    """`-0000` (RFC 5322's "zone unknown") parses to a naive datetime: it is taken as UTC, not refused."""
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30)
    value = when.strftime(f"%a, %d %b %Y %H:%M:%S {zone}")
    seconds = retries.parse_retry_after(value)
    assert seconds is not None and 25 <= seconds <= 30


@pytest.mark.parametrize("status", [400, 499])
def test_a_client_error_below_500_is_not_retried(target: tuple[str, str, Server], status: int) -> None:
    target[2].fail_next(status, times=3)
    with pytest.raises(ae.APIStatusError) as caught:
        get_once(target, max_retries=2)
    assert caught.value.status_code == status and len(target[2].requests) == 1


def test_a_thousand_retries_do_not_overflow_the_backoff() -> None:
    policy = retries.RetryPolicy(max_retries=5000)
    for retry in (1, 10, 1024, 1025, 1100, 5000):
        assert 0.75 * min(0.5 * 2 ** min(retry - 1, 10), 8.0) <= policy.backoff(retry) <= 8.0


def test_max_retries_above_256_still_ends_when_it_runs_out() -> None:
    """Ints above 256 are distinct objects in CPython: the count must be compared by value."""
    with FakeAsteroidServer(seed=2, count=1, validate=False) as server:
        server.fail_next(503, times=400)
        with pytest.raises(ae.InternalServerError):
            get_once(("asteroid", "sync", server), max_retries=300)
    assert len(server.requests) == 301


def test_max_retries_above_1024_runs_to_the_end_over_http() -> None:
    with FakeAsteroidServer(seed=2, count=1, validate=False) as server:
        server.fail_next(503, times=1030)
        waits = get_once(("asteroid", "sync", server), max_retries=1100)
    assert len(server.requests) == 1031 and len(waits) == 1030
    assert max(waits) <= 8.0
