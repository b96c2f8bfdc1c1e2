"""The sync half of issue 25, item 8: `sync_executions` of 10,000 executions into a new DuckDB
file beside a plain consistent listing of the same, from one fake Asteroid server
(validate=False) in a process of its own. The two run in turn, five rounds each, so that what
else the machine does weighs on both alike; the ratio of the fastest rounds (and of the medians)
and the peak memory of each.

    .venv/bin/python scripts/bench_sync.py [COUNT]
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
import tracemalloc
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


def listing(client: AsteroidClient, _: Path) -> int:
    return sum(1 for _ in client.executions.list(consistent=True, sort_direction="asc"))


def syncing(client: AsteroidClient, folder: Path) -> int:
    path = folder / f"{time.monotonic_ns()}.duckdb"
    summary = sync_executions(client, path)
    return summary.new


def measure(client: AsteroidClient, folder: Path, hows: list[Any]) -> list[tuple[list[float], float, int]]:
    """Per way: the seconds of each round (the ways in turn), peak MiB (Python allocations,
    tracemalloc, one more round), items."""
    times: list[list[float]] = [[] for _ in hows]
    items = [0 for _ in hows]
    for _ in range(ROUNDS):
        for index, how in enumerate(hows):
            started = time.perf_counter()
            items[index] = how(client, folder)
            times[index].append(time.perf_counter() - started)
    peaks = []
    for how in hows:
        tracemalloc.start()
        how(client, folder)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return list(zip(times, peaks, items, strict=True))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=serve, args=(child, count), daemon=True)
    process.start()
    api_key, base_url = conn.recv()
    try:
        with tempfile.TemporaryDirectory() as folder, AsteroidClient(api_key=api_key, base_url=base_url) as client:
            listed, synced = measure(client, Path(folder), [listing, syncing])
    finally:
        conn.send("done")
        process.join(timeout=10)
    for name, (seconds, peak, items) in (("listing", listed), ("sync into DuckDB", synced)):
        print(
            f"{name:18} {items:>7} executions  fastest {min(seconds):6.2f} s"
            f"  median {statistics.median(seconds):6.2f} s  peak {peak:6.1f} MiB (Python)"
        )
    fastest = min(synced[0]) / min(listed[0])
    medians = statistics.median(synced[0]) / statistics.median(listed[0])
    print(f"sync / listing: {fastest:.2f}x (fastest rounds), {medians:.2f}x (medians)")


if __name__ == "__main__":
    main()
