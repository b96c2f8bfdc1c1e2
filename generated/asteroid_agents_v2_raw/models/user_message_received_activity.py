from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_message_received_activity_activity_type import (
    UserMessageReceivedActivityActivityType,
)
from ..types import model_repr

T = TypeVar("T", bound="UserMessageReceivedActivity")

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "message",
        "userUUID",
    )
)

_REPR_NAMES = (
    "activity_type",
    "message",
    "user_uuid",
)


@_attrs_define
class UserMessageReceivedActivity:
    """
    Attributes:
        activity_type (UserMessageReceivedActivityActivityType):
        message (str):
        user_uuid (str):
    """

    activity_type: UserMessageReceivedActivityActivityType
    message: str
    user_uuid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type = self.activity_type.value

        message = self.message

        user_uuid = self.user_uuid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "message": message,
                "userUUID": user_uuid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"UserMessageReceivedActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        activity_type = UserMessageReceivedActivityActivityType(d["activityType"])

        message = d["message"]
        if message.__class__ is not str:
            raise TypeError(f"message must be a string, not {type(message).__name__}")

        user_uuid = d["userUUID"]
        if user_uuid.__class__ is not str:
            raise TypeError(
                f"userUUID must be a string, not {type(user_uuid).__name__}"
            )

        user_message_received_activity = cls.__new__(cls)
        user_message_received_activity.activity_type = activity_type
        user_message_received_activity.message = message
        user_message_received_activity.user_uuid = user_uuid

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        user_message_received_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return user_message_received_activity

    @property
    def present_keys(self) -> frozenset[str]:
        """The JSON keys this model holds: every property is required, so all of them, and the unknown ones."""
        return frozenset(self.to_dict())

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
