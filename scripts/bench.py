"""`make bench`: the facade beside plain httpx, the raw generated client and the vendor's SDK.

Every contender lists the same 10,000 executions from the same fake Asteroid server
(page size 100), several times; the script prints medians and ratios to the floor
(plain httpx + json.loads) and writes docs/benchmarks.md. Then the same on servers that
add 20 ms and 100 ms to every response, beside a concurrent floor (httpx async, 8 pages in
flight), 2,000 `get`s on one client, cold import times, the connections a listing opens,
and peak memory while iterating 10,000 and 100,000 executions; and what the models cost per
execution on one page, beside `json.loads` of it.

`python scripts/bench.py --models` measures only that last figure (a few seconds), for comparing
two versions of the generated models on a loaded machine without the whole run.
"""

from __future__ import annotations

import asyncio
import dataclasses
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

ROOT = Path(__file__).resolve().parent.parent
COUNT = 10_000
PAGE = 100
KEY_HEADER = "X-Asteroid-Agents-Api-Key"


@dataclasses.dataclass(frozen=True)
class Endpoint:
    """Where the fake server listens: what a contender needs to reach it (also on its command line)."""

    api_key: str
    base_url: str
    url: str
    first_id: str


class ServerProcess:
    """The fake Asteroid server in a process of its own, so its CPU time is not the clients'."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, count), daemon=True)

    def __enter__(self) -> ServerProcess:
        self._process.start()
        self.endpoint = Endpoint(*self._conn.recv())
        return self

    def set_latency(self, seconds: float) -> None:
        self._conn.send(("latency", seconds))
        self._conn.recv()

    def connections_opened(self) -> int:
        """Connections the server has accepted so far (it keeps them alive, as the vendor's does)."""
        self._conn.send(("connections", 0.0))
        return int(self._conn.recv())

    def __exit__(self, *exc: object) -> None:
        self._conn.send(("stop", 0.0))
        self._process.join(timeout=10)


def _serve(conn: Any, count: int) -> None:
    with fake_server(seed=1, count=count) as server:
        server.serve_newer_api = True  # the vendor's SDK expects X-Api-Key and the newer required properties
        conn.send((server.api_key, server.base_url, server.url, server.executions[0]["id"]))
        while True:
            command, value = conn.recv()
            if command == "stop":
                return
            if command == "connections":
                conn.send(server.connections.opened)
                continue
            server.latency = value
            conn.send("ok")


def fake_server(seed: int, count: int) -> Any:
    """A fake Asteroid server without validation. Imported here, not at the top, so that the
    contenders' processes do not carry werkzeug and openapi-core in their heap."""
    from agent_executions.testing import FakeAsteroidServer

    return FakeAsteroidServer(seed=seed, count=count, validate=False)


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


def httpx_floor(server: Endpoint) -> int:
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


def httpx_concurrent_floor(server: Endpoint, in_flight: int = 8) -> int:
    """The concurrent floor: httpx's async client and json.loads, the first page then `in_flight` pages at once."""

    async def main() -> int:
        limits = httpx.Limits(max_connections=in_flight)
        async with httpx.AsyncClient(headers={KEY_HEADER: server.api_key}, limits=limits) as client:

            async def page(number: int) -> Any:
                url = f"{server.base_url}/executions"
                return json.loads((await client.get(url, params={"page": number, "pageSize": PAGE})).content)

            first = await page(1)
            pages = -(-first["total"] // PAGE)
            gate = asyncio.Semaphore(in_flight)

            async def bounded(number: int) -> int:
                async with gate:
                    return len((await page(number))["items"])

            counts = await asyncio.gather(*(bounded(n) for n in range(2, pages + 1)))
            return len(first["items"]) + sum(counts)

    return asyncio.run(main())


def raw_generated(server: Endpoint) -> int:
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


def facade_sync(server: Endpoint, concurrency: int = 1) -> int:
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        return sum(1 for _ in client.executions.list(page_size=PAGE, concurrency=concurrency))


def facade_async(server: Endpoint, concurrency: int = 1) -> int:
    async def main() -> int:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            count = 0  # counted, not collected: keeping 10,000 models would tax the collector, as the sync one does not
            async for _ in client.executions.list(page_size=PAGE, concurrency=concurrency):
                count += 1
            return count

    return asyncio.run(main())


def vendor_sdk(server: Endpoint) -> int:
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


FLOOR = "plain httpx + json.loads (the floor)"
CONCURRENT_FLOOR = "httpx async + json.loads, 8 pages in flight (the concurrent floor)"
CONTENDERS: dict[str, Callable[[Endpoint], int]] = {
    FLOOR: httpx_floor,
    CONCURRENT_FLOOR: httpx_concurrent_floor,
    "raw generated client, hand-written page loop": raw_generated,
    "facade, sync": facade_sync,
    "facade, sync, concurrency=8": lambda server: facade_sync(server, 8),
    "facade, async": facade_async,
    "facade, async, concurrency=8": lambda server: facade_async(server, 8),
    "vendor SDK asteroid-odyssey": vendor_sdk,
}
SLOW_CONTENDERS = [
    CONCURRENT_FLOOR,
    "facade, sync",
    "facade, sync, concurrency=8",
    "facade, async",
    "facade, async, concurrency=8",
]
"""On the 100 ms server: a sequential listing takes over ten seconds a sample, so only what target 3 compares."""


def listing_table(
    server: ServerProcess, runs: int, contenders: list[str] | None = None
) -> tuple[list[str], dict[str, float]]:
    """Each contender `runs` times, taking turns (so a noisy moment hits them all alike).

    Every sample runs in a fresh process that lists once to warm up and once timed: in a shared
    process, the modules one contender imports (the vendor SDK brings pydantic) double the heap
    that the garbage collector scans for all the others. Besides the wall time, the client's own
    CPU time: the server runs in yet another process, so it is what the contender itself spends,
    and it moves less with the machine's noise."""
    names = contenders or list(CONTENDERS)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    errors: dict[str, str] = {}
    for _ in range(runs):
        for name in names:
            if name in errors:
                continue
            command = [sys.executable, __file__, "--contender", name, *dataclasses.astuple(server.endpoint)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:  # a contender that cannot run is reported, not fatal
                errors[name] = (done.stderr.strip().splitlines() or ["no output"])[-1][:160]
                continue
            wall, cpu = json.loads(done.stdout)
            samples[name].append((wall, cpu))
    results = {name: statistics.median(s for s, _ in runs_) for name, runs_ in samples.items() if runs_}
    cpu_times = {name: statistics.median(c for _, c in runs_) for name, runs_ in samples.items() if runs_}
    floor = results[names[0]]
    lines = [
        f"| contender | median s | items/s | vs {'the floor' if names[0] == FLOOR else names[0]} | client CPU s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        if name in results:
            seconds = results[name]
            row = (
                f"| {name} | {seconds:.3f} | {COUNT / seconds:,.0f} | {floor / seconds:.2f}x | {cpu_times[name]:.3f} |"
            )
            lines.append(row)
        else:
            lines.append(f"| {name} | failed: {errors[name]} | | | |")
    return lines, results


def run_contender(name: str, endpoint: Endpoint) -> tuple[float, float]:
    """List once to warm up (imports, connections, caches), then once timed: (wall s, CPU s)."""
    contender = CONTENDERS[name]
    median_seconds(lambda: contender(endpoint), 1, COUNT)
    cpu_started = time.process_time()
    wall = median_seconds(lambda: contender(endpoint), 1, COUNT)
    return wall, time.process_time() - cpu_started


# --- get, import, memory ------------------------------------------------------------------------


def get_table(server: Endpoint, calls: int = 2000, runs: int = 5) -> tuple[list[str], dict[str, float]]:
    """`calls` gets on one client, clients built before the clock starts; plain httpx and the
    facade take turns for `runs` rounds after a warm-up one."""
    execution_id = server.first_id
    plain_client = httpx.Client(headers={KEY_HEADER: server.api_key})
    facade_client = ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url)

    def plain() -> int:
        for _ in range(calls):
            json.loads(plain_client.get(f"{server.base_url}/executions/{execution_id}").content)
        return calls

    def facade() -> int:
        for _ in range(calls):
            facade_client.executions.get(execution_id)
        return calls

    contenders = {"plain httpx + json.loads": plain, "facade": facade}
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    with plain_client, facade_client:
        for round_number in range(runs + 1):
            for name, contender in contenders.items():
                seconds = median_seconds(contender, 1, calls)
                if round_number:
                    samples[name].append(seconds)
    results = {name: statistics.median(times) for name, times in samples.items()}
    floor = results["plain httpx + json.loads"]
    lines = ["| contender | per call ms | vs floor |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {s / calls * 1e3:.3f} | {s / floor:.2f}x the time |" for name, s in results.items()]
    return lines, results


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
    with fake_server(seed=5, count=count) as server:
        out = subprocess.run([sys.executable, "-c", PEAK, server.api_key, server.base_url], capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
    return int(out[0]), int(out[1])


MODEL_RUNS = 30
"""Runs of each measurement in `model_costs`, the minimum kept: the least disturbed by the machine."""


def model_costs(runs: int = MODEL_RUNS, passes: int = 10) -> tuple[float, float]:
    """Microseconds per execution on one page of 100 executions from the fake (its body as served):
    `json.loads` of the page, and `Execution.from_dict` on its decoded items, the page's models kept
    in a list as the facade keeps them until the page is done. Each run parses the page `passes`
    times; the two measurements take turns, and the minimum of `runs` is kept."""
    with fake_server(seed=1, count=PAGE) as server:
        params = {"page": 1, "pageSize": PAGE}
        response = httpx.get(f"{server.base_url}/executions", params=params, headers={KEY_HEADER: server.api_key})
        body = response.raise_for_status().content
    items = json.loads(body)["items"]
    from_dict = ae.Execution.from_dict

    def decode() -> None:
        json.loads(body)

    def build() -> None:
        page = [from_dict(item) for item in items]
        del page

    best = {decode: float("inf"), build: float("inf")}
    build()  # warm: imports, the interpreter's caches
    for _ in range(runs):
        for measure in best:
            started = time.perf_counter()
            for _ in range(passes):
                measure()
            best[measure] = min(best[measure], (time.perf_counter() - started) / passes / len(items) * 1e6)
    return best[decode], best[build]


def main() -> int:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores; load average {_load()} when it started). The fake",
        "server runs in a process of its own on loopback, validation off, and keeps connections alive as the",
        "vendor's does; every contender talks to the same one, each listing sample from a fresh process of",
        "its own, the contenders taking turns. Compare the ratios: the absolute figures move with the machine.",
        "",
    ]
    with ServerProcess(COUNT) as server:
        listing, zero = listing_table(server, runs=5)
        lines += [f"## Listing {COUNT:,} executions, page size {PAGE}, no added latency", "", *listing, ""]
        before = server.connections_opened()
        facade_sync(server.endpoint)
        per_listing = server.connections_opened() - before
        server.set_latency(0.02)
        listing, slow = listing_table(server, runs=3)
        lines += [f"## The same with 20 ms added to every response ({COUNT // PAGE} pages)", "", *listing, ""]
        speedup = slow["facade, async"] / slow["facade, async, concurrency=8"]
        sync_speedup = slow["facade, sync"] / slow["facade, sync, concurrency=8"]
        lines += [
            f"concurrency=8 against sequential: {speedup:.1f}x faster (async), {sync_speedup:.1f}x (sync); "
            f"latency x pages / 8 = {0.02 * (COUNT // PAGE) / 8:.2f} s.",
            "",
        ]
        server.set_latency(0.1)
        listing, slowest = listing_table(server, runs=2, contenders=SLOW_CONTENDERS)
        lines += [f"## The same with 100 ms added to every response ({COUNT // PAGE} pages)", "", *listing, ""]
        slow_speedup = slowest["facade, async"] / slowest["facade, async, concurrency=8"]
        slow_sync_speedup = slowest["facade, sync"] / slowest["facade, sync, concurrency=8"]
        lines += [
            f"concurrency=8 against sequential: {slow_speedup:.1f}x faster (async), {slow_sync_speedup:.1f}x (sync); "
            f"latency x pages / 8 = {0.1 * (COUNT // PAGE) / 8:.2f} s.",
            "",
        ]
        server.set_latency(0.0)
        gets, get_results = get_table(server.endpoint)
        lines += ["## One `get`, 2,000 times on one client", "", *gets, ""]
    costs = model_costs()
    floor = zero[FLOOR]
    imports = import_times()
    imported, dependencies, client_import = imports["agent_executions"], imports["httpx, attrs"], imports["client"]
    small, large = peak_memory(10_000), peak_memory(100_000)
    over_floor = (zero["facade, sync"] - floor) / COUNT * 1e6
    concurrent_floor = slow[CONCURRENT_FLOOR]
    async_vs, sync_vs = (concurrent_floor / slow[f"facade, {k}, concurrency=8"] for k in ("async", "sync"))
    targets = [
        ("1. sync listing >= 0.8x the floor", f"{floor / zero['facade, sync']:.2f}x",
         floor / zero["facade, sync"] >= 0.8),
        ("1. async listing >= 0.75x the floor", f"{floor / zero['facade, async']:.2f}x",
         floor / zero["facade, async"] >= 0.75),
        ("2. keep-alive: one connection per sequential listing", f"{per_listing} opened for {COUNT // PAGE} requests",
         per_listing == 1),
        ("3. concurrency=8 >= 6x sequential on the 100 ms server",
         f"{slow_speedup:.1f}x (async), {slow_sync_speedup:.1f}x (sync)", min(slow_speedup, slow_sync_speedup) >= 6),
        ("3. concurrency=8 >= 0.8x the concurrent floor on the 20 ms server",
         f"{async_vs:.2f}x (async), {sync_vs:.2f}x (sync)", min(async_vs, sync_vs) >= 0.8),
        ("6. `import agent_executions` <= 20 ms more than `import httpx, attrs`",
         f"{(imported - dependencies) * 1e3:+.0f} ms", imported - dependencies <= 0.020),
        ("faster than the vendor SDK", _versus(zero, "vendor SDK asteroid-odyssey", "facade, sync"),
         zero.get("vendor SDK asteroid-odyssey", 0.0) > zero["facade, sync"]),
        ("`get` <= 1.25x the floor's time", f"{get_results['facade'] / get_results['plain httpx + json.loads']:.2f}x",
         get_results["facade"] <= 1.25 * get_results["plain httpx + json.loads"]),
        ("flat memory", f"{large[1] / small[1]:.2f}x the peak for 10x the executions", large[1] <= 1.25 * small[1]),
    ]  # fmt: skip
    lines += [
        "## Cold import and memory",
        "",
        f"- In fresh processes, the same run, median of 15: `import httpx, attrs` (the two runtime "
        f"dependencies) {dependencies * 1e3:.0f} ms; `import agent_executions` {imported * 1e3:.0f} ms "
        f"({(imported - dependencies) * 1e3:+.0f} ms: its names load when first used); "
        f"`from agent_executions import AsteroidClient` {client_import * 1e3:.0f} ms "
        f"({(client_import - dependencies) * 1e3:+.0f} ms over the dependencies: the client, the generated "
        "models and httpx).",
        f"- Peak traced memory iterating {small[0]:,} executions: {small[1] / 1e6:.1f} MB; "
        f"{large[0]:,} executions: {large[1] / 1e6:.1f} MB (pages are not kept).",
        f"- Connections a sequential facade listing of {COUNT // PAGE} pages opened: {per_listing} (keep-alive).",
        "",
        "## Where the time goes",
        "",
        f"- Per execution, on one page of {PAGE} from the fake (min of {MODEL_RUNS} runs, `make bench` or "
        "`python scripts/bench.py --models`):",
        f"  `json.loads` of the page {costs[0]:.1f} µs; `Execution.from_dict` on its decoded items {costs[1]:.1f} µs.",
        f"  In the listing the facade spends {over_floor:.0f} µs per execution more than the floor, and the raw",
        "  generated client about as much: it is the cost of building typed models (about ten attrs objects,",
        "  the datetimes and the enums per execution), and of the garbage collector, which those objects make",
        '  run. The floor builds no objects beyond the JSON. docs/decisions.md ("Benchmarks", "Models") has',
        "  the profile and what bounds it.",
        "- `concurrency=8` overlaps the waiting, not the parsing: pages are parsed one after another on",
        "  one core (the GIL, for the sync client's threads too), so where the client's CPU time for the",
        "  whole listing exceeds latency x pages / 8, it, not the latency, sets the limit.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        *[f"| {target} | {measured} | {'yes' if met else 'no'} |" for target, measured, met in targets],
        "",
    ]
    text = "\n".join(lines)
    path = ROOT / "docs" / "benchmarks.md"
    path.write_text(text + "\n".join(["", *kept_history(path)]) + "\n", encoding="utf-8")
    print(text)
    return 0


HISTORY = "## History"
"""The section of docs/benchmarks.md written by hand (what changed, measured how), kept by every run."""


def kept_history(path: Path) -> list[str]:
    """The history section of the last docs/benchmarks.md, as it was written."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(f"\n{HISTORY}\n")
    if start < 0:
        return [HISTORY, "", "Changes that moved a figure above, newest first, each with how it was measured.", ""]
    return text[start + 1 :].rstrip("\n").splitlines()


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def import_times(runs: int = 15) -> dict[str, float]:
    """Median seconds of each import in fresh processes, the statements taking turns (one noisy moment hits all)."""
    statements = {
        "httpx, attrs": "import httpx, attrs",
        "agent_executions": "import agent_executions",
        "client": "from agent_executions import AsteroidClient",
    }
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for round_number in range(runs + 1):
        for name, statement in statements.items():
            code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
            if round_number:  # the first round writes the bytecode
                samples[name].append(float(done.stdout))
    return {name: statistics.median(times) for name, times in samples.items()}


def _versus(results: dict[str, float], other: str, ours: str) -> str:
    if other not in results:
        return "the vendor SDK could not list the executions (see the table)"
    return f"{results[other] / results[ours]:.2f}x faster"


def print_model_costs() -> int:
    decode, build = model_costs()
    print(
        f"per execution, one page of {PAGE} from the fake, min of {MODEL_RUNS} runs: json.loads {decode:.2f} µs; "
        f"Execution.from_dict {build:.2f} µs ({platform.python_implementation()} {platform.python_version()}, "
        f"load average {_load()})"
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--models"]:
        sys.exit(print_model_costs())
    if sys.argv[1:2] == ["--contender"]:  # one listing sample, in a process of its own (run by main)
        name, api_key, base_url, url, first_id = sys.argv[2:7]
        print(json.dumps(run_contender(name, Endpoint(api_key, base_url, url, first_id))))
        sys.exit(0)
    if sys.argv[1:] in (["-h"], ["--help"]):
        sys.exit(print(f"usage: bench.py [--models]\n\n{(__doc__ or '').strip()}"))
    if sys.argv[1:]:  # refused before anything runs: the whole run rewrites docs/benchmarks.md
        print(f"bench.py: unknown arguments {' '.join(sys.argv[1:])!r} (usage: bench.py [--models])", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
