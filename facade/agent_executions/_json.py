"""The one decoder of response bodies: JSON nested deeper than Python's recursion limit is a
`ValueError` like any other undecodable body, never a `RecursionError`."""

from __future__ import annotations

import json
from typing import Any


class TooDeeplyNested(ValueError):
    """The JSON nests deeper than the interpreter can decode."""


def loads(body: bytes | str) -> Any:
    """`json.loads(body)`, with a body nested too deeply raising `TooDeeplyNested` (a ValueError)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise TooDeeplyNested("the JSON is nested too deeply to decode") from None
