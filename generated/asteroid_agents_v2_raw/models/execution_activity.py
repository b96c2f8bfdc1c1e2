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
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

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

        payload = _parse_payload(d["payload"])

        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        _timestamp = d["timestamp"]
        try:
            timestamp = datetime_fromisoformat(_timestamp)
        except (TypeError, ValueError):
            timestamp = None
        # outside the except: parse_datetime's error chains as it always did
        if timestamp is None:
            timestamp = parse_datetime(_timestamp)

        execution_activity = _OBJECT_NEW(cls)
        execution_activity.id = id
        execution_activity.payload = payload
        execution_activity.execution_id = execution_id
        execution_activity.timestamp = timestamp
        if len(src_dict) == 4:
            # The required keys only, the common case: additional_properties is made empty when read.
            return execution_activity

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        execution_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution_activity

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
            lazy_first(cls, ExecutionActivity.__getattr__)

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

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_TerminalActivity_FROM_DICT = TerminalActivity.from_dict
_GenericActivity_FROM_DICT = GenericActivity.from_dict
_ReasoningActivity_FROM_DICT = ReasoningActivity.from_dict
_StepStartedActivity_FROM_DICT = StepStartedActivity.from_dict
_StepCompletedActivity_FROM_DICT = StepCompletedActivity.from_dict
_StatusChangedActivity_FROM_DICT = StatusChangedActivity.from_dict
_ActionStartedActivity_FROM_DICT = ActionStartedActivity.from_dict
_ActionCompletedActivity_FROM_DICT = ActionCompletedActivity.from_dict
_UserMessageReceivedActivity_FROM_DICT = UserMessageReceivedActivity.from_dict
_FileAddedActivity_FROM_DICT = FileAddedActivity.from_dict
_UnknownActivity_FROM_DICT = UnknownActivity.from_dict


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
                return _TerminalActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "generic":
            try:
                return _GenericActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "reasoning":
            try:
                return _ReasoningActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "step_started":
            try:
                return _StepStartedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "step_completed":
            try:
                return _StepCompletedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "status_changed":
            try:
                return _StatusChangedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "action_started":
            try:
                return _ActionStartedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "action_completed":
            try:
                return _ActionCompletedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "user_message_received":
            try:
                return _UserMessageReceivedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "file_added":
            try:
                return _FileAddedActivity_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_0 = (
            _TerminalActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_1 = (
            _GenericActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_2 = (
            _ReasoningActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_2
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_3 = (
            _StepStartedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_3
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_4 = (
            _StepCompletedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_4
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_5 = (
            _StatusChangedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_5
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_6 = (
            _ActionStartedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_6
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_7 = (
            _ActionCompletedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_7
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_8 = (
            _UserMessageReceivedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_8
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_activity_payload_union_type_9 = (
            _FileAddedActivity_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_activity_payload_union_type_9
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_agents_execution_activity_payload_union_type_10 = (
        _UnknownActivity_FROM_DICT(data)
    )

    return componentsschemas_agents_execution_activity_payload_union_type_10
