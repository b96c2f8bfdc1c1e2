"""The Zaia v1 clients: `ZaiaClient` and `AsyncZaiaClient`, on the same core as Asteroid's.

Zaia pages by `pageNumber`/`pageSize` (at most 100) and sends no total, so a listing
ends on the first page shorter than the page size. Executions nest: `nesting()`
returns an execution with its children, and `walk()` visits the whole tree. The
resources are generated (`_generated/zaia.py`); the rules are in `_zaia.py`.
"""

from __future__ import annotations

from functools import cached_property

import zaia_v1_raw

from ._base_client import AsyncClient, SyncClient
from ._generated import zaia as _resources
from ._generated.zaia import *  # noqa: F403 (the resources, and the Literal aliases and TypedDicts of their arguments)
from ._generated.zaia import AsyncZaiaExecutions, ZaiaExecutions
from ._zaia import SHAPE as SHAPE  # the spec's shape, for code that reads it
from ._zaia import ZAIA, ZaiaExecutionTree

__all__ = ["AsyncZaiaClient", "ZaiaClient", "ZaiaExecutionTree"]
__all__ += _resources.__all__


class ZaiaClient(SyncClient):
    """Blocking client of the Zaia v1 API.

    `api_key` defaults to $ZAIA_API_KEY (sent as `Authorization: <key>`, the key alone) and
    `base_url` to $ZAIA_BASE_URL, else https://api.endless.zaia.app. Timeouts and retries
    work as in `AsteroidClient`.
    """

    _vendor = ZAIA
    _raw_client_class = zaia_v1_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> ZaiaExecutions:
        """List, get and nest executions."""
        return ZaiaExecutions(self._core)


class AsyncZaiaClient(AsyncClient):
    """Async client of the Zaia v1 API; the same settings as `ZaiaClient`."""

    _vendor = ZAIA
    _raw_client_class = zaia_v1_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> AsyncZaiaExecutions:
        """List, get and nest executions."""
        return AsyncZaiaExecutions(self._core)
