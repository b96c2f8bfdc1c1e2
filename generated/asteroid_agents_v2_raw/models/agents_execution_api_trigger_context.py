from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agents_execution_api_trigger_context_source import (
    AgentsExecutionAPITriggerContextSource,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agents_execution_api_key_ref import AgentsExecutionAPIKeyRef
    from ..models.agents_execution_trigger_runner import AgentsExecutionTriggerRunner


T = TypeVar("T", bound="AgentsExecutionAPITriggerContext")

_PROPERTY_NAMES = frozenset(
    (
        "runner",
        "source",
        "apiKey",
    )
)


@_attrs_define
class AgentsExecutionAPITriggerContext:
    """API-triggered execution context

    Attributes:
        runner (AgentsExecutionTriggerRunner): Runner information - who triggered the execution
        source (AgentsExecutionAPITriggerContextSource): Trigger source discriminator
        api_key (AgentsExecutionAPIKeyRef | Unset): API key reference used for authentication
    """

    runner: AgentsExecutionTriggerRunner
    source: AgentsExecutionAPITriggerContextSource
    api_key: AgentsExecutionAPIKeyRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        runner = self.runner.to_dict()

        source = self.source.value

        api_key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.api_key, Unset):
            api_key = self.api_key.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runner": runner,
                "source": source,
            }
        )
        if api_key is not UNSET:
            field_dict["apiKey"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        runner = AgentsExecutionTriggerRunner.from_dict(d["runner"])

        source = AgentsExecutionAPITriggerContextSource(d["source"])

        _api_key = d.get("apiKey", UNSET)
        api_key: AgentsExecutionAPIKeyRef | Unset
        if isinstance(_api_key, Unset):
            api_key = UNSET
        else:
            api_key = AgentsExecutionAPIKeyRef.from_dict(_api_key)

        agents_execution_api_trigger_context = cls(
            runner=runner,
            source=source,
            api_key=api_key,
        )

        agents_execution_api_trigger_context.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_execution_api_trigger_context

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


# Imported after the class rather than inside its methods: an import in a method runs on every
# call, and made parsing an execution several times slower. Down here the circular references
# between models still resolve, since each class exists before the imports run.
from ..models.agents_execution_api_key_ref import AgentsExecutionAPIKeyRef
from ..models.agents_execution_trigger_runner import AgentsExecutionTriggerRunner
