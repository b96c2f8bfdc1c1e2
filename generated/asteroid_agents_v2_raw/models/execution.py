from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status import ExecutionStatus
from ..types import (
    Unset,
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

if TYPE_CHECKING:
    from ..models.api_trigger_context import APITriggerContext
    from ..models.comment import Comment
    from ..models.execution_inputs import ExecutionInputs
    from ..models.execution_metadata import ExecutionMetadata
    from ..models.execution_options import ExecutionOptions
    from ..models.execution_result import ExecutionResult
    from ..models.human_label import HumanLabel
    from ..models.schedule_trigger_context import ScheduleTriggerContext
    from ..models.ui_trigger_context import UITriggerContext
    from ..models.unknown_trigger_context import UnknownTriggerContext


T = TypeVar("T", bound="Execution")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "agentId",
        "agentName",
        "comments",
        "createdAt",
        "hasBeenRerun",
        "humanLabels",
        "id",
        "organizationId",
        "status",
        "workflowId",
        "agentProfileId",
        "agentProfileName",
        "agentVersion",
        "agentVersionDirty",
        "browserLiveViewUrl",
        "browserRecordingUrl",
        "duration",
        "executionOptions",
        "executionResult",
        "inputs",
        "liveViewUrl",
        "metadata",
        "parentExecutionId",
        "recordingUrl",
        "terminalAt",
        "triggerContext",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "agentId",
    "agentName",
    "comments",
    "createdAt",
    "hasBeenRerun",
    "humanLabels",
    "id",
    "organizationId",
    "status",
    "workflowId",
)
_OPTIONAL_KEYS: tuple[str, ...] = (
    "agentProfileId",
    "agentProfileName",
    "agentVersion",
    "agentVersionDirty",
    "browserLiveViewUrl",
    "browserRecordingUrl",
    "duration",
    "executionOptions",
    "executionResult",
    "inputs",
    "liveViewUrl",
    "metadata",
    "parentExecutionId",
    "recordingUrl",
    "terminalAt",
    "triggerContext",
)

_REPR_NAMES = (
    "id",
    "agent_name",
    "status",
)


