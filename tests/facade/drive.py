"""Run the same scenario through a sync and an async client, so each test is written once."""

from __future__ import annotations

import asyncio
from typing import Any

from agent_executions import AsteroidClient, AsyncAsteroidClient, AsyncZaiaClient, Page, ZaiaClient
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


class Drive:
    """`mode` is "sync" or "async"; each call builds a client, runs one operation, and closes it."""

    def __init__(self, mode: str, server: FakeAsteroidServer | FakeZaiaServer, **options: Any) -> None:
        self.mode = mode
        self.server = server
        self.options = {"api_key": server.api_key, "base_url": server.base_url, **options}
        zaia = isinstance(server, FakeZaiaServer)
        self.sync_class: Any = ZaiaClient if zaia else AsteroidClient
        self.async_class: Any = AsyncZaiaClient if zaia else AsyncAsteroidClient

    def _run(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if self.mode == "sync":
            with self.sync_class(**self.options) as client:
                return getattr(client.executions, method)(*args, **kwargs)

        async def main() -> Any:
            async with self.async_class(**self.options) as client:
                return await getattr(client.executions, method)(*args, **kwargs)

        return asyncio.run(main())

    def list(self, **filters: Any) -> list[Any]:
        if self.mode == "sync":
            with self.sync_class(**self.options) as client:
                return list(client.executions.list(**filters))

        async def main() -> list[Any]:
            async with self.async_class(**self.options) as client:
                return [item async for item in client.executions.list(**filters)]

        return asyncio.run(main())

    def pages(self, **filters: Any) -> list[Page[Any]]:
        if self.mode == "sync":
            with self.sync_class(**self.options) as client:
                return list(client.executions.list(**filters).pages())

        async def main() -> list[Page[Any]]:
            async with self.async_class(**self.options) as client:
                return [page async for page in client.executions.list(**filters).pages()]

        return asyncio.run(main())

    def get(self, execution_id: Any) -> Any:
        return self._run("get", execution_id)

    def nesting(self, **kwargs: Any) -> Any:
        return self._run("nesting", **kwargs)
