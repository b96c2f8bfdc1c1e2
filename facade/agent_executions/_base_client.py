"""The client shells: settings and `with_options` once for both, then what differs between
sync and async (owning and closing the httpx client, building `client.raw`)."""

from __future__ import annotations

import functools
import os
import ssl
from functools import cached_property
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._config import ClientConfig, Vendor
from ._constants import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._core import AsyncCore, SyncCore
from ._identity import HTTPX_USER_AGENT, USER_AGENT
from ._redact import REDACTED, register_secrets
from ._transfer import ClientTransport, bound_by_deadline
from .errors import ConfigurationError
from .retries import RetryPolicy, RetryTransport

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


@functools.cache
def shared_ssl_context() -> ssl.SSLContext:
    """One certificate store for every client: building it costs ~40 ms, and httpx does it per client."""
    return httpx.create_ssl_context()


PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy")


def http_client_from_environment(http_class: type[HttpT], trust_env: bool) -> HttpT:
    """The SDK's own httpx client; a proxy variable httpx cannot use (malformed, or SOCKS without
    `socksio`) is a `ConfigurationError` naming the variables set, never quoting their values
    (a proxy URL may carry a password)."""
    try:
        return http_class(follow_redirects=False, verify=shared_ssl_context(), trust_env=trust_env)
    except (httpx.InvalidURL, ImportError, ValueError) as exc:
        named = ", ".join(name for name in PROXY_VARIABLES if os.environ.get(name)) or "a proxy variable"
        raise ConfigurationError(
            f"the proxy set in {named} cannot be used ({type(exc).__name__}); fix or unset it,"
            " or pass http_client= with the proxy you mean"
        ) from None


class ClientBase(Generic[HttpT]):
    """Settings, repr and `with_options` shared by every sync and async client."""

    _vendor: Vendor
    _raw_client_class: Any
    _http_class: type[HttpT]

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: HttpT | None = None,
        *,
        allow_insecure_http: bool = False,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if http_client is not None and not isinstance(http_client, self._http_class):
            expected = f"httpx.{self._http_class.__name__}"
            raise TypeError(f"http_client must be an {expected}, not {type(http_client).__name__}")
        self._config = ClientConfig.resolve(
            self._vendor,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            allow_insecure_http=allow_insecure_http,
            max_response_bytes=max_response_bytes,
        )
        register_secrets(self, self._config.auth_headers.values())  # kept out of httpx's and httpcore's logs
        self._allow_insecure_http = allow_insecure_http
        self._owns_http = http_client is None
        if http_client is None:
            # Plain http (loopback, or allowed): a proxy from HTTP_PROXY would read the key in clear text.
            plain = self._config.base_url.startswith("http://")
            http_client = http_client_from_environment(self._http_class, trust_env=not plain)
        if isinstance(http_client, httpx.Client):
            bound_by_deadline(http_client)  # the timeout bounds the whole attempt, headers included
        self._http: HttpT = http_client

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def timeout(self) -> float | httpx.Timeout:
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        return self._config.max_retries

    @property
    def max_response_bytes(self) -> int:
        return self._config.max_response_bytes

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        max_response_bytes: int | None = None,
    ) -> Self:
        """A copy with other settings, sharing this client's connection pool (closing it is this client's job)."""
        limit = self._config.max_response_bytes if max_response_bytes is None else max_response_bytes
        return type(self)(
            api_key=self._config.api_key,
            base_url=self._config.base_url,
            timeout=self._config.timeout if timeout is None else timeout,
            max_retries=self._config.max_retries if max_retries is None else max_retries,
            http_client=self._http,
            allow_insecure_http=self._allow_insecure_http,
            max_response_bytes=limit,
        )

    def _raw_client(self) -> Any:
        """The generated client with this client's key, base URL, timeout and retries, sending through
        this client's httpx client (the one passed as `http_client`: its transport, proxies, certificates)."""
        config = self._config
        transport = ClientTransport(self._http, config.limits, config.auth_headers, config.api_root)
        return self._raw_client_class(
            base_url=config.server_root,
            token=REDACTED,  # a placeholder: the transport sets the real header on each request
            prefix=config.vendor.auth_prefix.strip(),
            auth_header_name=config.vendor.auth_header,
            timeout=httpx.Timeout(config.timeout),
            headers=raw_headers(self._http),
            httpx_args={"transport": RetryTransport(RetryPolicy(config.max_retries), transport)},
        )

    def __repr__(self) -> str:
        config = self.__dict__.get("_config")
        if not isinstance(config, ClientConfig):  # a client whose construction failed: a repr never raises
            return f"<{type(self).__name__}, not configured>"
        settings = f"base_url={config.base_url!r}, timeout={config.timeout}, max_retries={config.max_retries}"
        return f"{type(self).__name__}({settings})"

    def __reduce__(self) -> Any:
        raise TypeError(
            f"a {type(self).__name__} cannot be pickled: it holds the API key and a connection pool;"
            " build one in each process (or thread) that needs it"
        )


def raw_headers(http: httpx.Client | httpx.AsyncClient) -> dict[str, str]:
    """The headers `client.raw` sends by default: those of the httpx client given (`http_client`), with
    this SDK's User-Agent unless that client has its own (as the facade's requests do)."""
    headers = dict(http.headers.items())
    if headers.get("user-agent", HTTPX_USER_AGENT) == HTTPX_USER_AGENT:
        headers["user-agent"] = USER_AGENT
    return headers


class SyncClient(ClientBase[httpx.Client]):
    """Base of the blocking clients; use as a context manager or call `close()`."""

    _http_class = httpx.Client

    @cached_property
    def _core(self) -> SyncCore:
        return SyncCore(self._config, self._http)

    @cached_property
    def raw(self) -> Any:
        """The generated client, configured like this one, for operations the facade does not wrap.

        Its names may change with a regeneration.
        """
        return self._raw_client()

    def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client`."""
        if self._owns_http:
            self._http.close()
        if "raw" in self.__dict__:
            self.raw.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(ClientBase[httpx.AsyncClient]):
    """Base of the async clients; use with `async with` or call `await close()`."""

    _http_class = httpx.AsyncClient

    @cached_property
    def _core(self) -> AsyncCore:
        return AsyncCore(self._config, self._http)

    @cached_property
    def raw(self) -> Any:
        """The generated client, configured like this one, for operations the facade does not wrap.

        Its names may change with a regeneration.
        """
        return self._raw_client()

    async def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client`."""
        if self._owns_http:
            await self._http.aclose()
        if "raw" in self.__dict__:
            await self.raw.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
