from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.updateable_status import UpdateableStatus
from ..types import (
    empty_additional_properties,
    lazy_first,
    model_repr,
)

T = TypeVar("T", bound="StatusChange")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "executionId",
        "status",
    )
)

_REPR_NAMES = ("status",)


@_attrs_define
class StatusChange:
    """The status an execution was moved to

    Attributes:
        execution_id (str):
        status (UpdateableStatus): Status values that can be set via the update endpoint
    """

    execution_id: str
    status: UpdateableStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executionId": execution_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"StatusChange must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        _status = d["status"]
        try:
            status = _UpdateableStatus_BY_VALUE[_status]
        except (KeyError, TypeError):
            status = None
        # the class called outside the except: its error chains no KeyError
        if status is None:
            status = UpdateableStatus(_status)

        status_change = _OBJECT_NEW(cls)
        status_change.execution_id = execution_id
        status_change.status = status
        if len(src_dict) == 2:
            # The required keys only, the common case: additional_properties is made empty when read.
            return status_change

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        status_change.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return status_change

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
            lazy_first(cls, StatusChange.__getattr__)

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
_UpdateableStatus_BY_VALUE = UpdateableStatus._value2member_map_
