"""Configuration: what one API needs to be reached (`Vendor`), one client's resolved and checked
settings (`ClientConfig`), and the checks of a base URL and a timeout. No I/O."""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from ._arguments import as_int
from ._constants import DEFAULT_MAX_RESPONSE_BYTES, LOGGER_NAME, MAX_TIMEOUT
from ._redact import check_api_key
from ._shape import ApiShape
from ._transfer import AttemptLimits
from .errors import ConfigurationError

logger = logging.getLogger(LOGGER_NAME)


@attrs.frozen
class Vendor:
    """What one API needs to be reached: the shared core is driven by this data."""

    name: str
    shape: ApiShape
    api_key_env: str
    base_url_env: str
    retired_hosts: Mapping[str, str] = attrs.field(factory=dict)
    """Hosts that once served this API, or a different API of the vendor's: a base URL there is
    logged as a warning saying where the API lives now."""

    @property
    def default_base_url(self) -> str:
        return self.shape.server_url

    @property
    def auth_header(self) -> str:
        return self.shape.auth_header

    @property
    def auth_prefix(self) -> str:
        return self.shape.auth_prefix


@attrs.frozen
class ClientConfig:
    """Resolved settings of one client; `api_key` is left out of its repr."""

    vendor: Vendor
    api_key: str = attrs.field(repr=False)
    base_url: str
    timeout: float | httpx.Timeout
    max_retries: int
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    api_root: str = attrs.field(init=False)
    """`base_url` with the spec's path prefix (see `_shape`): operation paths are appended to it."""

    @api_root.default
    def _api_root(self) -> str:
        return self.vendor.shape.api_root(self.base_url)

    @property
    def server_root(self) -> str:
        """`api_root` without the path prefix: where the generated client's full paths are appended."""
        prefix = self.vendor.shape.path_prefix
        return self.api_root[: -len(prefix)] if prefix else self.api_root

    @classmethod
    def resolve(
        cls,
        vendor: Vendor,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        allow_insecure_http: bool,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> ClientConfig:
        """Take each setting from its argument, else the environment, else the default; check them all."""
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, not {type(api_key).__name__}")
        key = api_key if api_key is not None else os.environ.get(vendor.api_key_env)
        if key is None or not key.strip():
            raise ConfigurationError(f"no {vendor.name} API key: pass api_key= or set {vendor.api_key_env}")
        key = check_api_key(key, vendor.name)
        if base_url is not None and not isinstance(base_url, str):
            raise TypeError(f"base_url must be a str, not {type(base_url).__name__}")
        url = (base_url or os.environ.get(vendor.base_url_env) or vendor.default_base_url).rstrip("/")
        check_base_url(url, allow_insecure_http)
        retired = vendor.retired_hosts.get(str(httpx.URL(url).host).lower())
        if retired is not None:
            logger.warning("base_url %s: %s", httpx.URL(url).host, retired)
        limit = check_max_response_bytes(max_response_bytes)
        return cls(vendor, key, url, check_timeout(timeout), check_max_retries(max_retries), limit)

    @property
    def limits(self) -> AttemptLimits:
        """One attempt's bounds: the whole request within the longest timeout phase, the body within the cap."""
        timeout = self.timeout
        deadline = max(v for v in timeout.as_dict().values() if v) if isinstance(timeout, httpx.Timeout) else timeout
        return AttemptLimits(deadline, self.max_response_bytes)

    def __reduce__(self) -> Any:
        raise TypeError("a client's configuration cannot be pickled: it holds the API key")

    @property
    def auth_headers(self) -> dict[str, str]:
        return {self.vendor.auth_header: f"{self.vendor.auth_prefix}{self.api_key}"}


CREDENTIALS_ERROR = (
    "base_url must not carry credentials (user:password@): httpx would send them as Basic auth,"
    " and they would show wherever the URL does; the API key goes in api_key"
)


def check_base_url(url: str, allow_insecure_http: bool) -> None:
    """Refuse what cannot be a base URL; no message quotes the URL or a part of it, which may be a
    password (`https://deploy:pa/ss@host` parses as host `deploy`, port `pa`)."""
    before_query = url.split("?", 1)[0].split("#", 1)[0]
    if "@" in before_query.partition("://")[2]:  # a userinfo, whatever else it breaks in the URL
        raise ValueError(CREDENTIALS_ERROR)
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise ValueError("base_url is not a URL httpx can parse (it is not shown: it may hold a secret)") from None
    if parsed.userinfo:  # its own message: httpx would send them as Basic auth, whatever else is wrong
        raise ValueError(CREDENTIALS_ERROR)
    # The messages never quote the URL: a malformed one may still hold credentials or a key.
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("base_url must be an absolute http:// or https:// URL with a host (the URL is not shown)")
    if parsed.query or parsed.fragment or "?" in url or "#" in url:
        raise ValueError("base_url must not have a query or a fragment: operation paths are appended to it")
    if parsed.scheme == "http" and not allow_insecure_http and not is_loopback(parsed.host):
        raise ValueError(
            f"base_url http://{parsed.host}/... would send the API key unencrypted; use https, "
            "or pass allow_insecure_http=True if you mean it"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_timeout(timeout: float | httpx.Timeout) -> float | httpx.Timeout:
    """Seconds for every phase and for the whole attempt; or an `httpx.Timeout` kept as given, whose
    longest phase bounds the whole attempt, so each phase needs a limit."""
    if isinstance(timeout, httpx.Timeout):
        unbounded = [name for name, value in timeout.as_dict().items() if value is None]
        if unbounded:
            raise ValueError(
                f"timeout={timeout!r} leaves {', '.join(unbounded)} without a limit; every request of this SDK "
                "has a deadline (the longest phase bounds the whole request), so give every phase a number of seconds"
            )
        for name, value in timeout.as_dict().items():
            if isinstance(value, bool) or not (isinstance(value, int | float) and 0 < value <= MAX_TIMEOUT):
                limit = f"a number of seconds > 0 and <= {MAX_TIMEOUT:g}"
                raise ValueError(f"timeout's {name} must be {limit}, not {value!r}")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be a number of seconds or an httpx.Timeout, not {type(timeout).__name__}")
    if not 0 < timeout <= MAX_TIMEOUT:
        raise ValueError(f"timeout must be a number of seconds > 0 and <= {MAX_TIMEOUT:g}, not {timeout!r}")
    return float(timeout)


def check_max_response_bytes(limit: int) -> int:
    return as_int("max_response_bytes", limit, minimum=1)


def check_max_retries(max_retries: int) -> int:
    return as_int("max_retries", max_retries, minimum=0)
