from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_trigger_context_source import ScheduleTriggerContextSource
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.schedule_ref import ScheduleRef


T = TypeVar("T", bound="ScheduleTriggerContext")

_PROPERTY_NAMES = frozenset(
    (
        "schedule",
        "source",
    )
)

_REPR_NAMES = ("source",)


@_attrs_define
class ScheduleTriggerContext:
    """Schedule-triggered execution context

    Attributes:
        schedule (ScheduleRef): Schedule reference for schedule-triggered executions
        source (ScheduleTriggerContextSource): Trigger source discriminator
    """

    schedule: ScheduleRef
    source: ScheduleTriggerContextSource
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
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ScheduleTriggerContext must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        schedule = ScheduleRef.from_dict(d["schedule"])

        source = ScheduleTriggerContextSource(d["source"])

        schedule_trigger_context = cls.__new__(cls)
        schedule_trigger_context.schedule = schedule
        schedule_trigger_context.source = source

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        schedule_trigger_context.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return schedule_trigger_context

    @property
    def present_keys(self) -> frozenset[str]:
        """The JSON keys this model holds: every property is required, so all of them, and the unknown ones."""
        return frozenset(self.to_dict())

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


# Imported after the class rather than inside its methods: an import in a method runs on every
# call, and made parsing an execution several times slower. Down here the circular references
# between models still resolve, since each class exists before the imports run.
from ..models.schedule_ref import ScheduleRef
