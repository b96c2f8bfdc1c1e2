"""Who is calling (issue 23): one version, from the package metadata, printed by `--version` and
sent in the User-Agent of every request; the caller's own User-Agent wins."""

from __future__ import annotations

import asyncio
import platform
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EXPECTED_AGENT = (
    f"agent-executions/{PYPROJECT['version']} (python {platform.python_version()}; httpx {httpx.__version__})"
)


def test_the_version_comes_from_the_package_metadata() -> None:
    assert ae.__version__ == version("agent-executions") == PYPROJECT["version"]


def test_the_command_line_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "agent_executions", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"agent-executions {ae.__version__}\n", "")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_request_names_the_sdk(mode: str) -> None:
    with FakeAsteroidServer(seed=1, count=2) as asteroid, FakeZaiaServer(seed=1, count=2) as zaia:
        if mode == "sync":
            with ae.AsteroidClient(api_key=asteroid.api_key, base_url=asteroid.base_url) as client:
                list(client.executions.list())
            with ae.ZaiaClient(api_key=zaia.api_key, base_url=zaia.base_url) as zclient:
                list(zclient.executions.list())
        else:

            async def main() -> None:
                async with ae.AsyncAsteroidClient(api_key=asteroid.api_key, base_url=asteroid.base_url) as client:
                    [item async for item in client.executions.list()]
                async with ae.AsyncZaiaClient(api_key=zaia.api_key, base_url=zaia.base_url) as zclient:
                    [item async for item in zclient.executions.list()]

            asyncio.run(main())
        assert asteroid.requests[-1].headers["user-agent"] == EXPECTED_AGENT
        assert zaia.requests[-1].headers["user-agent"] == EXPECTED_AGENT


def test_the_callers_user_agent_wins() -> None:
    with FakeAsteroidServer(seed=1, count=2) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            list(client.executions.list(extra_headers={"user-agent": "acme-reports/2", "accept": "application/json"}))
            assert server.requests[-1].headers["user-agent"] == "acme-reports/2"
            assert server.requests[-1].headers["accept"] == "application/json"  # once, not joined with ours
        own = httpx.Client(headers={"User-Agent": "acme-batch/7"})
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, http_client=own) as client:
            list(client.executions.list())
            assert server.requests[-1].headers["user-agent"] == "acme-batch/7"
        plain = httpx.Client()
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, http_client=plain) as client:
            list(client.executions.list())
            assert server.requests[-1].headers["user-agent"] == EXPECTED_AGENT
        own.close()
        plain.close()


def test_client_raw_names_the_sdk_and_keeps_the_callers_headers() -> None:
    """Review of issue 23: `client.raw` sent httpx's User-Agent and dropped the `http_client`'s headers."""
    from asteroid_agents_v2_raw.api.execution import execution_get

    with FakeAsteroidServer(seed=1, count=1) as server:
        execution = server.executions[0]["id"]
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            execution_get.sync_detailed(execution, client=client.raw)
            assert server.requests[-1].headers["user-agent"] == EXPECTED_AGENT
        own = httpx.Client(headers={"User-Agent": "acme-batch/7", "X-Team": "billing"})
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, http_client=own) as client:
            execution_get.sync_detailed(execution, client=client.raw)
            sent = server.requests[-1].headers
            assert sent["user-agent"] == "acme-batch/7" and sent["x-team"] == "billing"
        own.close()
