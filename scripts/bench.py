"""`make bench`: the facade beside plain httpx, the raw generated client and the vendor's SDK.

Every contender lists the same 10,000 executions from the same fake Asteroid server
(page size 100), several times; the script prints medians and ratios to the floor
(plain httpx + json.loads) and writes docs/benchmarks.md. Then the same on a server
that adds 20 ms to every response, 2,000 `get`s on one client, cold import time, and
peak memory while iterating 10,000 and 100,000 executions.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import agent_executions as ae
import httpx
from agent_executions.testing import FakeAsteroidServer

ROOT = Path(__file__).resolve().parent.parent
COUNT = 10_000
PAGE = 100
KEY_HEADER = "X-Asteroid-Agents-Api-Key"


class ServerProcess:
    """The fake Asteroid server in a process of its own, so its CPU time is not the clients'."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, count), daemon=True)

    def __enter__(self) -> ServerProcess:
        self._process.start()
        self.api_key, self.base_url, self.url, self.first_id = self._conn.recv()
        return self

    def set_latency(self, seconds: float) -> None:
        self._conn.send(("latency", seconds))
        self._conn.recv()

    def __exit__(self, *exc: object) -> None:
        self._conn.send(("stop", 0.0))
        self._process.join(timeout=10)


def _serve(conn: Any, count: int) -> None:
    with FakeAsteroidServer(seed=1, count=count, validate=False) as server:
        server.serve_newer_api = True  # the vendor's SDK expects X-Api-Key and the newer required properties
        conn.send((server.api_key, server.base_url, server.url, server.executions[0]["id"]))
        while True:
            command, value = conn.recv()
            if command == "stop":
                return
            server.latency = value
            conn.send("ok")


