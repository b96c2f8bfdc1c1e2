from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgentsExecutionTriggerContextUnknown")

_PROPERTY_NAMES = frozenset(("source",))


@_attrs_define
class AgentsExecutionTriggerContextUnknown:
    """A variant of Agents.Execution.TriggerContext that this client's spec does not know yet.

    Attributes:
        source (str): The discriminator value
    """

    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        source = d["source"]

        agents_execution_trigger_context_unknown = cls(
            source=source,
        )

        agents_execution_trigger_context_unknown.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_execution_trigger_context_unknown

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
