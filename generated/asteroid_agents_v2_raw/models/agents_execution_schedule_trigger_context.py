from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agents_execution_schedule_trigger_context_source import (
    AgentsExecutionScheduleTriggerContextSource,
)

if TYPE_CHECKING:
    from ..models.agents_execution_schedule_ref import AgentsExecutionScheduleRef


T = TypeVar("T", bound="AgentsExecutionScheduleTriggerContext")

_PROPERTY_NAMES = frozenset(
    (
        "schedule",
        "source",
    )
)


@_attrs_define
class AgentsExecutionScheduleTriggerContext:
    """Schedule-triggered execution context

    Attributes:
        schedule (AgentsExecutionScheduleRef): Schedule reference for schedule-triggered executions
        source (AgentsExecutionScheduleTriggerContextSource): Trigger source discriminator
    """

    schedule: AgentsExecutionScheduleRef
    source: AgentsExecutionScheduleTriggerContextSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schedule = self.schedule.to_dict()

        source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schedule": schedule,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        schedule = AgentsExecutionScheduleRef.from_dict(d["schedule"])

        source = AgentsExecutionScheduleTriggerContextSource(d["source"])

        agents_execution_schedule_trigger_context = cls(
            schedule=schedule,
            source=source,
        )

        agents_execution_schedule_trigger_context.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_execution_schedule_trigger_context

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
from ..models.agents_execution_schedule_ref import AgentsExecutionScheduleRef
