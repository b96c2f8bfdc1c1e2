"""Contains some shared types for properties"""

import datetime
import re
import threading
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The "not given" default of the raw API functions' optional arguments: `UNSET`.

    One instance only, even through copy.copy, copy.deepcopy and pickle, so that `is UNSET`
    holds for every copy (models read an absent property as None and never hold it).
    """

    __slots__ = ()
    _instance: "Unset | None" = None

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> "Unset":
        return self


UNSET: Unset = Unset()


def model_repr(model: object, names: tuple[str, ...]) -> str:
    """`Name(id='…', status='running')`: the given properties that are not None, enums as their values.

    Models show only a few identifying properties, so that a repr fits in a log line.
    """
    parts = []
    for name in names:
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, Enum):
            value = value.value
        parts.append(f"{name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "model_repr",
]


_LEAP_SECOND = re.compile(r"(\d{2}:\d{2}):60(\.\d+)?")


_LAZY = threading.RLock()


def empty_additional_properties(model: Any) -> dict[str, Any]:
    """A parsed model's `additional_properties`, made when first read (its `__getattr__`): from_dict
    saw no unknown key and left the dict to be made. Under a lock, so that two threads reading it at
    once get the same dict, and a key one of them sets is not lost; set past any `__setattr__` of a
    subclass, so that none of its code runs under the lock."""
    with _LAZY:
        try:  # made by another thread meanwhile
            made: dict[str, Any] = object.__getattribute__(
                model, "additional_properties"
            )
        except AttributeError:
            made = {}
            object.__setattr__(model, "additional_properties", made)
        return made


def lazy_first(cls: type, made: Callable[[Any, str], Any]) -> None:
    """Called for each subclass of a model: if it defines `__getattr__`, `present_keys` and
    `additional_properties` are looked for first with `made` (the model's own `__getattr__`, which
    makes them when from_dict left them to be made), then the subclass's. Otherwise a subclass's
    `__getattr__` that reads them (say, unknown keys as attributes) would never see them made."""
    own = cls.__dict__.get("__getattr__")
    if own is None or getattr(own, "_lazy_first", False):
        return

    def __getattr__(self: Any, name: str) -> Any:
        if name == "present_keys" or name == "additional_properties":
            try:
                return made(self, name)
            except AttributeError:
                pass
        return own(self, name)

    __getattr__._lazy_first = True  # type: ignore[attr-defined]
    __getattr__.__wrapped__ = own  # type: ignore[attr-defined]
    cls.__getattr__ = __getattr__  # type: ignore[attr-defined]


datetime_fromisoformat = datetime.datetime.fromisoformat
"""What the models call first for a date-time, `parse_datetime` only when it refuses (the same result,
without a Python call and two attribute lookups per date-time)."""


def parse_datetime(value: str) -> datetime.datetime:
    """An RFC 3339 date-time. `datetime.fromisoformat` reads most; what RFC 3339 allows and it
    refuses is read too: a lowercase `z`, and a leap second (`23:59:60`), which Python cannot
    hold and is read as the last microsecond before it (`23:59:59.999999`), keeping the order."""
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        text = value.replace("z", "Z")
        return datetime.datetime.fromisoformat(
            _LEAP_SECOND.sub(r"\1:59.999999", text, count=1)
        )
    except TypeError:
        raise TypeError(
            f"a date-time must be a string, not {type(value).__name__}"
        ) from None
