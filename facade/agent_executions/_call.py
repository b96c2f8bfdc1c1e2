"""One call's arguments checked against the spec's fields and turned into what is sent.

The generated resources (`_generated/`) hand every argument to `prepare`, which checks each
by its field's kind (a UUID, a timezone-aware datetime, an int within the spec's bounds, one
of an enum's values...) and names the argument in any error, before any request. What comes
back, a `Call`, holds the path, query and body; the operation's own rules (`_asteroid.py`,
`_zaia.py`) then make it an `Operation`. Nothing here knows an operation by name.
"""

from __future__ import annotations

import difflib
import logging
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from . import _arguments as check
from ._constants import LOGGER_NAME
from ._core import Operation, Reads
from ._shape import FieldShape, OperationShape

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


@attrs.frozen
class RequestOptions:
    """What every operation takes besides its own arguments, checked once: `extra_query` (name ->
    values, None to leave a parameter out) and `extra_headers`."""

    query: Mapping[str, list[str] | None] = attrs.field(factory=dict)
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, extra_query: object, extra_headers: object, *, auth_header: str) -> RequestOptions:
        return cls(check.as_extra_query(extra_query), check.as_extra_headers(extra_headers, auth_header=auth_header))

    def reserve(self, names: Iterable[str], why: str = "the listing sets it for each page") -> None:
        """Refuse an `extra_query` that sets a parameter the operation sets itself (a listing's page)."""
        check.as_extra_query(dict(self.query), reserved=names, why=why)


@attrs.frozen
class Call:
    """One call's checked arguments: `values` by field name as sent (None: not given), `given` as
    the caller gave them (a datetime, say), and the path, query and JSON body they make."""

    shape: OperationShape
    values: Mapping[str, Any]
    given: Mapping[str, Any]
    path: str
    query: tuple[tuple[str, str], ...]
    body: dict[str, Any] | None
    options: RequestOptions

    def operation(
        self,
        parse: Callable[[Any], T],
        *,
        query: Iterable[tuple[str, str]] = (),
        body: dict[str, Any] | None = None,
        reads: Reads = "json",
        hold: float = 0.0,
        ends_at: float | None = None,
    ) -> Operation[T]:
        """The operation to send: this call's query plus `query`, then `extra_query`, which replaces
        what it names; `body` instead of this call's, if given."""
        params = check.merge_query((*self.query, *query), self.options.query)
        json = self.body if body is None else body
        shape = self.shape
        return Operation(
            shape.operation_id, self.path, parse, params, shape.method, self.options.headers, json, reads, hold, ends_at
        )

    def wire(self, name: str) -> str:
        """The wire name of field `name` (`created_before` -> `createdBefore`)."""
        return self.shape.field(name).wire


def prepare(
    shape: OperationShape,
    values: Mapping[str, Any],
    options: RequestOptions,
    *,
    labels: Mapping[str, str] | None = None,
    closed: Iterable[str] = (),
    defaulted: Iterable[str] = (),
) -> Call:
    """Check `values` (by field name; None is "not given") and build the path, query and body.

    `labels` gives the argument name a field has in the facade, for messages, when it differs;
    an enum field in `closed` takes only the spec's values (the facade's logic depends on them),
    any other also a newer one, sent with a warning; one in `closed` or `defaulted` (its argument has
    a default other than None) refuses None.
    """
    names = labels or {}
    shut = frozenset(closed)
    not_none = shut | frozenset(defaulted)
    checked: dict[str, Any] = {}
    path_values: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    body: dict[str, Any] = {}
    has_body = False
    for name, value in values.items():
        field = shape.field(name)
        label = names.get(name, name)
        has_body = has_body or field.where == "body"
        if value is None:
            if name in not_none:
                raise TypeError(f"{label} must not be None; leave it out for its default")
            checked[name] = None
            continue
        checked[name] = sent = to_wire(field, label, value, shut)
        if field.where == "query":
            query += [(field.wire, query_text(item)) for item in (sent if field.many else [sent])]
        elif field.where == "path":
            path_values[name] = sent
        else:
            body[field.wire] = sent
    for name, field in shape.fields.items():  # given as None, or a body field the call leaves out
        if field.required and checked.get(name) is None and (name in values or field.where == "body"):
            raise TypeError(f"{names.get(name, name)} is required")
    path = shape.path_for(**path_values) if shape.path_params else shape.path
    return Call(shape, checked, dict(values), path, tuple(query), body if has_body else None, options)


