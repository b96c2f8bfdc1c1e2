from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentsAgentExecutionOptions")

_PROPERTY_NAMES = frozenset(
    (
        "sharedStorageKey",
        "softTimeoutMins",
    )
)


@_attrs_define
class AgentsAgentExecutionOptions:
    """Per-execution runtime options.

    Attributes:
        shared_storage_key (str | Unset): Scopes shared-file storage to a per-entity subdirectory under each node's
            shared folder. The value is normalised to a filesystem-safe slug by the server.
        soft_timeout_mins (int | Unset): Soft timeout in minutes. When the execution has been running longer than this
            value, a message is injected on every subsequent step urging the agent to wrap up and produce output. Must be
            greater than 0 and less than the agent's hard timeout (max_timeout_mins).
    """

    shared_storage_key: str | Unset = UNSET
    soft_timeout_mins: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        shared_storage_key = self.shared_storage_key

        soft_timeout_mins = self.soft_timeout_mins

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if shared_storage_key is not UNSET:
            field_dict["sharedStorageKey"] = shared_storage_key
        if soft_timeout_mins is not UNSET:
            field_dict["softTimeoutMins"] = soft_timeout_mins

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        shared_storage_key = d.get("sharedStorageKey", UNSET)

        soft_timeout_mins = d.get("softTimeoutMins", UNSET)

        agents_agent_execution_options = cls(
            shared_storage_key=shared_storage_key,
            soft_timeout_mins=soft_timeout_mins,
        )

        agents_agent_execution_options.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_agent_execution_options

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
