"""The sync and async client shells: own the httpx client, close it, build `client.raw`."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import Any, Self

import httpx

from ._core import AsyncCore, ClientBase, SyncCore
from .retries import RetryPolicy, RetryTransport


class SyncClient(ClientBase):
    """Base of the blocking clients; use as a context manager or call `close()`."""

    _raw_client_class: Any

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        *,
        allow_insecure_http: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(f"http_client must be an httpx.Client, not {type(http_client).__name__}")
        super().__init__(api_key, base_url, timeout, max_retries, http_client, allow_insecure_http=allow_insecure_http)
        self._http_client = http_client or httpx.Client(follow_redirects=False)
        self._core = SyncCore(self._config, self._http_client)

    @property
    def _http(self) -> httpx.Client:
        return self._http_client

    @cached_property
    def raw(self) -> Any:
        """The generated client with this client's key, base URL, timeout and retries.

        For operations the facade does not wrap; its names may change with a regeneration.
        """
        return _raw_client(self, httpx.HTTPTransport())

    def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client`."""
        if self._owns_http:
            self._http_client.close()
        if "raw" in self.__dict__:
            self.raw.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(ClientBase):
    """Base of the async clients; use with `async with` or call `await close()`."""

    _raw_client_class: Any

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        *,
        allow_insecure_http: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(f"http_client must be an httpx.AsyncClient, not {type(http_client).__name__}")
        super().__init__(api_key, base_url, timeout, max_retries, http_client, allow_insecure_http=allow_insecure_http)
        self._http_client = http_client or httpx.AsyncClient(follow_redirects=False)
        self._core = AsyncCore(self._config, self._http_client)

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._http_client

    @cached_property
    def raw(self) -> Any:
        """The generated client with this client's key, base URL, timeout and retries.

        For operations the facade does not wrap; its names may change with a regeneration.
        """
        return _raw_client(self, httpx.AsyncHTTPTransport())

    async def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client`."""
        if self._owns_http:
            await self._http_client.aclose()
        if "raw" in self.__dict__:
            await self.raw.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


def _raw_client(client: SyncClient | AsyncClient, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> Any:
    config = client._config
    return client._raw_client_class(
        base_url=config.base_url,
        token=config.api_key,
        prefix=config.vendor.auth_prefix.strip(),
        auth_header_name=config.vendor.auth_header,
        timeout=httpx.Timeout(config.timeout),
        httpx_args={"transport": RetryTransport(RetryPolicy(config.max_retries), transport)},
    )
