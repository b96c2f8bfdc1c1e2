"""`make demo`: a short tour of the command line against the embedded fake servers.

Starts a fake Asteroid and a fake Zaia server with seeded data, points the command
line at them through the usual environment variables, and runs what a user would.
Exits non-zero if any step does not end as expected.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from agent_executions.cli._render import can_style
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


def heading(title: str) -> str:
    """A step's title, after a blank line: bold where the command line would style its own
    output (a terminal, and no NO_COLOR), so a demo piped to a file holds no escape codes."""
    text = f"== {title}"
    return "\n" + (f"\033[1m{text}\033[0m" if can_style(sys.stdout) else text)


def run(title: str, args: list[str], env: dict[str, str], expect: int = 0) -> None:
    print(f"{heading(title)}\n$ agent-executions {shlex.join(args)}", flush=True)
    code = subprocess.run([sys.executable, "-m", "agent_executions", *args], env=env, check=False).returncode
    if code != expect:
        sys.exit(f"demo: expected exit code {expect}, got {code}")
    if expect:
        print(f"(exit code {code}, as expected)")


WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


def capture(args: list[str], env: dict[str, str]) -> str:
    """Run a command whose output the demo needs (an execution's ID), showing it like `run`."""
    print(f"$ agent-executions {shlex.join(args)}", flush=True)
    done = subprocess.run([sys.executable, "-m", "agent_executions", *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"demo: {shlex.join(args)} failed: {done.stderr}")
    print(done.stdout, end="")
    return done.stdout.strip()


def lifecycle(asteroid: FakeAsteroidServer, env: dict[str, str]) -> None:
    """Run a workflow to its result, answer an agent that asks, and cancel one that should stop."""
    asteroid.lifecycle = ((0.0, "starting"), (0.2, "running"), (0.6, "completed"))
    run("Run a workflow and wait for its result", ["asteroid", "run", WORKFLOW, "--input", "customer=42",
                                                   "--input", "region=eu", "--wait", "--timeout", "60",
                                                   "--format", "json"], env)  # fmt: skip
    asteroid.lifecycle = ((0.0, "running"), (0.2, "awaiting_confirmation"), (0.3, "completed"))
    print(heading("An agent asks before it submits; answer it, then wait"), flush=True)
    asked = capture(["asteroid", "run", WORKFLOW, "--input", "customer=43"], env)
    while asteroid.status_of(asked) != "awaiting_confirmation":
        time.sleep(0.05)
    run("The agent is awaiting confirmation", ["asteroid", "activities", asked, "--format", "text"], env)
    run("Answer it", ["asteroid", "message", asked, "Yes, submit the claim."], env)
    run("Follow it to the end", ["asteroid", "activities", asked, "--follow", "--format", "text"], env)
    asteroid.lifecycle = ((0.0, "running"),)
    args = ["asteroid", "run", WORKFLOW, "--input", "customer=44", "--wait", "--timeout", "60", "--format", "json"]
    print(f"{heading('A run that should stop: cancel it while it is waited on')}\n$ agent-executions "
          f"{shlex.join(args)} &", flush=True)  # fmt: skip
    waiting = subprocess.Popen([sys.executable, "-m", "agent_executions", *args], env=env)
    stuck = None
    while stuck is None:
        time.sleep(0.05)
        stuck = next((e["id"] for e in asteroid.executions if e["inputs"] == {"customer": 44}), None)
    run("Cancel it", ["asteroid", "cancel", stuck], env)
    code = waiting.wait(timeout=60)
    if code != 7:
        sys.exit(f"demo: the waiting run should exit 7 (cancelled), not {code}")
    print("(the waiting run exited 7: cancelled, as expected)")


def main() -> None:
    started = time.monotonic()
    with FakeAsteroidServer(seed=42, count=600) as asteroid, FakeZaiaServer(seed=42, count=30) as zaia:
        env = {
            **os.environ,
            "ASTEROID_API_KEY": asteroid.api_key,
            "ASTEROID_BASE_URL": asteroid.base_url,
            "ZAIA_API_KEY": zaia.api_key,
            "ZAIA_BASE_URL": zaia.base_url,
            "COLUMNS": os.environ.get("COLUMNS", "150"),  # tables wide enough for IDs when piped
        }
        print(f"Fake Asteroid API at {asteroid.base_url}, fake Zaia API at {zaia.base_url}")
        run("What failed in the last day?", ["asteroid", "list", "--status", "failed", "--since", "24h",
                                             "--format", "table"], env)  # fmt: skip
        with tempfile.TemporaryDirectory() as temp:
            export = Path(temp) / "executions.jsonl"
            run("Export every execution to JSON Lines", ["asteroid", "list", "--all", "--format", "jsonl",
                                                         "--output", str(export)], env)  # fmt: skip
            lines = export.read_text().splitlines()
            assert len(lines) == len(asteroid.executions), "the export must hold every execution"
            first = json.loads(lines[0])
            print(f"{export.name}: {len(lines)} lines; the first is {first['id']} ({first['status']})")
        run("One execution in detail", ["asteroid", "get", first["id"], "--format", "table"], env)
        root = next(i for i in zaia.executions if i["isAgentic"] and i["parentId"] is None)
        run("A Zaia agentic execution and everything it started", ["zaia", "nesting", "--execution", root["id"],
                                                                    "--format", "table"], env)  # fmt: skip
        lifecycle(asteroid, env)
        run("An execution that does not exist", ["asteroid", "get", str(uuid.UUID(int=7))], env, expect=4)
        run("A wrong API key", ["asteroid", "list", "--api-key", "not-the-key"], env, expect=3)
    print(f"\nDemo finished in {time.monotonic() - started:.1f} s.")


if __name__ == "__main__":
    main()
