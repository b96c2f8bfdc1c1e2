"""Hypothesis strategies for the JSON Schema subset the pinned specs use.

hypothesis-jsonschema does not work with the Hypothesis release schemathesis needs, and
the specs use few keywords: $ref, allOf, oneOf/anyOf, enum, type (lists included),
string formats uuid and date-time, minimum/maximum, items, properties, required and
additionalProperties. Recursion (Zaia's children) is cut at a fixed depth.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

MAX_DEPTH = 3

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)

timestamps = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.sampled_from([datetime.UTC, datetime.timezone(datetime.timedelta(hours=5, minutes=30))]),
).map(lambda moment: moment.isoformat().replace("+00:00", "Z"))


def from_schema(schema: dict[str, Any], root: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values valid against `schema`, resolving `#/...` references in `root`."""
    if "$ref" in schema:
        return from_schema(_resolve(schema["$ref"], root), root, depth)
    if "allOf" in schema:
        return from_schema(_merge(schema, root), root, depth)
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            return st.one_of([from_schema(option, root, depth) for option in schema[keyword]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": k}, root, depth) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum"))
    if kind == "number":
        return st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6, allow_nan=False)
    if kind == "string":
        return {"uuid": st.uuids().map(str), "date-time": timestamps}.get(
            schema.get("format", ""), st.text(max_size=12)
        )
    if kind == "array":
        if depth >= MAX_DEPTH:
            return st.just([])
        return st.lists(from_schema(schema.get("items", {}), root, depth + 1), max_size=3)
    if kind == "object" or "properties" in schema:
        return _object(schema, root, depth)
    return json_values


def _resolve(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _merge(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """One schema equivalent to `schema` and all of its `allOf` parts (properties and required joined)."""
    merged = {key: value for key, value in schema.items() if key != "allOf"}
    for part in schema["allOf"]:
        part = _resolve(part["$ref"], root) if "$ref" in part else part
        part = _merge(part, root) if "allOf" in part else part
        for key, value in part.items():
            if key == "properties":
                merged["properties"] = {**merged.get("properties", {}), **value}
            elif key == "required":
                merged["required"] = [*merged.get("required", []), *value]
            else:
                merged.setdefault(key, value)
    return merged


def _object(schema: dict[str, Any], root: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {name: from_schema(sub, root, depth + 1) for name, sub in properties.items() if name in required}
    optional = {name: from_schema(sub, root, depth + 1) for name, sub in properties.items() if name not in required}
    extra = schema.get("additionalProperties", True)
    base = st.fixed_dictionaries(fixed, optional=optional)
    if extra is False:
        return base
    values = json_values if extra is True or extra == {} else from_schema(extra, root, depth + 1)
    extras = st.dictionaries(st.text(max_size=6).map(lambda key: "x-extra-" + key), values, max_size=2)
    return st.tuples(base, extras).map(lambda pair: {**pair[1], **pair[0]})
