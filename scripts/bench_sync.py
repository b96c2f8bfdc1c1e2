"""The sync half of issue 25, item 8: `sync_executions` of 10,000 executions into a new DuckDB
file beside a plain consistent listing of the same, from one fake Asteroid server
(validate=False) in a process of its own. The two run in turn, five rounds each, so that what
else the machine does weighs on both alike; the ratio of the fastest rounds (and of the medians)
and the peak memory of each.

    .venv/bin/python scripts/bench_sync.py [COUNT]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from agent_executions import AsteroidClient
from agent_executions.sync import sync_executions
from agent_executions.testing import FakeAsteroidServer

ROUNDS = 5


def serve(conn: Any, count: int) -> None:
    with FakeAsteroidServer(count=count, validate=False) as server:
        server.clock.freeze()
        conn.send((server.api_key, server.base_url))
        conn.recv()  # until the parent is done


@contextlib.contextmanager
def fake_server(count: int) -> Iterator[tuple[str, str]]:
    """A fake Asteroid server of `count` executions (frozen clock, validate=False) in a process of
    its own, for as long as the block runs: its API key and base URL."""
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=serve, args=(child, count), daemon=True)
    process.start()
    api_key, base_url = conn.recv()
    try:
        yield api_key, base_url
    finally:
        conn.send("done")
        process.join(timeout=10)


def measure(ways: list[Callable[[], Any]]) -> list[tuple[list[float], float, Any]]:
    """Per way: the seconds of each round (the ways in turn, so that what else the machine does
    weighs on all alike), Python's peak MiB (tracemalloc, one more round) and what that round returned."""
    times: list[list[float]] = [[] for _ in ways]
    for _ in range(ROUNDS):
        for index, way in enumerate(ways):
            started = time.perf_counter()
            way()
            times[index].append(time.perf_counter() - started)
    found = []
    for way, seconds in zip(ways, times, strict=True):
        tracemalloc.start()
        result = way()
        found.append((seconds, tracemalloc.get_traced_memory()[1] / 2**20, result))
        tracemalloc.stop()
    return found


def timing(seconds: list[float]) -> str:
    return f"fastest {min(seconds):6.2f} s  median {statistics.median(seconds):6.2f} s"


def ratio(slower: list[float], base: list[float]) -> str:
    """How many times `base`'s time `slower` takes: of the fastest rounds, and of the medians."""
    fastest = min(slower) / min(base)
    medians = statistics.median(slower) / statistics.median(base)
    return f"{fastest:.2f}x (fastest rounds), {medians:.2f}x (medians)"


def listing(client: AsteroidClient) -> int:
    return sum(1 for _ in client.executions.list(consistent=True, sort_direction="asc"))


def syncing(client: AsteroidClient, folder: Path) -> int:
    path = folder / f"{time.monotonic_ns()}.duckdb"
    summary = sync_executions(client, path)
    return summary.new


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with (
        fake_server(count) as (api_key, base_url),
        tempfile.TemporaryDirectory() as folder,
        AsteroidClient(api_key=api_key, base_url=base_url) as client,
    ):
        listed, synced = measure([lambda: listing(client), lambda: syncing(client, Path(folder))])
    for name, (seconds, peak, items) in (("listing", listed), ("sync into DuckDB", synced)):
        print(f"{name:18} {items:>7} executions  {timing(seconds)}  peak {peak:6.1f} MiB (Python)")
    print(f"sync / listing: {ratio(synced[0], listed[0])}")


if __name__ == "__main__":
    main()
