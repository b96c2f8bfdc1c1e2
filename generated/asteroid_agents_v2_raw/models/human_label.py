from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

T = TypeVar("T", bound="HumanLabel")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "color",
        "createdAt",
        "id",
        "name",
        "organizationId",
    )
)

_REPR_NAMES = (
    "id",
    "name",
)


@_attrs_define
class HumanLabel:
    """Human-applied label for categorizing executions

    Attributes:
        color (str): Hex color code for the label (e.g., #FF5733)
        created_at (datetime.datetime): When the label was created
        id (str):
        name (str): Display name of the label
        organization_id (str):
    """

    color: str
    created_at: datetime.datetime
    id: str
    name: str
    organization_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        color = self.color

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "color": color,
                "createdAt": created_at,
                "id": id,
                "name": name,
                "organizationId": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"HumanLabel must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        color = d["color"]
        if color.__class__ is not str:
            raise TypeError(f"color must be a string, not {type(color).__name__}")

        _created_at = d["createdAt"]
        try:
            created_at = datetime_fromisoformat(_created_at)
        except (TypeError, ValueError):
            created_at = None
        # outside the except: parse_datetime's error chains as it always did
        if created_at is None:
            created_at = parse_datetime(_created_at)

        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        name = d["name"]
        if name.__class__ is not str:
            raise TypeError(f"name must be a string, not {type(name).__name__}")

        organization_id = d["organizationId"]
        if organization_id.__class__ is not str:
            raise TypeError(
                f"organizationId must be a string, not {type(organization_id).__name__}"
            )

        human_label = _OBJECT_NEW(cls)
        human_label.color = color
        human_label.created_at = created_at
        human_label.id = id
        human_label.name = name
        human_label.organization_id = organization_id
        if len(src_dict) == 5:
            # The required keys only, the common case: additional_properties is made empty when read.
            return human_label

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        human_label.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return human_label

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
            lazy_first(cls, HumanLabel.__getattr__)

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
