from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_started_activity_activity_type import (
    ActionStartedActivityActivityType,
)
from ..types import (
    empty_additional_properties,
    lazy_first,
    model_repr,
)

T = TypeVar("T", bound="ActionStartedActivity")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

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
        _activity_type = d["activityType"]
        try:
            activity_type = _ActionStartedActivityActivityType_BY_VALUE[_activity_type]
        except (KeyError, TypeError):
            activity_type = None
        # the class called outside the except: its error chains no KeyError
        if activity_type is None:
            activity_type = ActionStartedActivityActivityType(_activity_type)

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

        action_started_activity = _OBJECT_NEW(cls)
        action_started_activity.activity_type = activity_type
        action_started_activity.message = message
        action_started_activity.action_name = action_name
        action_started_activity.action_id = action_id
        if len(src_dict) == 4:
            # The required keys only, the common case: additional_properties is made empty when read.
            return action_started_activity

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        action_started_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return action_started_activity

    @property
    def present_keys(self) -> frozenset[str]:
        """The JSON keys this model holds: every property is required, so all of them, and the unknown ones."""
        return frozenset(self.to_dict())

    # Not seen by type checkers, which keep refusing attributes the model does not have.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """What from_dict leaves to be made when first read, having seen the required keys only (the
            common case): additional_properties, empty."""
            if (
                name == "present_keys"
            ):  # the property raised AttributeError: raise it again, not this one's
                return frozenset(self.to_dict())
            if name == "additional_properties":
                return empty_additional_properties(self)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            lazy_first(cls, ActionStartedActivity.__getattr__)

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


# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_ActionStartedActivityActivityType_BY_VALUE = (
    ActionStartedActivityActivityType._value2member_map_
)
