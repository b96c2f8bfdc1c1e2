"""Documents built to hang the regeneration (YAML alias bombs, self-containing nodes) and
interrupting it: one line, nothing written, no temporary directory left behind."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from regen_support import ROOT, SCRIPT, Route, SpecServer, regenerate, snapshot
from regenerate import MAX_EXPANDED_NODES, expanded_size, select_paths
from spec_changes import _refs
from spec_overrides import _walk


def alias_bomb(levels: int = 8) -> str:
    """The pinned spec with `&a0`...`&a<levels-1>` aliases, ten of the previous each, under ListItem."""
    lines = ["x-bomb:", "  a0: &a0 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    text = (ROOT / "openapi" / "asteroid-agents-v2.yaml").read_text(encoding="utf-8")
    anchor = "    Agents.Execution.ListItem:\n"
    assert anchor in text
    return "\n".join(lines) + "\n" + text.replace(anchor, f"{anchor}      x-examples: *a{levels - 1}\n", 1)


def test_an_alias_bomb_is_refused_in_one_line(repo: Path) -> None:
    source = repo / "bomb.yaml"
    source.write_text(alias_bomb(), encoding="utf-8")
    before = snapshot(repo)
    done = regenerate(repo, "asteroid", "--source", str(source))
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "YAML aliases expand to" in done.stderr, done.stderr
    assert snapshot(repo) == before


def test_expanded_size_counts_shared_nodes_without_walking_them() -> None:
    doc: Any = yaml.safe_load(alias_bomb(levels=4))
    assert MAX_EXPANDED_NODES > expanded_size(doc) > 10**3
    assert expanded_size(yaml.safe_load(alias_bomb(levels=9))) > MAX_EXPANDED_NODES
    looped: dict[str, Any] = {"a": []}
    looped["a"].append(looped)
    assert expanded_size(looped) > MAX_EXPANDED_NODES
    assert expanded_size({"a": [1, 2, {"b": 3}]}) == 6


def test_walks_visit_a_shared_node_once() -> None:
    shared = {"$ref": "#/components/schemas/S", "x": [1, 2]}
    doc: dict[str, Any] = {
        "paths": {"/a": {"get": {"responses": {"200": shared, "201": shared}}}},
        "components": {"schemas": {"S": {"type": "string"}, "T": {"type": "integer"}}},
    }
    assert sum(node is shared for node in _walk(doc)) == 1
    assert list(_refs(doc["paths"])) == ["S"]
    select_paths(doc, ["/a"])
    assert list(doc["components"]["schemas"]) == ["S"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_run_says_so_in_one_line_and_leaves_no_temporary_directory(
    signum: int, repo: Path, tmp_path: Path, spec_server: SpecServer
) -> None:
    spec_server.routes["/slow.yaml"] = Route(body=b"openapi: 3.1.0\n", delay=60)
    temp = tmp_path / "tmp"
    temp.mkdir()
    before = snapshot(repo)
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, str(SCRIPT), "asteroid", "--source", spec_server.url("/slow.yaml"), "--root", str(repo)]
    # As a terminal starts it: a run started in the background would inherit SIGINT ignored.
    default_sigint = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    options: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    with subprocess.Popen(command, env=env, preexec_fn=default_sigint, **options) as process:
        while not any(temp.glob("regen-*")) and process.poll() is None:  # the run is under way
            time.sleep(0.02)
        process.send_signal(signum)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 130, out + err
    assert err == "regenerate: interrupted; openapi/ and generated/ are untouched\n"
    assert list(temp.iterdir()) == []
    assert snapshot(repo) == before


@pytest.mark.parametrize(("name", "text"), [("deep.json", "[" * 100_000), ("deep.yaml", "a: " + "[" * 100_000)])
def test_a_spec_nested_deeper_than_the_recursion_limit_is_one_line(repo: Path, name: str, text: str) -> None:
    """Issue 22, item 21: a RecursionError traceback (26 lines for JSON, 2,996 for YAML) before."""
    from regen_support import regenerate, snapshot

    source = repo / name
    source.write_text(text)
    before = snapshot(repo)
    done = regenerate(repo, "asteroid", "--source", str(source))
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert "nested too deeply" in line and "Traceback" not in done.stderr
    assert snapshot(repo) == before