@_attrs_define
class Execution:
    """Represents a single execution in a list view

    Attributes:
        agent_id (str):
        agent_name (str): The agent display name
        comments (list[Comment]): Comments on this execution
        created_at (datetime.datetime): When the execution was created
        has_been_rerun (bool): Whether this execution has been rerun at least once
        human_labels (list[HumanLabel]): Human-applied labels for this execution
        id (str):
        organization_id (str):
        status (ExecutionStatus):
        workflow_id (str):
        agent_profile_id (str | None):
        agent_profile_name (str | None): The name of the agent profile used for this execution (if any)
        agent_version (int | None): The version of the agent that was executed
        agent_version_dirty (bool | None): Whether the agent had unpublished changes when this execution started
        browser_live_view_url (str | None): Deprecated: Use 'liveViewUrl' instead.
        browser_recording_url (str | None): Deprecated: Use 'recordingUrl' instead.
        duration (float | None): Execution duration in seconds (only present for terminal executions)
        execution_options (ExecutionOptions | None): Per-execution runtime options.
        execution_result (ExecutionResult | None): Execution result containing outcome, reasoning, and result data
        inputs (ExecutionInputs | None): Input variables used for this execution
        live_view_url (str | None): Live view URL for debugging (if an environment is active and execution is running)
        metadata (ExecutionMetadata | None): Optional metadata key-value pairs attached to this execution
        parent_execution_id (str | None):
        recording_url (str | None): Recording URL for playback (if an environment was used and execution is terminal)
        terminal_at (datetime.datetime | None): When the execution reached a terminal state (if applicable)
        trigger_context (APITriggerContext | ScheduleTriggerContext | UITriggerContext | UnknownTriggerContext | None):
            Discriminated union of trigger contexts (discriminated by source)
    """

    agent_id: str
    agent_name: str
    comments: list[Comment]
    created_at: datetime.datetime
    has_been_rerun: bool
    human_labels: list[HumanLabel]
    id: str
    organization_id: str
    status: ExecutionStatus
    workflow_id: str
    agent_profile_id: str | None = None
    agent_profile_name: str | None = None
    agent_version: int | None = None
    agent_version_dirty: bool | None = None
    browser_live_view_url: str | None = None
    browser_recording_url: str | None = None
    duration: float | None = None
    execution_options: ExecutionOptions | None = None
    execution_result: ExecutionResult | None = None
    inputs: ExecutionInputs | None = None
    live_view_url: str | None = None
    metadata: ExecutionMetadata | None = None
    parent_execution_id: str | None = None
    recording_url: str | None = None
    terminal_at: datetime.datetime | None = None
    trigger_context: (
        APITriggerContext
        | ScheduleTriggerContext
        | UITriggerContext
        | UnknownTriggerContext
        | None
    ) = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""
    _parsed: tuple[Any, ...] | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    # The optional properties' values as from_dict parsed them (in `_OPTIONAL_KEYS` order) when it
    # saw every key a property and none null, and left present_keys to be found from them when read.

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        agent_name = self.agent_name

        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        created_at = self.created_at.isoformat()

        has_been_rerun = self.has_been_rerun

        human_labels = []
        for human_labels_item_data in self.human_labels:
            human_labels_item = human_labels_item_data.to_dict()
            human_labels.append(human_labels_item)

        id = self.id

        organization_id = self.organization_id

        status = self.status.value

        workflow_id = self.workflow_id

        agent_profile_id = self.agent_profile_id

        agent_profile_name = self.agent_profile_name

        agent_version = self.agent_version

        agent_version_dirty = self.agent_version_dirty

        browser_live_view_url = self.browser_live_view_url

        browser_recording_url = self.browser_recording_url

        duration = self.duration

        execution_options: dict[str, Any] | None = None
        if self.execution_options is not None:
            if not isinstance(self.execution_options, Unset):
                execution_options = self.execution_options.to_dict()

        execution_result: dict[str, Any] | None = None
        if self.execution_result is not None:
            if not isinstance(self.execution_result, Unset):
                execution_result = self.execution_result.to_dict()

        inputs: dict[str, Any] | None = None
        if self.inputs is not None:
            if not isinstance(self.inputs, Unset):
                inputs = self.inputs.to_dict()

        live_view_url = self.live_view_url

        metadata: dict[str, Any] | None = None
        if self.metadata is not None:
            if not isinstance(self.metadata, Unset):
                metadata = self.metadata.to_dict()

        parent_execution_id = self.parent_execution_id

        recording_url = self.recording_url

        terminal_at: str | None = None
        if self.terminal_at is not None:
            if not isinstance(self.terminal_at, Unset):
                terminal_at = self.terminal_at.isoformat()

        trigger_context: dict[str, Any] | None = None
        if self.trigger_context is not None:
            if isinstance(self.trigger_context, APITriggerContext):
                trigger_context = self.trigger_context.to_dict()
            elif isinstance(self.trigger_context, UITriggerContext):
                trigger_context = self.trigger_context.to_dict()
            elif isinstance(self.trigger_context, ScheduleTriggerContext):
                trigger_context = self.trigger_context.to_dict()
            else:
                trigger_context = self.trigger_context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentId": agent_id,
                "agentName": agent_name,
                "comments": comments,
                "createdAt": created_at,
                "hasBeenRerun": has_been_rerun,
                "humanLabels": human_labels,
                "id": id,
                "organizationId": organization_id,
                "status": status,
                "workflowId": workflow_id,
            }
        )
        if agent_profile_id is not None or "agentProfileId" in self.present_keys:
            field_dict["agentProfileId"] = agent_profile_id
        if agent_profile_name is not None or "agentProfileName" in self.present_keys:
            field_dict["agentProfileName"] = agent_profile_name
        if agent_version is not None or "agentVersion" in self.present_keys:
            field_dict["agentVersion"] = agent_version
        if agent_version_dirty is not None or "agentVersionDirty" in self.present_keys:
            field_dict["agentVersionDirty"] = agent_version_dirty
        if (
            browser_live_view_url is not None
            or "browserLiveViewUrl" in self.present_keys
        ):
            field_dict["browserLiveViewUrl"] = browser_live_view_url
        if (
            browser_recording_url is not None
            or "browserRecordingUrl" in self.present_keys
        ):
            field_dict["browserRecordingUrl"] = browser_recording_url
        if duration is not None or "duration" in self.present_keys:
            field_dict["duration"] = duration
        if execution_options is not None or "executionOptions" in self.present_keys:
            field_dict["executionOptions"] = execution_options
        if execution_result is not None or "executionResult" in self.present_keys:
            field_dict["executionResult"] = execution_result
        if inputs is not None or "inputs" in self.present_keys:
            field_dict["inputs"] = inputs
        if live_view_url is not None or "liveViewUrl" in self.present_keys:
            field_dict["liveViewUrl"] = live_view_url
        if metadata is not None or "metadata" in self.present_keys:
            field_dict["metadata"] = metadata
        if parent_execution_id is not None or "parentExecutionId" in self.present_keys:
            field_dict["parentExecutionId"] = parent_execution_id
        if recording_url is not None or "recordingUrl" in self.present_keys:
            field_dict["recordingUrl"] = recording_url
        if terminal_at is not None or "terminalAt" in self.present_keys:
            field_dict["terminalAt"] = terminal_at
        if trigger_context is not None or "triggerContext" in self.present_keys:
            field_dict["triggerContext"] = trigger_context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"Execution must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        agent_id = d["agentId"]
        if agent_id.__class__ is not str:
            raise TypeError(f"agentId must be a string, not {type(agent_id).__name__}")

        agent_name = d["agentName"]
        if agent_name.__class__ is not str:
            raise TypeError(
                f"agentName must be a string, not {type(agent_name).__name__}"
            )

        comments = []
        _comments = d["comments"]
        for comments_item_data in _comments:
            comments_item = _Comment_FROM_DICT(comments_item_data)

            comments.append(comments_item)

        _created_at = d["createdAt"]
        try:
            created_at = datetime_fromisoformat(_created_at)
        except (TypeError, ValueError):
            created_at = None
        # outside the except: parse_datetime's error chains as it always did
        if created_at is None:
            created_at = parse_datetime(_created_at)

        has_been_rerun = d["hasBeenRerun"]
        if has_been_rerun.__class__ is not bool:
            raise TypeError(
                f"hasBeenRerun must be a boolean, not {type(has_been_rerun).__name__}"
            )

        human_labels = []
        _human_labels = d["humanLabels"]
        for human_labels_item_data in _human_labels:
            human_labels_item = _HumanLabel_FROM_DICT(human_labels_item_data)

            human_labels.append(human_labels_item)

        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        organization_id = d["organizationId"]
        if organization_id.__class__ is not str:
            raise TypeError(
                f"organizationId must be a string, not {type(organization_id).__name__}"
            )

        _status = d["status"]
        try:
            status = _ExecutionStatus_BY_VALUE[_status]
        except (KeyError, TypeError):
            status = None
        # the class called outside the except: its error chains no KeyError
        if status is None:
            status = ExecutionStatus(_status)

        workflow_id = d["workflowId"]
        if workflow_id.__class__ is not str:
            raise TypeError(
                f"workflowId must be a string, not {type(workflow_id).__name__}"
            )

        agent_profile_id = d.get("agentProfileId")
        if agent_profile_id.__class__ is not str and agent_profile_id is not None:
            raise TypeError(
                f"agentProfileId must be a string, not {type(agent_profile_id).__name__}"
            )

        agent_profile_name = d.get("agentProfileName")
        if agent_profile_name.__class__ is not str and agent_profile_name is not None:
            raise TypeError(
                f"agentProfileName must be a string, not {type(agent_profile_name).__name__}"
            )

        agent_version = d.get("agentVersion")
        if agent_version.__class__ is not int and agent_version is not None:
            raise TypeError(
                f"agentVersion must be an integer, not {type(agent_version).__name__}"
            )

        agent_version_dirty = d.get("agentVersionDirty")
        if (
            agent_version_dirty.__class__ is not bool
            and agent_version_dirty is not None
        ):
            raise TypeError(
                f"agentVersionDirty must be a boolean, not {type(agent_version_dirty).__name__}"
            )

        browser_live_view_url = d.get("browserLiveViewUrl")
        if (
            browser_live_view_url.__class__ is not str
            and browser_live_view_url is not None
        ):
            raise TypeError(
                f"browserLiveViewUrl must be a string, not {type(browser_live_view_url).__name__}"
            )

        browser_recording_url = d.get("browserRecordingUrl")
        if (
            browser_recording_url.__class__ is not str
            and browser_recording_url is not None
        ):
            raise TypeError(
                f"browserRecordingUrl must be a string, not {type(browser_recording_url).__name__}"
            )

        duration = d.get("duration")
        if (
            duration.__class__ is not float
            and duration.__class__ is not int
            and duration is not None
        ):
            raise TypeError(f"duration must be a number, not {type(duration).__name__}")

        _execution_options = d.get("executionOptions")
        execution_options: ExecutionOptions | None
        if _execution_options is None:
            execution_options = None
        else:
            execution_options = _ExecutionOptions_FROM_DICT(_execution_options)

        _execution_result = d.get("executionResult")
        execution_result: ExecutionResult | None
        if _execution_result is None:
            execution_result = None
        else:
            execution_result = _ExecutionResult_FROM_DICT(_execution_result)

        _inputs = d.get("inputs")
        inputs: ExecutionInputs | None
        if _inputs is None:
            inputs = None
        else:
            inputs = _ExecutionInputs_FROM_DICT(_inputs)

        live_view_url = d.get("liveViewUrl")
        if live_view_url.__class__ is not str and live_view_url is not None:
            raise TypeError(
                f"liveViewUrl must be a string, not {type(live_view_url).__name__}"
            )

        _metadata = d.get("metadata")
        metadata: ExecutionMetadata | None
        if _metadata is None:
            metadata = None
        else:
            metadata = _ExecutionMetadata_FROM_DICT(_metadata)

        parent_execution_id = d.get("parentExecutionId")
        if parent_execution_id.__class__ is not str and parent_execution_id is not None:
            raise TypeError(
                f"parentExecutionId must be a string, not {type(parent_execution_id).__name__}"
            )

        recording_url = d.get("recordingUrl")
        if recording_url.__class__ is not str and recording_url is not None:
            raise TypeError(
                f"recordingUrl must be a string, not {type(recording_url).__name__}"
            )

        _terminal_at = d.get("terminalAt")
        terminal_at: datetime.datetime | None
        if _terminal_at is None:
            terminal_at = None
        else:
            try:
                terminal_at = datetime_fromisoformat(_terminal_at)
            except (TypeError, ValueError):
                terminal_at = None
            # outside the except: parse_datetime's error chains as it always did
            if terminal_at is None:
                terminal_at = parse_datetime(_terminal_at)

        trigger_context = _parse_trigger_context(d.get("triggerContext"))

        execution = _OBJECT_NEW(cls)
        execution.agent_id = agent_id
        execution.agent_name = agent_name
        execution.comments = comments
        execution.created_at = created_at
        execution.has_been_rerun = has_been_rerun
        execution.human_labels = human_labels
        execution.id = id
        execution.organization_id = organization_id
        execution.status = status
        execution.workflow_id = workflow_id
        execution.agent_profile_id = agent_profile_id
        execution.agent_profile_name = agent_profile_name
        execution.agent_version = agent_version
        execution.agent_version_dirty = agent_version_dirty
        execution.browser_live_view_url = browser_live_view_url
        execution.browser_recording_url = browser_recording_url
        execution.duration = duration
        execution.execution_options = execution_options
        execution.execution_result = execution_result
        execution.inputs = inputs
        execution.live_view_url = live_view_url
        execution.metadata = metadata
        execution.parent_execution_id = parent_execution_id
        execution.recording_url = recording_url
        execution.terminal_at = terminal_at
        execution.trigger_context = trigger_context
        _parsed = (
            agent_profile_id,
            agent_profile_name,
            agent_version,
            agent_version_dirty,
            browser_live_view_url,
            browser_recording_url,
            duration,
            execution_options,
            execution_result,
            inputs,
            live_view_url,
            metadata,
            parent_execution_id,
            recording_url,
            terminal_at,
            trigger_context,
        )
        if len(src_dict) + _parsed.count(None) == 26:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            execution._parsed = _parsed
            return execution
        execution._parsed = None
        execution.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = execution.present_keys - _PROPERTY_NAMES
        execution.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution

    # Not seen by type checkers, which keep refusing attributes the model does not have.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """What from_dict leaves to be made when first read, having seen every key a property and none
            null (the common case): present_keys, the required keys and the optional ones whose values
            were not None; additional_properties, empty."""
            if name == "present_keys" and (parsed := self._parsed) is not None:
                keys = frozenset(
                    _REQUIRED_KEYS
                    + tuple(k for k, v in zip(_OPTIONAL_KEYS, parsed) if v is not None)
                )
                # set past any __setattr__ of a subclass, which could read it again
                object.__setattr__(self, "present_keys", keys)
                return keys
            if name == "additional_properties":
                return empty_additional_properties(self)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            lazy_first(cls, Execution.__getattr__)

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
from ..models.api_trigger_context import APITriggerContext
from ..models.comment import Comment
from ..models.execution_inputs import ExecutionInputs
from ..models.execution_metadata import ExecutionMetadata
from ..models.execution_options import ExecutionOptions
from ..models.execution_result import ExecutionResult
from ..models.human_label import HumanLabel
from ..models.schedule_trigger_context import ScheduleTriggerContext
from ..models.ui_trigger_context import UITriggerContext
from ..models.unknown_trigger_context import UnknownTriggerContext

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_Comment_FROM_DICT = Comment.from_dict
_HumanLabel_FROM_DICT = HumanLabel.from_dict
_ExecutionOptions_FROM_DICT = ExecutionOptions.from_dict
_ExecutionResult_FROM_DICT = ExecutionResult.from_dict
_ExecutionInputs_FROM_DICT = ExecutionInputs.from_dict
_ExecutionMetadata_FROM_DICT = ExecutionMetadata.from_dict
_APITriggerContext_FROM_DICT = APITriggerContext.from_dict
_UITriggerContext_FROM_DICT = UITriggerContext.from_dict
_ScheduleTriggerContext_FROM_DICT = ScheduleTriggerContext.from_dict
_UnknownTriggerContext_FROM_DICT = UnknownTriggerContext.from_dict
_ExecutionStatus_BY_VALUE = ExecutionStatus._value2member_map_


def _parse_trigger_context(
    data: object,
) -> (
    APITriggerContext
    | ScheduleTriggerContext
    | UITriggerContext
    | UnknownTriggerContext
    | None
):
    if data is None:
        return data
    if isinstance(data, dict):
        _tag = data.get("source")
        if _tag == "api":
            try:
                return _APITriggerContext_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "ui":
            try:
                return _UITriggerContext_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        elif _tag == "schedule":
            try:
                return _ScheduleTriggerContext_FROM_DICT(data)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_trigger_context_type_0 = (
            _APITriggerContext_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_trigger_context_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_trigger_context_type_1 = (
            _UITriggerContext_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_trigger_context_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_agents_execution_trigger_context_type_2 = (
            _ScheduleTriggerContext_FROM_DICT(data)
        )

        return componentsschemas_agents_execution_trigger_context_type_2
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_agents_execution_trigger_context_type_3 = (
        _UnknownTriggerContext_FROM_DICT(data)
    )

    return componentsschemas_agents_execution_trigger_context_type_3