def median_seconds(run: Callable[[], int], runs: int, expect: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        got = run()
        times.append(time.perf_counter() - started)
        if got != expect:
            raise RuntimeError(f"expected {expect} items, got {got}")
    return statistics.median(times)


# --- listing contenders ---------------------------------------------------------------------


def httpx_floor(server: ServerProcess) -> int:
    count, page = 0, 1
    with httpx.Client(headers={KEY_HEADER: server.api_key}) as client:
        while True:
            body = json.loads(
                client.get(f"{server.base_url}/executions", params={"page": page, "pageSize": PAGE}).content
            )
            count += len(body["items"])
            if not body["items"] or page * PAGE >= body["total"]:
                return count
            page += 1


def raw_generated(server: ServerProcess) -> int:
    from asteroid_agents_v2_raw import AuthenticatedClient
    from asteroid_agents_v2_raw.api.execution import execution_list

    client = AuthenticatedClient(
        base_url=server.base_url,
        token=server.api_key,
        prefix="",
        auth_header_name=KEY_HEADER,
        timeout=httpx.Timeout(30),
    )
    count, page = 0, 1
    with client:
        while True:
            body = execution_list.sync(client=client, page=page, page_size=PAGE)
            assert body is not None and hasattr(body, "items")
            count += len(body.items)
            if not body.items or page * PAGE >= body.total:
                return count
            page += 1


def facade_sync(server: ServerProcess) -> int:
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        return sum(1 for _ in client.executions.list(page_size=PAGE))


def facade_async(server: ServerProcess, concurrency: int = 1) -> int:
    async def main() -> int:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            return len([e async for e in client.executions.list(page_size=PAGE, concurrency=concurrency)])

    return asyncio.run(main())


def vendor_sdk(server: ServerProcess) -> int:
    from asteroid_odyssey import ApiClient, Configuration, ExecutionApi

    configuration = Configuration(host=server.url, api_key={"ApiKeyAuth": server.api_key})
    count, page = 0, 1
    with ApiClient(configuration) as api_client:
        api = ExecutionApi(api_client)
        while True:
            body = api.executions_list(page=page, page_size=PAGE)
            count += len(body.items)
            if not body.items or page * PAGE >= body.total:
                return count
            page += 1


CONTENDERS: dict[str, Callable[[ServerProcess], int]] = {
    "plain httpx + json.loads (the floor)": httpx_floor,
    "raw generated client, hand-written page loop": raw_generated,
    "facade, sync": facade_sync,
    "facade, async": facade_async,
    "facade, async, concurrency=8": lambda server: facade_async(server, 8),
    "vendor SDK asteroid-odyssey": vendor_sdk,
}


def listing_table(server: ServerProcess, runs: int) -> tuple[list[str], dict[str, float]]:
    """Each contender `runs` times, taking turns (so a noisy moment hits them all alike), after a warm-up."""
    samples: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    errors: dict[str, str] = {}
    for round_number in range(runs + 1):
        for name, contender in CONTENDERS.items():
            if name in errors:
                continue
            try:
                seconds = median_seconds(lambda c=contender: c(server), 1, COUNT)
            except Exception as exc:  # a contender that cannot run is reported, not fatal
                errors[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
                continue
            if round_number:  # round 0 warms caches, connections and imports
                samples[name].append(seconds)
    results = {name: statistics.median(times) for name, times in samples.items() if times}
    floor = results[next(iter(CONTENDERS))]
    lines = ["| contender | median s | items/s | vs floor |", "| --- | ---: | ---: | ---: |"]
    for name in CONTENDERS:
        if name in results:
            seconds = results[name]
            lines.append(f"| {name} | {seconds:.3f} | {COUNT / seconds:,.0f} | {floor / seconds:.2f}x |")
        else:
            lines.append(f"| {name} | failed: {errors[name]} | | |")
    return lines, results


# --- get, import, memory ------------------------------------------------------------------------


def get_table(server: ServerProcess, calls: int = 2000) -> tuple[list[str], dict[str, float]]:
    execution_id = server.first_id

    def plain() -> int:
        with httpx.Client(headers={KEY_HEADER: server.api_key}) as client:
            for _ in range(calls):
                json.loads(client.get(f"{server.base_url}/executions/{execution_id}").content)
        return calls

    def facade() -> int:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            for _ in range(calls):
                client.executions.get(execution_id)
        return calls

    results = {"plain httpx + json.loads": median_seconds(plain, 3, calls), "facade": median_seconds(facade, 3, calls)}
    floor = results["plain httpx + json.loads"]
    lines = ["| contender | per call ms | vs floor |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {s / calls * 1e3:.3f} | {s / floor:.2f}x the time |" for name, s in results.items()]
    return lines, results


def cold_import(statement: str, runs: int = 15) -> float:
    """Median seconds of `statement` in fresh processes, with bytecode cached as a user's install has it."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run = [sys.executable, "-c", code]
    subprocess.run(run, capture_output=True, check=True, env=env)  # writes the bytecode once
    times = [
        float(subprocess.run(run, capture_output=True, text=True, check=True, env=env).stdout) for _ in range(runs)
    ]
    return statistics.median(times)


PEAK = """
import sys, tracemalloc
import agent_executions as ae
client = ae.AsteroidClient(api_key=sys.argv[1], base_url=sys.argv[2])
tracemalloc.start()
count = sum(1 for _ in client.executions.list(page_size=100))
print(count, tracemalloc.get_traced_memory()[1])
"""


def peak_memory(count: int) -> tuple[int, int]:
    """Peak traced memory of a fresh process iterating `count` executions (the server runs here)."""
    with FakeAsteroidServer(seed=5, count=count, validate=False) as server:
        out = subprocess.run([sys.executable, "-c", PEAK, server.api_key, server.base_url], capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
    return int(out[0]), int(out[1])


def parse_costs() -> tuple[float, float]:
    """Microseconds per execution for json.loads alone and for json.loads + the generated model."""
    server = FakeAsteroidServer(seed=1, count=2000, validate=False)
    raw = [json.dumps(item) for item in server.executions]

    def per_item(parse: Callable[[str], object]) -> float:
        started = time.perf_counter()
        for text in raw:
            parse(text)
        return (time.perf_counter() - started) / len(raw) * 1e6

    return per_item(json.loads), per_item(lambda text: ae.Execution.from_dict(json.loads(text)))


def main() -> int:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores). The fake server runs in a process of its own",
        "on loopback, validation off; every contender talks to the same one. Compare the ratios: the",
        "absolute figures move with the machine.",
        "",
    ]
    with ServerProcess(COUNT) as server:
        listing, zero = listing_table(server, runs=5)
        lines += [f"## Listing {COUNT:,} executions, page size {PAGE}, no added latency", "", *listing, ""]
        server.set_latency(0.02)
        listing, slow = listing_table(server, runs=3)
        lines += [f"## The same with 20 ms added to every response ({COUNT // PAGE} pages)", "", *listing, ""]
        ideal = 0.02 * (COUNT // PAGE) / 8
        speedup = slow["facade, async"] / slow["facade, async, concurrency=8"]
        lines += [
            f"Concurrency 8 against sequential async: {speedup:.1f}x faster; latency x pages / 8 = {ideal:.2f} s.",
            "",
        ]
        server.set_latency(0.0)
        gets, get_results = get_table(server)
        lines += ["## One `get`, 2,000 times on one client", "", *gets, ""]
    costs = parse_costs()
    floor = zero[next(iter(CONTENDERS))]
    imported = cold_import("import agent_executions")
    httpx_alone = cold_import("import httpx")
    small, large = peak_memory(10_000), peak_memory(100_000)
    lines += [
        "## Cold import and memory",
        "",
        f"- `import agent_executions` in a fresh process: median {imported * 1e3:.0f} ms of 15 "
        f"(`import httpx` alone: {httpx_alone * 1e3:.0f} ms).",
        f"- Peak traced memory iterating {small[0]:,} executions: {small[1] / 1e6:.1f} MB; "
        f"{large[0]:,} executions: {large[1] / 1e6:.1f} MB (pages are not kept).",
        "",
        "## Where the time goes",
        "",
        f"- Per execution, `json.loads` alone: {costs[0]:.0f} µs; `json.loads` and the generated model: "
        f"{costs[1]:.0f} µs. The facade adds {(zero['facade, sync'] - floor) / COUNT * 1e6:.0f} µs "
        "per execution over the floor, almost all of it in the generated `from_dict`: the raw generated",
        "  client with a hand-written loop costs the same. Since the model template imports related models",
        "  once per module instead of on every call (it was the largest cost), cProfile puts most of it in",
        "  about ten `uuid.UUID` constructions per execution and in the `triggerContext` union.",
        "- Concurrency cannot hide that cost: the pages arrive together but are parsed one after another on",
        "  one core, so the speed-up stops where parsing 10,000 executions takes longer than the latency.",
        "",
        "## Targets",
        "",
        f"- listing throughput >= 0.8x the floor: {zero[next(iter(CONTENDERS))] / zero['facade, sync']:.2f}x",
        f"- faster than the vendor SDK: {_versus(zero, 'vendor SDK asteroid-odyssey', 'facade, sync')}",
        f"- `get` <= 1.25x the floor's time: {get_results['facade'] / get_results['plain httpx + json.loads']:.2f}x",
        f"- concurrency=8 >= 5x sequential on the 20 ms server: {speedup:.1f}x",
        f"- cold import <= 150 ms: {imported * 1e3:.0f} ms",
        f"- flat memory: {large[1] / small[1]:.2f}x the peak for 10x the executions",
        "",
    ]
    text = "\n".join(lines)
    (ROOT / "docs" / "benchmarks.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


def _versus(results: dict[str, float], other: str, ours: str) -> str:
    if other not in results:
        return "the vendor SDK could not list the executions (see the table)"
    return f"{results[other] / results[ours]:.2f}x faster"


if __name__ == "__main__":
    sys.exit(main())
