"""How a generated model becomes typed columns: one per attrs field (snake_case already), its
type read from the field's annotation, so a property added by a regeneration is a new column.
I/O-free and database-neutral: the DuckDB store, and a later Parquet writer or dlt source,
map these type names to their own.

Scalars keep their type (`TIMESTAMPTZ`, `BIGINT`, `DOUBLE`, `BOOLEAN`, `VARCHAR`; an enum is
its text); nested objects, lists and unions of objects are `JSON`, the wire form the vendor
sent (`to_dict()`), so that no shape this SDK does not know is lost. Properties the pinned spec
does not list go to `additional_properties` (JSON, NULL when none).

What a column cannot hold does not stop the row: a lone surrogate (legal in JSON, not in UTF-8)
in a string or in JSON text is stored as U+FFFD; an integer beyond a BIGINT column's 64 bits
(or too large for a DOUBLE) is stored as NULL, its value kept in `additional_properties` under
the column's name.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import re
import sys
from collections.abc import Callable
from typing import Any

import attrs

SCALARS = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "datetime.datetime": "TIMESTAMPTZ",
    "datetime.date": "DATE",
}
"""Annotations (without `| None`) that become a column of their own type; anything else is JSON."""
JSON = "JSON"
EXTRA = "additional_properties"
"""The attrs field holding the properties the pinned spec does not list."""
BIGINT_RANGE = (-(2**63), 2**63 - 1)
_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class Column:
    """One column: its name (the attrs field's), its type name and how a record's value becomes the cell."""

    name: str
    type: str
    cell: Callable[[Any], Any] = attrs.field(eq=False, repr=False)


def columns_of(model: type) -> tuple[Column, ...]:
    """The columns of a generated attrs model, in field order, `additional_properties` last."""
    module = sys.modules[model.__module__]
    found: list[Column] = []
    for field in attrs.fields(model):
        if field.name == EXTRA:
            found.append(Column(EXTRA, JSON, _extra))
        elif field.init and not field.name.startswith("_"):
            kind = type_of(str(field.type), vars(module))
            found.append(Column(field.name, kind, _reader(field.name, kind)))
    if not any(column.name == "id" for column in found):
        raise TypeError(f"{model.__name__} has no id field: it cannot be a table keyed by id")
    return tuple(found)


def type_of(annotation: str, namespace: dict[str, Any]) -> str:
    """The column type of a field annotated `annotation` (as text), `namespace` its module's names."""
    parts = [part.strip().strip("()").strip() for part in annotation.split("|")]
    parts = [part for part in parts if part and part != "None"]
    if len(parts) != 1:
        return JSON  # a union of objects (trigger contexts, activity payloads)
    (name,) = parts
    if name in SCALARS:
        return SCALARS[name]
    found = namespace.get(name)
    if isinstance(found, type) and issubclass(found, str):  # the generated enums are StrEnums
        return "VARCHAR"
    return JSON


def row_of(record: Any, columns: tuple[Column, ...]) -> tuple[Any, ...]:
    """A record's cells, in `columns` order; a number its column cannot hold is NULL, its value
    kept in `additional_properties` under the column's name."""
    cells = [column.cell(record) for column in columns]
    overflow: dict[str, int] = {}
    for index in _numeric(columns):
        value = cells[index]
        if type(value) is int and not _fits(columns[index].type, value):
            overflow[columns[index].name] = value
            cells[index] = None
    if overflow:
        for index, column in enumerate(columns):
            if column.name == EXTRA:
                extra = json.loads(cells[index]) if cells[index] is not None else {}
                cells[index] = json_text({**extra, **overflow})
    return tuple(cells)


@functools.lru_cache(maxsize=16)
def _numeric(columns: tuple[Column, ...]) -> tuple[int, ...]:
    """Where in `columns` an integer may be too large for its column (BIGINT, DOUBLE)."""
    return tuple(index for index, column in enumerate(columns) if column.type in ("BIGINT", "DOUBLE"))


def _fits(kind: str, value: int) -> bool:
    if kind == "BIGINT":
        return BIGINT_RANGE[0] <= value <= BIGINT_RANGE[1]
    if kind == "DOUBLE":
        try:
            float(value)
        except OverflowError:
            return False
    return True


def clean_text(value: str) -> str:
    """`value` with its lone surrogates (which UTF-8 cannot encode) as U+FFFD."""
    if value.isascii():
        return value
    return _SURROGATE.sub("\ufffd", value)


def _reader(name: str, kind: str) -> Callable[[Any], Any]:
    if kind == JSON:
        return lambda record: json_text(getattr(record, name))
    if kind == "VARCHAR":
        return lambda record: _text(getattr(record, name))
    return lambda record: getattr(record, name)


def _text(value: Any) -> Any:
    if type(value) is str:
        return value if value.isascii() else _SURROGATE.sub("\ufffd", value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return clean_text(value) if isinstance(value, str) else value


def _extra(record: Any) -> str | None:
    extra = getattr(record, EXTRA, None)
    return json_text(extra) if extra else None


def json_text(value: Any) -> str | None:
    """The wire JSON of a field's value (None stays NULL); models by their `to_dict()`."""
    if value is None:
        return None
    return clean_text(_ENCODE(_wire(value)))


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""`json.dumps` with these options, without building an encoder per call."""


def wire(record: Any, column: Column) -> Any:
    """A record's cell for a writer that takes JSON values, not JSON text (dlt): a JSON column's
    wire value (dicts and lists, None for an empty `additional_properties`), other cells as `cell`."""
    if column.type != JSON:
        return column.cell(record)
    value = getattr(record, column.name, None)
    if column.name == EXTRA and not value:
        return None
    return None if value is None else _wire(value)


def _wire(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_wire(item) for item in value]
    if isinstance(value, dict):
        return {key: _wire(item) for key, item in value.items()}
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
