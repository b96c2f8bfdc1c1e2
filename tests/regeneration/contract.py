"""The facade's contract, run against whatever raw packages come first on sys.path.

The next-release tests regenerate the raw clients from a transformed spec into a temporary
copy, then run this file in a subprocess with that copy's `generated/` first on PYTHONPATH:
every public operation, sync and async, against the fake servers (which validate every
response against the regenerated spec), and the command line. It prints one JSON object
describing what it saw; any failure is an exception and a non-zero exit.

    python tests/regeneration/contract.py asteroid|zaia
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import subprocess
import sys
from typing import Any

import agent_executions as ae
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


def asteroid() -> dict[str, Any]:
    with FakeAsteroidServer(seed=3, count=60) as server:
        key = server.api_key
        with ae.AsteroidClient(api_key=key, base_url=server.base_url) as client:
            items = list(client.executions.list(page_size=25))
            one = client.executions.get(items[0].id)
            consistent = list(client.executions.list(page_size=20, consistent=True))
            filtered = list(client.executions.list(status="failed", extra_query={"futureFilter": "x"}))
            # The generated client, configured by the facade, reaches the same server.
            raw_get = importlib.import_module("asteroid_agents_v2_raw.api.execution.execution_get")
            assert raw_get.sync_detailed(items[0].id, client=client.raw).status_code == 200
        # Today's documented base URL form (the API root) works whichever form the spec has.
        with ae.AsteroidClient(api_key=key, base_url=server.url + "/agents/v2") as client:
            assert len(list(client.executions.list(limit=5))) == 5
        os.environ["ASTEROID_BASE_URL"] = server.url + "/agents/v2"
        with ae.AsteroidClient(api_key=key) as client:
            assert client.executions.get(items[1].id).id == items[1].id

        # A filter the release added is a typed argument of `list`, sync and async, with no hand edit.
        new_filters: dict[str, Any] = {}
        if "workflow_id" in inspect.signature(ae.asteroid.Executions.list).parameters:
            filters: dict[str, Any] = {"workflow_id": WORKFLOW, "phase": ["active", "terminal"], "is_rerun": False}
            with ae.AsteroidClient(api_key=key, base_url=server.base_url) as client:
                list(client.executions.list(limit=3, **filters))
            new_filters["sync"] = {
                name: server.requests[-1].params(name) for name in ("workflowId", "phase", "isRerun")
            }

        async def run_async() -> int:
            async with ae.AsyncAsteroidClient(api_key=key, base_url=server.base_url) as client:
                got = [item async for item in client.executions.list(page_size=30)]
                await client.executions.get(got[0].id)
                if new_filters:
                    [item async for item in client.executions.list(limit=3, **filters)]
                    new_filters["async"] = {
                        n: server.requests[-1].params(n) for n in ("workflowId", "phase", "isRerun")
                    }
                return len(got)

        async_count = asyncio.run(run_async())
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "agent_executions",
                "--fake",
                "asteroid",
                "list",
                "--limit",
                "4",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        paths = sorted({request.path for request in server.requests})
        headers = sorted({name for request in server.requests for name in request.headers if "key" in name})
    assert len(items) == len(consistent) == async_count == 60, (len(items), len(consistent), async_count)
    assert one.id == items[0].id and all(item.status == "failed" for item in filtered)
    return {
        "count": len(items),
        "statuses": sorted({str(item.status) for item in items}),
        "sources": sorted({str(item.trigger_context.source) for item in items}),
        "attributes": sorted(one.to_dict()),
        "paths": paths,
        "key_headers": headers,
        "cli_items": len(json.loads(cli.stdout)),
        "new_filters": new_filters,
    }


WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


def zaia() -> dict[str, Any]:
    with FakeZaiaServer(seed=3, count=30) as server:
        with ae.ZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
            items = list(client.executions.list(page_size=7))
            one = client.executions.get(items[0].id)
            root = next(item for item in items if item.is_agentic and item.parent_id is None)
            tree = client.executions.nesting(execution_id=root.id)

        async def run_async() -> int:
            async with ae.AsyncZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
                return len([item async for item in client.executions.list(page_size=9)])

        async_count = asyncio.run(run_async())
        cli = subprocess.run(
            [sys.executable, "-m", "agent_executions", "--fake", "zaia", "list", "--limit", "4", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        headers = sorted(
            {name for request in server.requests for name in request.headers if "auth" in name or "key" in name}
        )
    assert len(items) == async_count and one.id == items[0].id and tree.id == root.id
    return {
        "count": len(items),
        "attributes": sorted(one.to_dict()),
        "tree_size": sum(1 for _ in tree.walk()),
        "key_headers": headers,
        "cli_items": len(json.loads(cli.stdout)),
    }


if __name__ == "__main__":
    print(json.dumps({"asteroid": asteroid, "zaia": zaia}[sys.argv[1]]()))
