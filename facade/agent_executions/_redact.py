"""Keeping the API key out of every text the SDK hands out: exception messages and bodies, their
chained causes, log lines, and the repr of the request headers an exception carries.

The key is checked at construction (`check_api_key`), so httpx and h11 never see a value
they would quote back in an error; what a server sends back (an error body echoing the
request headers) is redacted wherever the key appears, whatever its source.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import httpx

REDACTED = "<redacted>"


def check_api_key(key: str, vendor: str) -> str:
    """The key without surrounding whitespace; anything a header cannot carry raises without quoting it.

    A key read from a file or an environment variable often ends in a newline. Inner
    whitespace, control characters and non-ASCII characters cannot be part of a real key
    and would make httpx fail (quoting the key) when the request is built.
    """
    from .errors import ConfigurationError

    key = key.strip()
    for position, char in enumerate(key, 1):
        if not (char.isascii() and char.isprintable()) or char.isspace():
            what = "a non-ASCII" if not char.isascii() else "a space or control"
            raise ConfigurationError(
                f"the {vendor} API key has {what} character at position {position} of {len(key)}; "
                "an HTTP header cannot carry it (the key is not shown)"
            )
    return key


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret replaced by `<redacted>`."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_data(data: Any, secrets: tuple[str, ...]) -> Any:
    """A decoded JSON value with every secret inside its strings (keys included) redacted."""
    if isinstance(data, str):
        return redact(data, secrets)
    if isinstance(data, list):
        return [redact_data(item, secrets) for item in data]
    if isinstance(data, dict):
        return {redact(str(k), secrets): redact_data(v, secrets) for k, v in data.items()}
    return data


class SecretHeaders(httpx.Headers):
    """Request headers whose repr masks the API key's header, not only `Authorization` as httpx does."""

    secret_names: frozenset[str] = frozenset({"authorization", "proxy-authorization"})

    def __repr__(self) -> str:
        shown = [(k, REDACTED if k.lower() in self.secret_names else v) for k, v in self.multi_items()]
        return f"{type(self).__name__}({shown!r})"


def hide_secrets(request: httpx.Request, header: str) -> None:
    """Give `request` headers whose repr masks `header` (the vendor's key header) and Authorization."""
    headers = request.headers if isinstance(request.headers, SecretHeaders) else SecretHeaders(request.headers)
    headers.secret_names = headers.secret_names | {header.lower()}
    request.headers = headers


def secrets_of(request: httpx.Request | None) -> tuple[str, ...]:
    """The secret values a request carries: each masked header's value, and the key after `Bearer `."""
    if request is None or not isinstance(request.headers, SecretHeaders):
        return ()
    names = request.headers.secret_names
    values = [v for k, v in request.headers.multi_items() if k.lower() in names]
    parts = {part for v in values for part in (v, v.split(" ", 1)[-1]) if len(part) >= 4}
    # as an echoing server may have written them: JSON-escaped, with "/" escaped too (PHP does)
    quoted = {json.dumps(part)[1:-1] for part in parts}
    escaped = quoted | {text.replace("/", "\\/") for text in quoted | parts}
    return tuple(sorted(parts | escaped, key=len, reverse=True))  # "Bearer <key>" before "<key>"


def scrub(exc: BaseException, secrets: tuple[str, ...]) -> None:
    """Redact `secrets` in place from `exc`, its causes and contexts: their args, message and body,
    and an error response's bytes (a server may echo the request's headers)."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.args = tuple(redact(a, secrets) if isinstance(a, str) else a for a in current.args)
        for name in ("message", "body"):
            if hasattr(current, name):
                setattr(current, name, redact_data(getattr(current, name), secrets))
        response = getattr(current, "response", None)
        if isinstance(response, httpx.Response) and hasattr(response, "_content"):
            content = response.content
            for secret in secrets:
                content = content.replace(secret.encode(), REDACTED.encode())
            response._content = content
            response.__dict__.pop("_text", None)  # the text httpx decoded and cached from the old bytes
        pending += [c for c in (current.__cause__, current.__context__) if c is not None]
