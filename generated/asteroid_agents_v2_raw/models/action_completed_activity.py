from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_completed_activity_activity_type import (
    ActionCompletedActivityActivityType,
)
from ..types import model_repr

T = TypeVar("T", bound="ActionCompletedActivity")

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "message",
        "actionId",
        "actionName",
        "duration",
    )
)

_REPR_NAMES = ("action_name",)


@_attrs_define
class ActionCompletedActivity:
    """
    Attributes:
        activity_type (ActionCompletedActivityActivityType):
        message (str):
        action_id (str):
        action_name (str): Assumption: as in action_started, a string.
        duration (int | None):
    """

    activity_type: ActionCompletedActivityActivityType
    message: str
    action_id: str
    action_name: str
    duration: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        activity_type = self.activity_type.value

        message = self.message

        action_id = self.action_id

        action_name = self.action_name

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "message": message,
                "actionId": action_id,
                "actionName": action_name,
            }
        )
        if duration is not None or "duration" in self.present_keys:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ActionCompletedActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        activity_type = ActionCompletedActivityActivityType(d["activityType"])

        message = d["message"]
        if message.__class__ is not str:
            raise TypeError(f"message must be a string, not {type(message).__name__}")

        action_id = d["actionId"]
        if action_id.__class__ is not str:
            raise TypeError(
                f"actionId must be a string, not {type(action_id).__name__}"
            )

        action_name = d["actionName"]
        if action_name.__class__ is not str:
            raise TypeError(
                f"actionName must be a string, not {type(action_name).__name__}"
            )

        duration = d.get("duration")
        if duration.__class__ is not int and duration is not None:
            raise TypeError(
                f"duration must be an integer, not {type(duration).__name__}"
            )

        action_completed_activity = cls.__new__(cls)
        action_completed_activity.activity_type = activity_type
        action_completed_activity.message = message
        action_completed_activity.action_id = action_id
        action_completed_activity.action_name = action_name
        action_completed_activity.duration = duration
        action_completed_activity.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = action_completed_activity.present_keys - _PROPERTY_NAMES
        action_completed_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return action_completed_activity

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
