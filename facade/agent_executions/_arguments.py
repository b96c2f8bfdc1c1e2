"""Checks for public arguments: each raises TypeError or ValueError naming the argument, before any request."""

from __future__ import annotations

import datetime
import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _type_name(value: object) -> str:
    return type(value).__name__


def as_uuid(name: str, value: object) -> str:
    """A UUID given as `uuid.UUID` or its string form, as the canonical string."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a UUID or a str, not {_type_name(value)}")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(f"{name} must be a UUID, not {value!r}") from None


def as_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_type_name(value)}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} must be valid Unicode text (it holds a lone surrogate)") from None
    return str.__str__(value)  # a str subclass (a str enum's member) as the plain text it holds


def as_int(name: str, value: object, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {_type_name(value)}")
    if not -(2**63) <= value < 2**63:  # what a server's 64-bit integer holds; past it, JSON parsers round or fail
        raise ValueError(f"{name} must fit in 64 bits, not an int of {value.bit_length()} bits")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, not {value}")
    return value


def as_bool(name: str, value: object) -> bool:
    """A bool itself: not 0 or 1, nor a str such as "false" that would read as true."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {_type_name(value)}")
    return value


def as_choice(name: str, value: object, choices: Iterable[str]) -> str:
    allowed = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_type_name(value)}")
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; not {value!r}")
    return str.__str__(value)  # `SortDirection.ASC` is sent as "asc"


def as_datetime(name: str, value: object) -> str:
    """A timezone-aware datetime as ISO 8601 in UTC (`2026-11-23T12:00:00Z`); naive ones are ambiguous."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {_type_name(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(timezone.utc)), not naive")
    try:
        utc = value.astimezone(datetime.UTC)
    except OverflowError:  # 0001-01-01 at +01:00 is in the year 0 in UTC
        raise ValueError(f"{name} must fall within the years 1 to 9999 in UTC, not {value.isoformat()}") from None
    return utc.isoformat(timespec="microseconds" if utc.microsecond else "seconds").replace("+00:00", "Z")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def as_list(name: str, value: object, item: Any) -> list[str]:
    """One value or an iterable of them (not a bare str of characters, nor a mapping's keys), each
    checked by `item`."""
    if isinstance(value, Mapping):
        raise TypeError(f"{name} must be one value or a list of them, not {_type_name(value)}")
    values = [value] if isinstance(value, str | bytes) or not isinstance(value, Iterable) else list(value)
    if not values:
        raise ValueError(f"{name} must not be empty; pass None for no filter")
    return [item(f"{name}[{index}]", v) for index, v in enumerate(values)]


def as_status(name: str, value: object) -> str:
    """A status string; values newer than the pinned spec are allowed (the server decides)."""
    text = as_text(name, value)
    if not text.replace("_", "").isalnum() or text != text.lower():
        raise ValueError(f"{name} must be a status such as 'running' or 'failed', not {value!r}")
    return text


QueryValue = str | int | float | bool | None
ExtraQuery = Mapping[str, QueryValue | Sequence[str | int | float | bool]]
ExtraHeaders = Mapping[str, str]

_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_TRANSPORT_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "te", "trailer", "upgrade"}
)
"""Hop-by-hop and framing headers httpx sets itself: sending the caller's would break the request
(a wrong Content-Length) or send it elsewhere (Host). `Proxy-*` headers are refused too."""


def _query_text(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(as_int(name, value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, not {value!r}")
        return str(value)
    if isinstance(value, str):
        if _has_surrogate(value):
            raise ValueError(f"{name} must be valid Unicode text (it holds a lone surrogate)")
        return str.__str__(value)  # a str enum's member as its value, not `MyEnum.RUNNING`
    raise TypeError(f"{name} must be a str, int, float, bool or a list of them, not {_type_name(value)}")


def as_extra_query(
    value: object, *, reserved: Iterable[str] = (), why: str = "the listing sets it for each page"
) -> dict[str, list[str] | None]:
    """`extra_query`: parameter name -> value or list of values (repeated in the URL); None leaves the
    parameter out. Names in `reserved` (the pager's own page parameters) cannot be set."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_query must be a mapping of parameter names to values, not {_type_name(value)}")
    blocked = {name.lower() for name in reserved}
    checked: dict[str, list[str] | None] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise TypeError(f"extra_query keys must be non-empty str, not {key!r}")
        if _has_surrogate(key):
            raise ValueError("extra_query keys must be valid Unicode text (one holds a lone surrogate)")
        if key.lower() in blocked:
            raise ValueError(f"extra_query cannot set {key!r}: {why}")
        if item is None:
            checked[key] = None
        elif isinstance(item, list | tuple):
            checked[key] = [_query_text(f"extra_query[{key!r}][{i}]", v) for i, v in enumerate(item)]
        else:
            checked[key] = [_query_text(f"extra_query[{key!r}]", item)]
    return checked


def as_extra_headers(value: object, *, auth_header: str) -> tuple[tuple[str, str], ...]:
    """`extra_headers`: header name -> value, sent with the request; the auth header cannot be set."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_headers must be a mapping of header names to str values, not {_type_name(value)}")
    checked: list[tuple[str, str]] = []
    for key, item in value.items():
        if not isinstance(key, str) or not _HEADER_NAME.match(key):
            raise ValueError(f"extra_headers has an invalid header name: {key!r}")
        if key.lower() == auth_header.lower():
            raise ValueError(f"extra_headers cannot set {key}: the client sends the API key itself")
        if key.lower() in _TRANSPORT_HEADERS or key.lower().startswith("proxy-"):
            raise ValueError(f"extra_headers[{key!r}] cannot be set: httpx manages this header of the connection")
        if not isinstance(item, str):
            raise TypeError(f"extra_headers[{key!r}] must be a str, not {_type_name(item)}")
        if not item.isascii() or any(ch in item for ch in "\r\n\0"):
            raise ValueError(f"extra_headers[{key!r}] must be printable ASCII on one line")
        checked.append((key, item))
    return tuple(checked)


def merge_query(
    params: Iterable[tuple[str, str]], extra: Mapping[str, list[str] | None]
) -> tuple[tuple[str, str], ...]:
    """The operation's own parameters, with those named in `extra` replaced by (or removed for) its values."""
    kept = [(key, value) for key, value in params if key not in extra]
    return (*kept, *((key, v) for key, values in extra.items() if values is not None for v in values))


def as_json_value(name: str, value: object) -> Any:
    """A value JSON can carry (checked by encoding it as the request body is sent), its ints within
    64 bits (past them, servers' JSON parsers round or refuse)."""
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False)
        text.encode("utf-8")
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError (a lone surrogate) is a ValueError
        raise ValueError(f"{name} must hold only JSON values (str, numbers, bool, None, lists, dicts): {exc}") from None
    except RecursionError:
        raise ValueError(f"{name} is nested too deeply to send") from None
    if _LONG_NUMBER.search(text):  # rare: only then look for the int (the digits may be in a str)
        _check_ints(name, value)
    return value


_LONG_NUMBER = re.compile(r"\d{19}")


def _check_ints(name: str, value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool):
        as_int(name, value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_ints(f"{name}[{key!r}]", item)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_ints(f"{name}[{index}]", item)


def as_json_object(name: str, value: object) -> dict[str, Any]:
    """A mapping with str keys whose values JSON can carry."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping of str keys to JSON values, not {_type_name(value)}")
    for key in value:
        if not isinstance(key, str):
            raise TypeError(f"{name} keys must be str, not {_type_name(key)}")
    as_json_value(name, value)
    return dict(value)
