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
import functools
import io
import os
import sys
import tempfile
from pathlib import Path

from agent_executions.cli import main
from bench_sync import fake_server, measure, ratio, timing  # scripts/, beside this one

FORMATS = ("jsonl", "parquet")


def export(base_url: str, fmt: str, path: Path) -> None:
    argv = ["asteroid", "list", "--all", "--format", fmt, "--output", str(path), "--base-url", base_url]
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    if code != 0:
        raise SystemExit(f"{fmt}: exit {code}")


def main_bench() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with fake_server(count) as (api_key, base_url), tempfile.TemporaryDirectory() as folder:
        os.environ["ASTEROID_API_KEY"] = api_key
        paths = {fmt: Path(folder) / f"out.{fmt}" for fmt in FORMATS}
        listed, parquet = measure([functools.partial(export, base_url, fmt, path) for fmt, path in paths.items()])
        sizes = {fmt: path.stat().st_size for fmt, path in paths.items()}
    import pyarrow as pa

    arrow = pa.default_memory_pool().max_memory() / 2**20  # its allocator, which tracemalloc does not see
    for fmt, (seconds, peak, _) in zip(FORMATS, (listed, parquet), strict=True):
        name = f"list --format {fmt}"
        extra = f", pyarrow peak {arrow:.1f} MiB" if fmt == "parquet" else ""
        print(
            f"{name:22} {count:>7} executions  {timing(seconds)}  peak {peak:6.1f} MiB (Python){extra}"
            f"  {sizes[fmt]:,} bytes"
        )
    print(f"parquet / jsonl: {ratio(parquet[0], listed[0])}")


if __name__ == "__main__":
    main_bench()
