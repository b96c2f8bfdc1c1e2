from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agents_execution_status import AgentsExecutionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agents_agent_execution_options import AgentsAgentExecutionOptions
    from ..models.agents_execution_api_trigger_context import (
        AgentsExecutionAPITriggerContext,
    )
    from ..models.agents_execution_comment import AgentsExecutionComment
    from ..models.agents_execution_execution_result import (
        AgentsExecutionExecutionResult,
    )
    from ..models.agents_execution_human_label import AgentsExecutionHumanLabel
    from ..models.agents_execution_list_item_inputs import AgentsExecutionListItemInputs
    from ..models.agents_execution_list_item_metadata import (
        AgentsExecutionListItemMetadata,
    )
    from ..models.agents_execution_schedule_trigger_context import (
        AgentsExecutionScheduleTriggerContext,
    )
    from ..models.agents_execution_trigger_context_unknown import (
        AgentsExecutionTriggerContextUnknown,
    )
    from ..models.agents_execution_ui_trigger_context import (
        AgentsExecutionUITriggerContext,
    )


T = TypeVar("T", bound="AgentsExecutionListItem")

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


@_attrs_define
class AgentsExecutionListItem:
    """Represents a single execution in a list view

    Attributes:
        agent_id (str):
        agent_name (str): The agent display name
        comments (list[AgentsExecutionComment]): Comments on this execution
        created_at (datetime.datetime): When the execution was created
        has_been_rerun (bool): Whether this execution has been rerun at least once
        human_labels (list[AgentsExecutionHumanLabel]): Human-applied labels for this execution
        id (str):
        organization_id (str):
        status (AgentsExecutionStatus):
        workflow_id (str):
        agent_profile_id (str | Unset):
        agent_profile_name (str | Unset): The name of the agent profile used for this execution (if any)
        agent_version (int | Unset): The version of the agent that was executed
        agent_version_dirty (bool | Unset): Whether the agent had unpublished changes when this execution started
        browser_live_view_url (str | Unset): Deprecated: Use 'liveViewUrl' instead.
        browser_recording_url (str | Unset): Deprecated: Use 'recordingUrl' instead.
        duration (float | Unset): Execution duration in seconds (only present for terminal executions)
        execution_options (AgentsAgentExecutionOptions | Unset): Per-execution runtime options.
        execution_result (AgentsExecutionExecutionResult | Unset): Execution result containing outcome, reasoning, and
            result data
        inputs (AgentsExecutionListItemInputs | Unset): Input variables used for this execution
        live_view_url (str | Unset): Live view URL for debugging (if an environment is active and execution is running)
        metadata (AgentsExecutionListItemMetadata | Unset): Optional metadata key-value pairs attached to this execution
        parent_execution_id (str | Unset):
        recording_url (str | Unset): Recording URL for playback (if an environment was used and execution is terminal)
        terminal_at (datetime.datetime | Unset): When the execution reached a terminal state (if applicable)
        trigger_context (AgentsExecutionAPITriggerContext | AgentsExecutionScheduleTriggerContext |
            AgentsExecutionTriggerContextUnknown | AgentsExecutionUITriggerContext | Unset): Discriminated union of trigger
            contexts (discriminated by source)
    """

    agent_id: str
    agent_name: str
    comments: list[AgentsExecutionComment]
    created_at: datetime.datetime
    has_been_rerun: bool
    human_labels: list[AgentsExecutionHumanLabel]
    id: str
    organization_id: str
    status: AgentsExecutionStatus
    workflow_id: str
    agent_profile_id: str | Unset = UNSET
    agent_profile_name: str | Unset = UNSET
    agent_version: int | Unset = UNSET
    agent_version_dirty: bool | Unset = UNSET
    browser_live_view_url: str | Unset = UNSET
    browser_recording_url: str | Unset = UNSET
    duration: float | Unset = UNSET
    execution_options: AgentsAgentExecutionOptions | Unset = UNSET
    execution_result: AgentsExecutionExecutionResult | Unset = UNSET
    inputs: AgentsExecutionListItemInputs | Unset = UNSET
    live_view_url: str | Unset = UNSET
    metadata: AgentsExecutionListItemMetadata | Unset = UNSET
    parent_execution_id: str | Unset = UNSET
    recording_url: str | Unset = UNSET
    terminal_at: datetime.datetime | Unset = UNSET
    trigger_context: (
        AgentsExecutionAPITriggerContext
        | AgentsExecutionScheduleTriggerContext
        | AgentsExecutionTriggerContextUnknown
        | AgentsExecutionUITriggerContext
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        execution_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.execution_options, Unset):
            execution_options = self.execution_options.to_dict()

        execution_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.execution_result, Unset):
            execution_result = self.execution_result.to_dict()

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        live_view_url = self.live_view_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        parent_execution_id = self.parent_execution_id

        recording_url = self.recording_url

        terminal_at: str | Unset = UNSET
        if not isinstance(self.terminal_at, Unset):
            terminal_at = self.terminal_at.isoformat()

        trigger_context: dict[str, Any] | Unset
        if isinstance(self.trigger_context, Unset):
            trigger_context = UNSET
        elif isinstance(self.trigger_context, AgentsExecutionAPITriggerContext):
            trigger_context = self.trigger_context.to_dict()
        elif isinstance(self.trigger_context, AgentsExecutionUITriggerContext):
            trigger_context = self.trigger_context.to_dict()
        elif isinstance(self.trigger_context, AgentsExecutionScheduleTriggerContext):
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
        if agent_profile_id is not UNSET:
            field_dict["agentProfileId"] = agent_profile_id
        if agent_profile_name is not UNSET:
            field_dict["agentProfileName"] = agent_profile_name
        if agent_version is not UNSET:
            field_dict["agentVersion"] = agent_version
        if agent_version_dirty is not UNSET:
            field_dict["agentVersionDirty"] = agent_version_dirty
        if browser_live_view_url is not UNSET:
            field_dict["browserLiveViewUrl"] = browser_live_view_url
        if browser_recording_url is not UNSET:
            field_dict["browserRecordingUrl"] = browser_recording_url
        if duration is not UNSET:
            field_dict["duration"] = duration
        if execution_options is not UNSET:
            field_dict["executionOptions"] = execution_options
        if execution_result is not UNSET:
            field_dict["executionResult"] = execution_result
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if live_view_url is not UNSET:
            field_dict["liveViewUrl"] = live_view_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if parent_execution_id is not UNSET:
            field_dict["parentExecutionId"] = parent_execution_id
        if recording_url is not UNSET:
            field_dict["recordingUrl"] = recording_url
        if terminal_at is not UNSET:
            field_dict["terminalAt"] = terminal_at
        if trigger_context is not UNSET:
            field_dict["triggerContext"] = trigger_context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        agent_id = d["agentId"]

        agent_name = d["agentName"]

        comments = []
        _comments = d["comments"]
        for comments_item_data in _comments:
            comments_item = AgentsExecutionComment.from_dict(comments_item_data)

            comments.append(comments_item)

        created_at = datetime.datetime.fromisoformat(d["createdAt"])

        has_been_rerun = d["hasBeenRerun"]

        human_labels = []
        _human_labels = d["humanLabels"]
        for human_labels_item_data in _human_labels:
            human_labels_item = AgentsExecutionHumanLabel.from_dict(
                human_labels_item_data
            )

            human_labels.append(human_labels_item)

        id = d["id"]

        organization_id = d["organizationId"]

        status = AgentsExecutionStatus(d["status"])

        workflow_id = d["workflowId"]

        agent_profile_id = d.get("agentProfileId", UNSET)

        agent_profile_name = d.get("agentProfileName", UNSET)

        agent_version = d.get("agentVersion", UNSET)

        agent_version_dirty = d.get("agentVersionDirty", UNSET)

        browser_live_view_url = d.get("browserLiveViewUrl", UNSET)

        browser_recording_url = d.get("browserRecordingUrl", UNSET)

        duration = d.get("duration", UNSET)

        _execution_options = d.get("executionOptions", UNSET)
        execution_options: AgentsAgentExecutionOptions | Unset
        if isinstance(_execution_options, Unset):
            execution_options = UNSET
        else:
            execution_options = AgentsAgentExecutionOptions.from_dict(
                _execution_options
            )

        _execution_result = d.get("executionResult", UNSET)
        execution_result: AgentsExecutionExecutionResult | Unset
        if isinstance(_execution_result, Unset):
            execution_result = UNSET
        else:
            execution_result = AgentsExecutionExecutionResult.from_dict(
                _execution_result
            )

        _inputs = d.get("inputs", UNSET)
        inputs: AgentsExecutionListItemInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = AgentsExecutionListItemInputs.from_dict(_inputs)

        live_view_url = d.get("liveViewUrl", UNSET)

        _metadata = d.get("metadata", UNSET)
        metadata: AgentsExecutionListItemMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AgentsExecutionListItemMetadata.from_dict(_metadata)

        parent_execution_id = d.get("parentExecutionId", UNSET)

        recording_url = d.get("recordingUrl", UNSET)

        _terminal_at = d.get("terminalAt", UNSET)
        terminal_at: datetime.datetime | Unset
        if isinstance(_terminal_at, Unset):
            terminal_at = UNSET
        else:
            terminal_at = datetime.datetime.fromisoformat(_terminal_at)

        def _parse_trigger_context(
            data: object,
        ) -> (
            AgentsExecutionAPITriggerContext
            | AgentsExecutionScheduleTriggerContext
            | AgentsExecutionTriggerContextUnknown
            | AgentsExecutionUITriggerContext
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_trigger_context_type_0 = (
                    AgentsExecutionAPITriggerContext.from_dict(data)
                )

                return componentsschemas_agents_execution_trigger_context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_trigger_context_type_1 = (
                    AgentsExecutionUITriggerContext.from_dict(data)
                )

                return componentsschemas_agents_execution_trigger_context_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_agents_execution_trigger_context_type_2 = (
                    AgentsExecutionScheduleTriggerContext.from_dict(data)
                )

                return componentsschemas_agents_execution_trigger_context_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_agents_execution_trigger_context_type_3 = (
                AgentsExecutionTriggerContextUnknown.from_dict(data)
            )

            return componentsschemas_agents_execution_trigger_context_type_3

        trigger_context = _parse_trigger_context(d.get("triggerContext", UNSET))

        agents_execution_list_item = cls(
            agent_id=agent_id,
            agent_name=agent_name,
            comments=comments,
            created_at=created_at,
            has_been_rerun=has_been_rerun,
            human_labels=human_labels,
            id=id,
            organization_id=organization_id,
            status=status,
            workflow_id=workflow_id,
            agent_profile_id=agent_profile_id,
            agent_profile_name=agent_profile_name,
            agent_version=agent_version,
            agent_version_dirty=agent_version_dirty,
            browser_live_view_url=browser_live_view_url,
            browser_recording_url=browser_recording_url,
            duration=duration,
            execution_options=execution_options,
            execution_result=execution_result,
            inputs=inputs,
            live_view_url=live_view_url,
            metadata=metadata,
            parent_execution_id=parent_execution_id,
            recording_url=recording_url,
            terminal_at=terminal_at,
            trigger_context=trigger_context,
        )

        agents_execution_list_item.additional_properties = {
            k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES
        }
        return agents_execution_list_item

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
from ..models.agents_agent_execution_options import AgentsAgentExecutionOptions
from ..models.agents_execution_api_trigger_context import (
    AgentsExecutionAPITriggerContext,
)
from ..models.agents_execution_comment import AgentsExecutionComment
from ..models.agents_execution_execution_result import AgentsExecutionExecutionResult
from ..models.agents_execution_human_label import AgentsExecutionHumanLabel
from ..models.agents_execution_list_item_inputs import AgentsExecutionListItemInputs
from ..models.agents_execution_list_item_metadata import AgentsExecutionListItemMetadata
from ..models.agents_execution_schedule_trigger_context import (
    AgentsExecutionScheduleTriggerContext,
)
from ..models.agents_execution_trigger_context_unknown import (
    AgentsExecutionTriggerContextUnknown,
)
from ..models.agents_execution_ui_trigger_context import AgentsExecutionUITriggerContext
