"""The one decoder of response bodies: JSON nested deeper than Python's recursion limit is a
`ValueError` like any other undecodable body, never a `RecursionError`; `NaN`, `Infinity` and
`-Infinity`, which Python's decoder takes but JSON does not have, are refused (a NaN would make two
models of one body unequal, and be written out as something no JSON reader takes)."""

from __future__ import annotations

import json
import math
from typing import Any


class TooDeeplyNested(ValueError):
    """The JSON nests deeper than the interpreter can decode."""


class NotJSONNumber(ValueError):
    """`NaN`, `Infinity` or `-Infinity`: Python's extensions, not JSON."""


def _refuse(constant: str) -> Any:
    raise NotJSONNumber(f"{constant} is not a JSON number")


def text_of(body: bytes) -> str:
    """A JSON body's text, in the encoding its first bytes show (UTF-8, -16 or -32)."""
    return body.decode(json.detect_encoding(body), "surrogatepass")


def _finite(text: str) -> float:
    value = float(text)
    if value in (math.inf, -math.inf):  # `1e400`: a number too large for a float is not one we can hold
        raise NotJSONNumber(f"{text} is beyond what a float can hold")
    return value


_DECODER = json.JSONDecoder(parse_constant=_refuse, parse_float=_finite)


def loads(body: bytes | str) -> Any:
    """`json.loads(body)`, with a body nested too deeply raising `TooDeeplyNested` and a NaN or an
    infinity `NotJSONNumber` (both ValueErrors)."""
    text = text_of(body) if isinstance(body, bytes) else body
    try:
        return _DECODER.decode(text)
    except RecursionError:
        raise TooDeeplyNested("the JSON is nested too deeply to decode") from None
