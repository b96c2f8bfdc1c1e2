"""The Asteroid Agents v2 clients: `AsteroidClient` and `AsyncAsteroidClient`.

Their resources (`client.executions`, `client.workflows`) are generated from the pinned spec
and openapi/operations.toml (`_generated/asteroid.py`); the rules of listing, starting and
waiting are in `_asteroid.py`; the request engine is shared by every vendor (`_core.py`).
"""

from __future__ import annotations

from functools import cached_property

import asteroid_agents_v2_raw

from ._asteroid import ASTEROID
from ._asteroid import LIST as LIST  # the spec's listing operation, for code that reads its shape
from ._asteroid import SHAPE as SHAPE
from ._base_client import AsyncClient, SyncClient
from ._generated import asteroid as _resources
from ._generated.asteroid import *  # noqa: F403 (the resources, and the Literal aliases and TypedDicts of their arguments)
from ._generated.asteroid import AsyncExecutions, AsyncWorkflows, Executions, Workflows

__all__ = ["AsteroidClient", "AsyncAsteroidClient"]
__all__ += _resources.__all__


class AsteroidClient(SyncClient):
    """Blocking client of the Asteroid Agents v2 API.

    `api_key` defaults to $ASTEROID_API_KEY and `base_url` to $ASTEROID_BASE_URL, else
    the public API. Every request has a timeout (seconds) and is retried `max_retries`
    times on connection errors, timeouts, 408, 409, 429 and 5xx.
    """

    _vendor = ASTEROID
    _raw_client_class = asteroid_agents_v2_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> Executions:
        """List, get, wait for, steer and stop executions."""
        return Executions(self._core)

    @cached_property
    def workflows(self) -> Workflows:
        """Start executions of workflows."""
        return Workflows(self._core)


class AsyncAsteroidClient(AsyncClient):
    """Async client of the Asteroid Agents v2 API; the same settings as `AsteroidClient`."""

    _vendor = ASTEROID
    _raw_client_class = asteroid_agents_v2_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> AsyncExecutions:
        """List, get, wait for, steer and stop executions."""
        return AsyncExecutions(self._core)

    @cached_property
    def workflows(self) -> AsyncWorkflows:
        """Start executions of workflows."""
        return AsyncWorkflows(self._core)
