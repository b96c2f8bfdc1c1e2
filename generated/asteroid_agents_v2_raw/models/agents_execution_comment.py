from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentsExecutionComment")

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


@_attrs_define
class AgentsExecutionComment:
    """User comment on an execution

    Attributes:
        content (str): Comment content
        created_at (datetime.datetime): When the comment was created
        execution_id (str):
        id (str):
        public (bool): Whether the comment is public
        user_id (str):
        updated_at (datetime.datetime | Unset): When the comment was last updated
    """

    content: str
    created_at: datetime.datetime
    execution_id: str
    id: str
    public: bool
    user_id: str
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        created_at = self.created_at.isoformat()

        execution_id = self.execution_id

        id = self.id

        public = self.public

        user_id = self.user_id

        updated_at: str | Unset = UNSET
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
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        content = d["content"]

        created_at = datetime.datetime.fromisoformat(d["createdAt"])

        execution_id = d["executionId"]

        id = d["id"]

        public = d["public"]

        user_id = d["userId"]

        _updated_at = d.get("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        agents_execution_comment = cls(
            content=content,
            created_at=created_at,
            execution_id=execution_id,
            id=id,
            public=public,
            user_id=user_id,
            updated_at=updated_at,
        )

        agents_execution_comment.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_execution_comment

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
