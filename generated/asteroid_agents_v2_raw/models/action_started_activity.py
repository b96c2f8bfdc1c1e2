from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_started_activity_activity_type import (
    ActionStartedActivityActivityType,
)
from ..types import model_repr

T = TypeVar("T", bound="ActionStartedActivity")

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "message",
        "actionName",
        "actionId",
    )
)

_REPR_NAMES = ("action_name",)


@_attrs_define
class ActionStartedActivity:
    """
    Attributes:
        activity_type (ActionStartedActivityActivityType):
        message (str):
        action_name (str): Assumption: the vendor's SDK lists the action names as an enum that grows with each release;
            a string here.
        action_id (str):
    """

    activity_type: ActionStartedActivityActivityType
    message: str
    action_name: str
    action_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type = self.activity_type.value

        message = self.message

        action_name = self.action_name

        action_id = self.action_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "message": message,
                "actionName": action_name,
                "actionId": action_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ActionStartedActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        activity_type = ActionStartedActivityActivityType(d["activityType"])

        message = d["message"]
        if message.__class__ is not str:
            raise TypeError(f"message must be a string, not {type(message).__name__}")

        action_name = d["actionName"]
        if action_name.__class__ is not str:
            raise TypeError(
                f"actionName must be a string, not {type(action_name).__name__}"
            )

        action_id = d["actionId"]
        if action_id.__class__ is not str:
            raise TypeError(
                f"actionId must be a string, not {type(action_id).__name__}"
            )

        action_started_activity = cls.__new__(cls)
        action_started_activity.activity_type = activity_type
        action_started_activity.message = message
        action_started_activity.action_name = action_name
        action_started_activity.action_id = action_id

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        action_started_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return action_started_activity

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
