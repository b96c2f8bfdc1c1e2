"""Keeping the API key out of every text the SDK hands out: exception messages and bodies, their
chained causes, log lines, and the repr of the request headers an exception carries.

The key is checked at construction (`check_api_key`), so httpx and h11 never see a value
they would quote back in an error; what a server sends back (an error body echoing the
request headers) is redacted wherever the key appears, whatever its source.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import re
import urllib.parse
import weakref
from collections.abc import Iterable
from typing import Any

import httpx

from .errors import ConfigurationError

REDACTED = "<redacted>"
BEARER = "Bearer "
_PERCENT = re.compile(r"%[0-9A-F]{2}")
SHORT_SECRET = 4
"""Secrets shorter than this are redacted only where they stand alone (not inside a word):
replacing every "ab1" would mangle unrelated text. Real keys are far longer."""


def check_api_key(key: str, vendor: str) -> str:
    """The key without surrounding whitespace; anything a header cannot carry raises without quoting it.

    A key read from a file or an environment variable often ends in a newline. Inner
    whitespace, control characters and non-ASCII characters cannot be part of a real key
    and would make httpx fail (quoting the key) when the request is built. The one space
    allowed is after a leading `Bearer `: such a key is sent as given (the server decides;
    Zaia's wants the key alone).
    """
    key = key.strip()
    scheme = BEARER if key[: len(BEARER)].lower() == BEARER.lower() else ""
    for position, char in enumerate(key[len(scheme) :], len(scheme) + 1):
        if not (char.isascii() and char.isprintable()) or char.isspace():
            what = "a non-ASCII" if not char.isascii() else "a space or control"
            raise ConfigurationError(
                f"the {vendor} API key has {what} character at position {position} of {len(key)}; "
                "an HTTP header cannot carry it (the key is not shown)"
            )
    return key


@functools.cache
def _alone(secret: str) -> re.Pattern[str]:
    """`secret` where no letter or digit touches it."""
    return re.compile(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])")


@functools.cache
def _alone_bytes(secret: str) -> re.Pattern[bytes]:
    return re.compile(_alone(secret).pattern.encode())


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret replaced by `<redacted>`."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, REDACTED) if len(secret) >= SHORT_SECRET else _alone(secret).sub(REDACTED, text)
    return text


BODY_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
"""The encodings a JSON body may come in (RFC 8259 names UTF-8; httpx decodes the others by their BOM)."""


def redact_bytes(content: bytes, secrets: Iterable[str]) -> bytes:
    """`redact` for a body's bytes, in whichever encoding the body uses. An ASCII secret in UTF-16
    or UTF-32 has NUL bytes, which a UTF-8 JSON body never holds (JSON escapes them): without one
    in `content`, those four encodings are not searched (four fifths of a page's cost)."""
    wide = b"\x00" in content
    for secret in secrets:
        if not secret:
            continue
        for encoding in BODY_ENCODINGS if wide or not secret.isascii() else BODY_ENCODINGS[:1]:
            raw = secret.encode(encoding)
            if raw not in content:
                continue
            mask = REDACTED.encode(encoding)
            if len(secret) >= SHORT_SECRET or encoding != "utf-8":
                content = content.replace(raw, mask)
            else:
                content = _alone_bytes(secret).sub(mask, content)
    return content


def escaped_forms(secret: str) -> set[str]:
    """`secret` as echoing servers may write it in JSON: escaped by Python/most encoders, with `/`
    escaped (PHP), `<`, `>` and `&` escaped (Go's encoding/json), or every character but letters
    and digits escaped, in lower- or upper-case hex."""
    standard = json.dumps(secret)[1:-1]
    go = standard.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    forms = {secret, standard, go}
    forms |= {text.replace("/", "\\/") for text in set(forms)}
    # in a URL (a redirect's Location): every reserved character escaped, all but `/` (`quote`'s
    # default), or only those a query must
    quoted = {urllib.parse.quote(secret, safe=safe) for safe in ("", "/", "/:@!$&'()*+,;=?~")}
    forms |= quoted | {_PERCENT.sub(lambda m: m.group().lower(), text) for text in quoted}  # %2f is %2F
    for hex_format in ("04x", "04X"):
        forms.add("".join(c if c.isalnum() else f"\\u{ord(c):{hex_format}}" for c in secret))
        forms.add("".join(f"\\u{ord(c):{hex_format}}" for c in secret))  # every character escaped
    return forms


def redact_data(data: Any, secrets: tuple[str, ...]) -> Any:
    """A decoded JSON value with every secret inside its strings (keys included) redacted; a loop,
    not a recursion, so JSON nested as deep as the decoder allows is walked too."""
    root: list[Any] = [data]
    pending: list[tuple[Any, Any]] = [(root, 0)]
    while pending:
        parent, place = pending.pop()
        value = parent[place]
        if isinstance(value, str):
            parent[place] = redact(value, secrets)
        elif isinstance(value, list):
            parent[place] = items = list(value)
            pending += [(items, index) for index in range(len(items))]
        elif isinstance(value, dict):
            parent[place] = mapping = {redact(str(k), secrets): v for k, v in value.items()}
            pending += [(mapping, key) for key in mapping]
    return root[0]


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
    return secret_forms(v for k, v in request.headers.multi_items() if k.lower() in names)


def secret_forms(values: Iterable[str]) -> tuple[str, ...]:
    """Each header value and the key after `Bearer `, in every form an echoing server may write it."""
    parts = {part for v in values for part in (v, v.split(" ", 1)[-1]) if part}
    forms = {form for part in parts for form in escaped_forms(part)}
    return tuple(sorted(forms, key=len, reverse=True))  # "Bearer <key>" before "<key>"


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
        for name in ("message", "body", "request_id"):  # str(exc) quotes the server's X-Request-Id too
            if hasattr(current, name):
                setattr(current, name, redact_data(getattr(current, name), secrets))
        response = getattr(current, "response", None)
        if isinstance(response, httpx.Response):
            hide_response_secrets(response, secrets)
        pending += [c for c in (current.__cause__, current.__context__) if c is not None]


def hide_response_secrets(response: httpx.Response, secrets: tuple[str, ...]) -> None:
    """Redact `secrets` from a response handed out: its body, and any header value holding one
    (a server echoing the key in `X-Echo`, a redirect's `Location` carrying it)."""
    if hasattr(response, "_content"):
        response._content = redact_bytes(response.content, secrets)
        response.__dict__.pop("_text", None)  # the text httpx decoded and cached from the old bytes
    items = response.headers.multi_items()
    shown = [(k, redact(v, secrets)) for k, v in items]
    if shown != items:
        response.headers = httpx.Headers(shown)


_live_secrets: dict[int, tuple[str, ...]] = {}
"""The secret forms of every client not yet collected, for the log filter."""


def register_secrets(owner: object, values: Iterable[str]) -> None:
    """Keep `values` (in all their forms) out of httpx's and httpcore's log records while `owner` lives."""
    key = id(owner)
    _live_secrets[key] = secret_forms(values)
    weakref.finalize(owner, _live_secrets.pop, key, None)
    _install_log_filter()


class SecretLogFilter(logging.Filter):
    """Scrubs every live client's secrets from a log record of httpx or httpcore (which log, at
    DEBUG, the response headers a server sent back, and URLs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = [s for forms in list(_live_secrets.values()) for s in forms]
        if secrets:
            message = record.getMessage()
            scrubbed = redact(message, sorted(secrets, key=len, reverse=True))
            if scrubbed != message:
                record.msg, record.args = scrubbed, None
        return True


# httpcore logs on child loggers, and a logger's filters do not see its children's records
_HTTP_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


@functools.cache
def _install_log_filter() -> None:
    """Once per process: the filter on each logger httpx and httpcore write to, and on every record
    made anywhere (the log record factory): a request passes through loggers this SDK does not
    know (h2's and hpack's with HTTP/2, h11's, a proxy library's), and any of them may log a header."""
    log_filter = SecretLogFilter()
    for name in _HTTP_LOGGERS:
        logging.getLogger(name).addFilter(log_filter)
    make_record = logging.getLogRecordFactory()

    def scrubbed_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        if _live_secrets:
            # a record whose arguments do not format is left as it is: logging reports it when it emits
            with contextlib.suppress(Exception):
                log_filter.filter(record)
        return record

    logging.setLogRecordFactory(scrubbed_record)
