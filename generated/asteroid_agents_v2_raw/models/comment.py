from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import Unset, model_repr, parse_datetime

T = TypeVar("T", bound="Comment")

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

        created_at = parse_datetime(d["createdAt"])

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
            updated_at = parse_datetime(_updated_at)

        comment = cls.__new__(cls)
        comment.content = content
        comment.created_at = created_at
        comment.execution_id = execution_id
        comment.id = id
        comment.public = public
        comment.user_id = user_id
        comment.updated_at = updated_at
        comment.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = comment.present_keys - _PROPERTY_NAMES
        comment.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return comment

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
