"""The Parquet half of issue 25, item 8: `list --all --format parquet --output FILE` of 10,000
executions beside the plain listing (`--format jsonl --output FILE`), both through the command
line's own code (`cli.main`, in this process), from one fake Asteroid server (validate=False)
in a process of its own. The two run in turn, five rounds each, so that what else the machine
does weighs on both alike; the ratio of the fastest rounds (and of the medians), Python's peak
memory of each (tracemalloc, one more round) and pyarrow's own peak (its allocator, which
tracemalloc does not see).

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

ROUNDS = 5


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


def measure(base_url: str, formats: list[str], folder: Path) -> list[tuple[list[float], float, float, int]]:
    """Per format: the seconds of each round (the formats in turn), Python's peak MiB, pyarrow's
    peak MiB, file size in bytes."""
    times: list[list[float]] = [[] for _ in formats]
    for _ in range(ROUNDS):
        for index, fmt in enumerate(formats):
            started = time.perf_counter()
            export(base_url, fmt, folder / f"out.{fmt}")
            times[index].append(time.perf_counter() - started)
    found = []
    for fmt, seconds in zip(formats, times, strict=True):
        path = folder / f"out.{fmt}"
        tracemalloc.start()
        export(base_url, fmt, path)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        arrow = 0.0
        if fmt == "parquet":
            import pyarrow as pa

            arrow = pa.default_memory_pool().max_memory() / 2**20
        found.append((seconds, peak, arrow, path.stat().st_size))
    return found


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
            listed, parquet = measure(base_url, ["jsonl", "parquet"], Path(folder))
    finally:
        conn.send("done")
        process.join(timeout=10)
    for name, (seconds, peak, arrow, size) in (("list --format jsonl", listed), ("list --format parquet", parquet)):
        extra = f", pyarrow peak {arrow:.1f} MiB" if arrow else ""
        shown = (
            f"{name:22} {count:>7} executions  fastest {min(seconds):6.2f} s"
            f"  median {statistics.median(seconds):6.2f} s  peak {peak:6.1f} MiB (Python){extra}"
        )
        print(f"{shown}  {size:,} bytes")
    fastest = min(parquet[0]) / min(listed[0])
    medians = statistics.median(parquet[0]) / statistics.median(listed[0])
    print(f"parquet / jsonl: {fastest:.2f}x (fastest rounds), {medians:.2f}x (medians)")


if __name__ == "__main__":
    main_bench()
