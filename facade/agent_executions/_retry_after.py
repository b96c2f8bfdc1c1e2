"""Reading a `Retry-After` header: for the retry policy and for the errors that carry it."""

from __future__ import annotations

import datetime
import email.utils
import math
import re

_DELTA_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a non-negative number of seconds or an HTTP date
    (a past date is 0). Anything else (-1, nan, inf, 1e3, 1_0, an overflowing number) is None,
    and the caller falls back to its computed backoff."""
    if value is None:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        seconds = float(value)
        return seconds if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())
