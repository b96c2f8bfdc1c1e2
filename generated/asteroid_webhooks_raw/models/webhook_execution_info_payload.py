from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookExecutionInfoPayload")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__


@_attrs_define
class WebhookExecutionInfoPayload:
    """Event-specific data. The schema depends on info.event. Assumption: an anyOf of the payload models with no
    discriminator (the documentation pages render it as an empty object); each payload's title names its event. Check
    against the published document (https://odyssey.asteroid.ai/webhooks/openapi.json).

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"WebhookExecutionInfoPayload must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        webhook_execution_info_payload = _OBJECT_NEW(cls)

        webhook_execution_info_payload.additional_properties = dict(src_dict)
        return webhook_execution_info_payload

    @property
    def present_keys(self) -> frozenset[str]:
        """The JSON keys this model holds: every property is required, so all of them, and the unknown ones."""
        return frozenset(self.to_dict())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.additional_properties!r})"

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
