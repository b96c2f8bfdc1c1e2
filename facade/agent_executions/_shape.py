"""The API's shape as the regeneration script read it from the spec (`<raw package>.api_shape`).

The facade and the fake servers take the server URL, the auth header and every wrapped
operation's path and parameter names from here, never from constants: a vendor release
that renames the header or moves `/agents/v2` from the server URL into the paths
regenerates with no edit of the facade.

Base URLs: a base URL names where the API lives. When the spec's paths share a prefix
(`PATH_PREFIX`, say `/agents/v2`), a base URL that already ends with it is used as is and
one that does not gets it appended, so both `https://odyssey.asteroid.ai` and
`https://odyssey.asteroid.ai/agents/v2` reach the same endpoints whichever form the pinned
spec uses.
"""

from __future__ import annotations

import types
import urllib.parse
from collections.abc import Mapping
from typing import Any

import attrs


@attrs.frozen
class FieldShape:
    """One path, query or body field of an operation, as `scripts/api_shape.py` describes it: where
    it goes, its kind (uuid, datetime, text, int, number, bool, choice, json, json_object,
    text_map, object), and
    what its values may be."""

    name: str
    wire: str
    where: str
    kind: str
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    fields: tuple[FieldShape, ...] = ()
    """An object's own fields."""

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> FieldShape:
        return cls(
            name=entry["name"],
            wire=entry["wire"],
            where=entry["in"],
            kind=entry["kind"],
            required=bool(entry.get("required")),
            many=bool(entry.get("many")),
            choices=tuple(entry.get("choices") or ()),
            minimum=entry.get("minimum"),
            maximum=entry.get("maximum"),
            fields=tuple(cls.of(inner) for inner in entry.get("fields") or ()),
        )


@attrs.frozen
class OperationShape:
    """One operation: method, path (after the API's prefix), its parameters' wire names by Python
    name, and every field it takes."""

    operation_id: str
    method: str
    path: str
    path_params: Mapping[str, str]
    query: Mapping[str, str]
    fields: Mapping[str, FieldShape] = attrs.field(factory=dict)
    """Path, query and body fields by Python name."""

    def field(self, name: str) -> FieldShape:
        try:
            return self.fields[name]
        except KeyError:
            raise LookupError(f"{self.operation_id} has no field {name!r} in the pinned spec") from None

    def query_name(self, name: str) -> str:
        """The wire name of the query parameter the generator calls `name` (`page_size` -> `pageSize`)."""
        try:
            return self.query[name]
        except KeyError:
            raise LookupError(f"{self.operation_id} has no query parameter {name!r} in the pinned spec") from None

    def path_for(self, **values: str) -> str:
        """The path with each `{parameter}` replaced by its percent-encoded value, given by Python name."""
        path = self.path
        if set(values) != set(self.path_params):
            expected = ", ".join(sorted(self.path_params)) or "none"
            raise LookupError(f"{self.operation_id} takes the path parameters {expected}, not {sorted(values)}")
        for name, value in values.items():
            path = path.replace("{" + self.path_params[name] + "}", urllib.parse.quote(value, safe=""))
        return path


@attrs.frozen
class ApiShape:
    """Server, auth and operations of one vendor's API."""

    server_url: str
    path_prefix: str
    auth_header: str
    auth_prefix: str
    operations: Mapping[str, OperationShape]

    @classmethod
    def of(cls, module: types.ModuleType) -> ApiShape:
        """Read a generated `api_shape` module."""
        raw: dict[str, Any] = module.OPERATIONS
        return cls(
            server_url=module.SERVER_URL,
            path_prefix=module.PATH_PREFIX,
            auth_header=module.AUTH_HEADER,
            auth_prefix=module.AUTH_PREFIX,
            operations={
                operation_id: OperationShape(
                    operation_id,
                    entry["method"],
                    entry["path"],
                    entry["path_params"],
                    entry["query"],
                    {field["name"]: FieldShape.of(field) for field in entry.get("fields", ())},
                )
                for operation_id, entry in raw.items()
            },
        )

    def operation(self, operation_id: str) -> OperationShape:
        try:
            return self.operations[operation_id]
        except KeyError:
            raise LookupError(f"the pinned spec has no operation {operation_id!r}") from None

    def api_root(self, base_url: str) -> str:
        """Where operation paths are appended: `base_url` plus the path prefix, unless it already ends with it."""
        base = base_url.rstrip("/")
        if not self.path_prefix or urllib.parse.urlsplit(base).path.endswith(self.path_prefix):
            return base
        return base + self.path_prefix

    @property
    def server_path(self) -> str:
        """The path part of the default server URL (`/agents/v2`, or empty once the paths carry it)."""
        return urllib.parse.urlsplit(self.server_url).path.rstrip("/")
