"""Checks for public arguments: each raises TypeError or ValueError naming the argument, before any request."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
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
    return value


def as_int(name: str, value: object, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {_type_name(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, not {value}")
    return value


def as_choice(name: str, value: object, choices: Iterable[str]) -> str:
    allowed = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_type_name(value)}")
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; not {value!r}")
    return value


def as_datetime(name: str, value: object) -> str:
    """A timezone-aware datetime as ISO 8601 in UTC (`2026-11-23T12:00:00Z`); naive ones are ambiguous."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {_type_name(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(timezone.utc)), not naive")
    utc = value.astimezone(datetime.UTC)
    return utc.isoformat(timespec="microseconds" if utc.microsecond else "seconds").replace("+00:00", "Z")


def as_list(name: str, value: object, item: Any) -> list[str]:
    """One value or an iterable of them (not a bare str of characters), each checked by `item`."""
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
