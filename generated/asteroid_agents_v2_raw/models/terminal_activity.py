from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.terminal_activity_activity_type import TerminalActivityActivityType
from ..models.terminal_activity_reason import TerminalActivityReason
from ..types import model_repr

T = TypeVar("T", bound="TerminalActivity")

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "reason",
        "message",
    )
)

_REPR_NAMES = (
    "activity_type",
    "reason",
    "message",
)


@_attrs_define
class TerminalActivity:
    """
    Attributes:
        activity_type (TerminalActivityActivityType):
        reason (TerminalActivityReason):
        message (str | None):
    """

    activity_type: TerminalActivityActivityType
    reason: TerminalActivityReason
    message: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        activity_type = self.activity_type.value

        reason = self.reason.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "reason": reason,
            }
        )
        if message is not None or "message" in self.present_keys:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"TerminalActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        activity_type = TerminalActivityActivityType(d["activityType"])

        reason = TerminalActivityReason(d["reason"])

        message = d.get("message")
        if message.__class__ is not str and message is not None:
            raise TypeError(f"message must be a string, not {type(message).__name__}")

        terminal_activity = cls.__new__(cls)
        terminal_activity.activity_type = activity_type
        terminal_activity.reason = reason
        terminal_activity.message = message
        terminal_activity.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = terminal_activity.present_keys - _PROPERTY_NAMES
        terminal_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return terminal_activity

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
