from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr, parse_datetime

if TYPE_CHECKING:
    from ..models.action_completed_activity import ActionCompletedActivity
    from ..models.action_started_activity import ActionStartedActivity
    from ..models.file_added_activity import FileAddedActivity
    from ..models.generic_activity import GenericActivity
    from ..models.reasoning_activity import ReasoningActivity
    from ..models.status_changed_activity import StatusChangedActivity
    from ..models.step_completed_activity import StepCompletedActivity
    from ..models.step_started_activity import StepStartedActivity
    from ..models.terminal_activity import TerminalActivity
    from ..models.unknown_activity import UnknownActivity
    from ..models.user_message_received_activity import UserMessageReceivedActivity


T = TypeVar("T", bound="ExecutionActivity")

_PROPERTY_NAMES = frozenset(
    (
        "id",
        "payload",
        "executionId",
        "timestamp",
    )
)

_REPR_NAMES = ("id",)


@_attrs_define
class ExecutionActivity:
    """One thing that happened during an execution

    Attributes:
        id (str):
        payload (ActionCompletedActivity | ActionStartedActivity | FileAddedActivity | GenericActivity |
            ReasoningActivity | StatusChangedActivity | StepCompletedActivity | StepStartedActivity | TerminalActivity |
            UnknownActivity | UserMessageReceivedActivity): What happened, told apart by activityType. Assumption: the
            vendor's SDK lists the variants below among others (compaction, node transitions, script and schema events,
            todos) and states no discriminator mapping; activityType is a single-value enum on every variant, so it is taken
            as the discriminator. Variants not listed here parse as the open Unknown variant.
        execution_id (str):
        timestamp (datetime.datetime): When the activity happened
    """

    id: str
    payload: (
        ActionCompletedActivity
        | ActionStartedActivity
        | FileAddedActivity
        | GenericActivity
        | ReasoningActivity
        | StatusChangedActivity
        | StepCompletedActivity
        | StepStartedActivity
        | TerminalActivity
        | UnknownActivity
        | UserMessageReceivedActivity
    )
    execution_id: str
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        payload: dict[str, Any]
        if isinstance(self.payload, TerminalActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, GenericActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, ReasoningActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, StepStartedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, StepCompletedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, StatusChangedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, ActionStartedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, ActionCompletedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, UserMessageReceivedActivity):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, FileAddedActivity):
            payload = self.payload.to_dict()
        else:
            payload = self.payload.to_dict()

        execution_id = self.execution_id

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "payload": payload,
                "executionId": execution_id,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ExecutionActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        def _parse_payload(
            data: object,
        ) -> (
            ActionCompletedActivity
            | ActionStartedActivity
            | FileAddedActivity
            | GenericActivity
            | ReasoningActivity
            | StatusChangedActivity
            | StepCompletedActivity
            | StepStartedActivity
            | TerminalActivity
            | UnknownActivity
            | UserMessageReceivedActivity
        ):
            if isinstance(data, dict):
                _tag = data.get("activityType")
                if _tag == "terminal":
                    try:
                        return TerminalActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "generic":
                    try:
                        return GenericActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "reasoning":
                    try:
                        return ReasoningActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "step_started":
                    try:
                        return StepStartedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "step_completed":
                    try:
                        return StepCompletedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "status_changed":
                    try:
                        return StatusChangedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "action_started":
                    try:
                        return ActionStartedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "action_completed":
                    try:
                        return ActionCompletedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "user_message_received":
                    try:
                        return UserMessageReceivedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                elif _tag == "file_added":
                    try:
                        return FileAddedActivity.from_dict(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_0 = (
                    TerminalActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_1 = (
                    GenericActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_2 = (
                    ReasoningActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_3 = (
                    StepStartedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_4 = (
                    StepCompletedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_5 = (
                    StatusChangedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_6 = (
                    ActionStartedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_7 = (
                    ActionCompletedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_8 = (
                    UserMessageReceivedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_activity_payload_union_type_9 = (
                    FileAddedActivity.from_dict(data)
                )

                return componentsschemas_agents_execution_activity_payload_union_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_agents_execution_activity_payload_union_type_10 = (
                UnknownActivity.from_dict(data)
            )

            return componentsschemas_agents_execution_activity_payload_union_type_10

        payload = _parse_payload(d["payload"])

        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        timestamp = parse_datetime(d["timestamp"])

        execution_activity = cls.__new__(cls)
        execution_activity.id = id
        execution_activity.payload = payload
        execution_activity.execution_id = execution_id
        execution_activity.timestamp = timestamp

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        execution_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution_activity

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
from ..models.action_completed_activity import ActionCompletedActivity
from ..models.action_started_activity import ActionStartedActivity
from ..models.file_added_activity import FileAddedActivity
from ..models.generic_activity import GenericActivity
from ..models.reasoning_activity import ReasoningActivity
from ..models.status_changed_activity import StatusChangedActivity
from ..models.step_completed_activity import StepCompletedActivity
from ..models.step_started_activity import StepStartedActivity
from ..models.terminal_activity import TerminalActivity
from ..models.unknown_activity import UnknownActivity
from ..models.user_message_received_activity import UserMessageReceivedActivity
