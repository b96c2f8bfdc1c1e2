"""The sync half of issue 25, item 8: `sync_executions` of 10,000 executions into a new DuckDB
file beside a plain consistent listing of the same, from one fake Asteroid server
(validate=False) in a process of its own; medians of 3, the ratio, and peak memory of each.

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

ROUNDS = 3


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


def measure(client: AsteroidClient, folder: Path, how: Any) -> tuple[float, float, int]:
    """Median seconds, peak MiB (Python allocations, tracemalloc, one more round), items."""
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        items = how(client, folder)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    how(client, folder)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, items


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=serve, args=(child, count), daemon=True)
    process.start()
    api_key, base_url = conn.recv()
    try:
        with tempfile.TemporaryDirectory() as folder, AsteroidClient(api_key=api_key, base_url=base_url) as client:
            listed = measure(client, Path(folder), listing)
            synced = measure(client, Path(folder), syncing)
    finally:
        conn.send("done")
        process.join(timeout=10)
    for name, (seconds, peak, items) in (("listing", listed), ("sync into DuckDB", synced)):
        print(f"{name:18} {items:>7} executions  {seconds:6.2f} s  peak {peak:6.1f} MiB (Python)")
    print(f"sync / listing: {synced[0] / listed[0]:.2f}x")


if __name__ == "__main__":
    main()
