"""The one decoder of response bodies: JSON nested deeper than Python's recursion limit is a
`ValueError` like any other undecodable body, never a `RecursionError`; `NaN`, `Infinity` and
`-Infinity`, which Python's decoder takes but JSON does not have, are refused (a NaN would make two
models of one body unequal, and be written out as something no JSON reader takes)."""

from __future__ import annotations

import json
from typing import Any


class TooDeeplyNested(ValueError):
    """The JSON nests deeper than the interpreter can decode."""


class NotJSONNumber(ValueError):
    """`NaN`, `Infinity` or `-Infinity`: Python's extensions, not JSON."""


def _refuse(constant: str) -> Any:
    raise NotJSONNumber(f"{constant} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_refuse)


def loads(body: bytes | str) -> Any:
    """`json.loads(body)`, with a body nested too deeply raising `TooDeeplyNested` and a NaN or an
    infinity `NotJSONNumber` (both ValueErrors)."""
    text = body.decode(json.detect_encoding(body), "surrogatepass") if isinstance(body, bytes) else body
    try:
        return _DECODER.decode(text)
    except RecursionError:
        raise TooDeeplyNested("the JSON is nested too deeply to decode") from None
