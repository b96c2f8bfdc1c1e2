from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Unset,
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

T = TypeVar("T", bound="Comment")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "content",
        "createdAt",
        "executionId",
        "id",
        "public",
        "userId",
        "updatedAt",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "content",
    "createdAt",
    "executionId",
    "id",
    "public",
    "userId",
)
_OPTIONAL_KEYS: tuple[str, ...] = ("updatedAt",)

_REPR_NAMES = ("id",)


@_attrs_define
class Comment:
    """User comment on an execution

    Attributes:
        content (str): Comment content
        created_at (datetime.datetime): When the comment was created
        execution_id (str):
        id (str):
        public (bool): Whether the comment is public
        user_id (str):
        updated_at (datetime.datetime | None): When the comment was last updated
    """

    content: str
    created_at: datetime.datetime
    execution_id: str
    id: str
    public: bool
    user_id: str
    updated_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""
    _parsed: tuple[Any, ...] | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    # The optional properties' values as from_dict parsed them (in `_OPTIONAL_KEYS` order) when it
    # saw every key a property and none null, and left present_keys to be found from them when read.

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        created_at = self.created_at.isoformat()

        execution_id = self.execution_id

        id = self.id

        public = self.public

        user_id = self.user_id

        updated_at: str | None = None
        if self.updated_at is not None:
            if not isinstance(self.updated_at, Unset):
                updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "createdAt": created_at,
                "executionId": execution_id,
                "id": id,
                "public": public,
                "userId": user_id,
            }
        )
        if updated_at is not None or "updatedAt" in self.present_keys:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"Comment must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        content = d["content"]
        if content.__class__ is not str:
            raise TypeError(f"content must be a string, not {type(content).__name__}")

        _created_at = d["createdAt"]
        try:
            created_at = datetime_fromisoformat(_created_at)
        except (TypeError, ValueError):
            created_at = None
        # outside the except: parse_datetime's error chains as it always did
        if created_at is None:
            created_at = parse_datetime(_created_at)

        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        public = d["public"]
        if public.__class__ is not bool:
            raise TypeError(f"public must be a boolean, not {type(public).__name__}")

        user_id = d["userId"]
        if user_id.__class__ is not str:
            raise TypeError(f"userId must be a string, not {type(user_id).__name__}")

        _updated_at = d.get("updatedAt")
        updated_at: datetime.datetime | None
        if _updated_at is None:
            updated_at = None
        else:
            try:
                updated_at = datetime_fromisoformat(_updated_at)
            except (TypeError, ValueError):
                updated_at = None
            # outside the except: parse_datetime's error chains as it always did
            if updated_at is None:
                updated_at = parse_datetime(_updated_at)

        comment = _OBJECT_NEW(cls)
        comment.content = content
        comment.created_at = created_at
        comment.execution_id = execution_id
        comment.id = id
        comment.public = public
        comment.user_id = user_id
        comment.updated_at = updated_at
        _parsed = (updated_at,)
        if len(src_dict) + _parsed.count(None) == 7:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            comment._parsed = _parsed
            return comment
        comment._parsed = None
        comment.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = comment.present_keys - _PROPERTY_NAMES
        comment.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return comment

    # Not seen by type checkers, which keep refusing attributes the model does not have.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """What from_dict leaves to be made when first read, having seen every key a property and none
            null (the common case): present_keys, the required keys and the optional ones whose values
            were not None; additional_properties, empty."""
            if name == "present_keys" and (parsed := self._parsed) is not None:
                keys = frozenset(
                    _REQUIRED_KEYS
                    + tuple(k for k, v in zip(_OPTIONAL_KEYS, parsed) if v is not None)
                )
                # set past any __setattr__ of a subclass, which could read it again
                object.__setattr__(self, "present_keys", keys)
                return keys
            if name == "additional_properties":
                return empty_additional_properties(self)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            lazy_first(cls, Comment.__getattr__)

    def __repr__(self) -> str:
        return model_repr(self, _REPR_NAMES)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
