"""The Parquet half of issue 25, item 8: `list --all --format parquet --output FILE` of 10,000
executions beside the plain listing (`--format jsonl --output FILE`), both through the command
line's own code (`cli.main`, in this process), from one fake Asteroid server (validate=False)
in a process of its own; medians of 3, the ratio, Python's peak memory of each (tracemalloc,
one more round) and pyarrow's own peak (its allocator, which tracemalloc does not see).

    .venv/bin/python scripts/bench_parquet.py [COUNT]
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from agent_executions.cli import main
from agent_executions.testing import FakeAsteroidServer

ROUNDS = 3


def serve(conn: Any, count: int) -> None:
    with FakeAsteroidServer(count=count, validate=False) as server:
        server.clock.freeze()
        conn.send((server.api_key, server.base_url))
        conn.recv()  # until the parent is done


def export(base_url: str, fmt: str, path: Path) -> None:
    argv = ["asteroid", "list", "--all", "--format", fmt, "--output", str(path), "--base-url", base_url]
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    if code != 0:
        raise SystemExit(f"{fmt}: exit {code}")


def measure(base_url: str, fmt: str, folder: Path) -> tuple[float, float, float, int]:
    """Median seconds, Python's peak MiB, pyarrow's peak MiB, file size in bytes."""
    path = folder / f"out.{fmt}"
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        export(base_url, fmt, path)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    export(base_url, fmt, path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    arrow = 0.0
    if fmt == "parquet":
        import pyarrow as pa

        arrow = pa.default_memory_pool().max_memory() / 2**20
    return statistics.median(times), peak, arrow, path.stat().st_size


def main_bench() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=serve, args=(child, count), daemon=True)
    process.start()
    api_key, base_url = conn.recv()
    os.environ["ASTEROID_API_KEY"] = api_key
    try:
        with tempfile.TemporaryDirectory() as folder:
            listed = measure(base_url, "jsonl", Path(folder))
            parquet = measure(base_url, "parquet", Path(folder))
    finally:
        conn.send("done")
        process.join(timeout=10)
    for name, (seconds, peak, arrow, size) in (("list --format jsonl", listed), ("list --format parquet", parquet)):
        extra = f", pyarrow peak {arrow:.1f} MiB" if arrow else ""
        shown = f"{name:22} {count:>7} executions  {seconds:6.2f} s  peak {peak:6.1f} MiB (Python){extra}"
        print(f"{shown}  {size:,} bytes")
    print(f"parquet / jsonl: {parquet[0] / listed[0]:.2f}x")


if __name__ == "__main__":
    main_bench()
