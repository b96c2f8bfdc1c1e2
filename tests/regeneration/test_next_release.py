"""A vendor release flows through regeneration into the facade and the fakes with no hand edit.

Each test turns the pinned spec into a plausible next release (scripts/next_release.py:
each kind of change the vendors have made, alone and all together), regenerates into a
copy of the repository, and runs the facade's contract (contract.py) against the new raw
package in a subprocess: listing, get, consistent and async listings, `extra_query`, the
base URL in today's documented form, and the command line, all against fakes that validate
every response against the regenerated spec.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
import zaia_v1_raw.api_shape
from next_release import CHANGES, next_release
from regen_support import ROOT, regenerate

CONTRACT = Path(__file__).with_name("contract.py")


def released(repo: Path, api: str, changes: list[str]) -> dict[str, Any]:
    """Regenerate `api` in `repo` from the pinned spec with `changes`; run the contract on the result."""
    source = repo / f"next-{api}.yaml"
    source.write_text(next_release(api, changes, root=ROOT), encoding="utf-8")
    done = regenerate(repo, api, "--source", str(source))
    assert done.returncode == 0, done.stdout + done.stderr
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo / "generated"), str(repo / "facade")])}
    env.pop("ASTEROID_BASE_URL", None)
    run = subprocess.run(
        [sys.executable, str(CONTRACT), api], capture_output=True, text=True, env=env, cwd=repo, timeout=240
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen: dict[str, Any] = json.loads(run.stdout)
    return seen


@pytest.mark.parametrize("change", sorted(CHANGES["asteroid"]))
def test_an_asteroid_release_with_one_change(repo: Path, change: str) -> None:
    seen = released(repo, "asteroid", [change])
    assert seen["count"] == 60 and seen["cli_items"] == 4
    if change == "new_status":
        assert "queued" in seen["statuses"] or "archived" in seen["statuses"]
    if change == "new_required_properties":
        assert {"workflowName", "workflowVersionId", "costs"} <= set(seen["attributes"])
    if change == "new_trigger_source":
        assert "warmup" in seen["sources"]
    if change == "new_filters":
        assert_new_filters_sent(seen)
    if change == "renamed_auth_header":
        assert seen["key_headers"] == ["x-api-key"]
    if change == "prefix_in_paths":
        shape = (repo / "generated" / "asteroid_agents_v2_raw" / "api_shape.py").read_text()
        assert 'PATH_PREFIX = "/agents/v2"' in shape
    # Full URLs are the same whichever form the spec has.
    assert all(path.startswith("/agents/v2/executions") for path in seen["paths"])


def assert_new_filters_sent(seen: dict[str, Any]) -> None:
    """The release's new filters are typed arguments of `list` after `make regen`, sent as the spec names them."""
    sent = {
        "workflowId": ["6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"],
        "phase": ["active", "terminal"],
        "isRerun": ["false"],
    }
    assert seen["new_filters"] == {"sync": sent, "async": sent}


def test_an_asteroid_release_with_every_change(repo: Path) -> None:
    seen = released(repo, "asteroid", ["all"])
    assert_new_filters_sent(seen)
    assert seen["key_headers"] == ["x-api-key"]
    assert {"workflowName", "workflowVersionId", "costs"} <= set(seen["attributes"])
    assert all(path.startswith("/agents/v2/executions") for path in seen["paths"])
    shape = (repo / "generated" / "asteroid_agents_v2_raw" / "api_shape.py").read_text()
    assert 'SERVER_URL = "https://odyssey.asteroid.ai"' in shape and 'PATH_PREFIX = "/agents/v2"' in shape


@pytest.mark.parametrize("change", [*sorted(CHANGES["zaia"]), "all"])
def test_a_zaia_release(repo: Path, change: str) -> None:
    seen = released(repo, "zaia", [change])
    assert seen["count"] >= 30 and seen["tree_size"] > 1 and seen["cli_items"] == 4
    if change in ("new_required_properties", "all"):
        assert {"channel", "tokensUsed"} <= set(seen["attributes"])
    if change in ("renamed_auth_header", "all"):
        assert seen["key_headers"] == ["x-zaia-key"]
    else:  # the pinned spec's header
        assert seen["key_headers"] == [zaia_v1_raw.api_shape.AUTH_HEADER.lower()]


def test_a_release_that_lands_rewrites_the_public_api_snapshot(tmp_path: Path) -> None:
    """The snapshot moves with the regeneration, so `make test` stays green and the diff is reviewed."""
    root = tmp_path / "tree"
    for part in ("openapi", "generated", "facade", "scripts"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    (root / "docs" / "api").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "api" / "agent_executions.txt", root / "docs" / "api")
    source = root / "next.yaml"
    release = yaml.safe_load(next_release("asteroid", ["new_required_properties"], root=ROOT))
    item = release["components"]["schemas"]["Agents.Execution.ListItem"]
    item["properties"]["snapshotProbe"] = {"type": "string"}  # new in any pin, this one included
    item["required"].append("snapshotProbe")
    source.write_text(yaml.safe_dump(release, sort_keys=False), encoding="utf-8")
    done = regenerate(root, "asteroid", "--source", str(source))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "public API snapshot:" in done.stdout and "0 removed" in done.stdout
    snapshot = (root / "docs" / "api" / "agent_executions.txt").read_text()
    assert "    snapshot_probe: str\n" in snapshot and "    workflow_name: str\n" in snapshot