def query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_wire(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> Any:
    """`value` checked as `field` says, as JSON sends it (a str for UUIDs, datetimes and enums)."""
    if field.many:
        return check.as_list(label, value, lambda name, item: one_value(field, name, item, closed))
    return one_value(field, label, value, closed)


def one_value(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> Any:
    """One value of `field`, checked by the checker of its kind (any other kind: a JSON value)."""
    return _BY_KIND.get(field.kind, _json_value)(field, label, value, closed)


Checker = Callable[[FieldShape, str, object, frozenset[str]], Any]


def _int(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> int:
    """An int within the spec's bounds (a fractional bound: the ints within it)."""
    low = None if field.minimum is None else math.ceil(field.minimum)
    high = None if field.maximum is None else math.floor(field.maximum)
    return check.as_int(label, value, minimum=low, maximum=high)


def _bool(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> bool:
    return check.as_bool(label, value)


def _choice(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> str:
    if field.name in closed:
        return check.as_choice(label, value, field.choices)
    return as_open_choice(label, value, field.choices)


def _text_map(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> dict[str, Any]:
    mapping = check.as_json_object(label, value)
    for key, item in mapping.items():
        if not isinstance(item, str):
            raise TypeError(f"{label}[{key!r}] must be a str, not {type(item).__name__}")
    return mapping


def _json_value(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> Any:
    return check.as_json_value(label, value)


_BY_KIND: dict[str, Checker] = {
    "uuid": lambda field, label, value, closed: check.as_uuid(label, value),
    "datetime": lambda field, label, value, closed: check.as_datetime(label, value),
    "text": lambda field, label, value, closed: check.as_text(label, value),
    "int": _int,
    "number": lambda field, label, value, closed: as_number(label, value, field),
    "bool": _bool,
    "choice": _choice,
    "text_map": _text_map,
    "object": lambda field, label, value, closed: as_object(field, label, value, closed),
    "json_object": lambda field, label, value, closed: check.as_json_object(label, value),
}
"""The checker of each field kind `scripts/api_shape.py` gives (`FieldShape.kind`)."""


def as_number(label: str, value: object, field: FieldShape) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{label} must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{label} must be a finite number, not {value!r}")
    if field.minimum is not None and value < field.minimum:
        raise ValueError(f"{label} must be >= {field.minimum:g}, not {value!r}")
    if field.maximum is not None and value > field.maximum:
        raise ValueError(f"{label} must be <= {field.maximum:g}, not {value!r}")
    return value


def as_object(field: FieldShape, label: str, value: object, closed: frozenset[str]) -> dict[str, Any]:
    """A mapping of the object's fields by Python name (`{"soft_timeout_mins": 5}`), sent by wire name."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{label} must be a mapping, not {type(value).__name__}")
    inner = {item.name: item for item in field.fields}
    sent: dict[str, Any] = {}
    for key, item in value.items():
        if key not in inner:
            known = ", ".join(sorted(inner))
            raise ValueError(f"{label} has no field {key!r} in the pinned spec (it takes {known})")
        if item is not None:
            sent[inner[key].wire] = to_wire(inner[key], f"{label}[{key!r}]", item, closed)
    for name, item in inner.items():
        if item.required and item.wire not in sent:
            raise ValueError(f"{label} needs {name!r}")
    return sent


_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_warned: set[tuple[str, str]] = set()
_WARNED_AT_MOST = 256


def as_open_choice(label: str, value: object, choices: Iterable[str]) -> str:
    """One of an enum's values, or a newer one the vendor may have added since the pinned spec: sent,
    with a warning (once per argument and value), if it is written like the known ones."""
    known = list(choices)
    text = check.as_text(label, value)
    if text in known:
        return text
    lower = all(choice == choice.lower() for choice in known)
    if not _TOKEN.match(text) or (lower and text != text.lower()):
        raise ValueError(f"{label} must be one of {', '.join(known)} (or a newer value like them), not {value!r}")
    if (label, text) not in _warned:
        if len(_warned) >= _WARNED_AT_MOST:  # a program sending ever new values must not grow this
            _warned.clear()
        _warned.add((label, text))
        close = difflib.get_close_matches(text, known, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        name = label.split("[", 1)[0]
        logger.warning(
            "%s %r is not one the pinned spec lists (%s); sending it anyway.%s", name, text, ", ".join(known), hint
        )
    return text
