"""Stable names for the generated models.

The classes are the attrs models generated from the pinned specs, generated under these
names (`class_overrides` in openapi/sources.toml), so a repr, a traceback or a type
checker says `Execution`. This module is their stable address: import models from here
(or from `agent_executions`), never from the `*_raw` packages.

An optional property the server left out reads as None; `present_keys` holds the JSON
keys that were sent, so `to_dict()` gives back exactly what came (absent keys stay
absent, nulls stay null). Enums are open: a value the pinned spec does not list (say
status "queued") is kept, and compares equal to its string like the known values do.
Properties the spec does not list are kept in each model's `additional_properties`.
"""

from __future__ import annotations

from asteroid_agents_v2_raw.models import (
    ActionCompletedActivity,
    ActionStartedActivity,
    APIKeyRef,
    APITriggerContext,
    APITriggerContextSource,
    AwaitingConfirmationDetails,
    CancelledDetails,
    Comment,
    CompletedDetails,
    Execution,
    ExecutionActivity,
    ExecutionInputs,
    ExecutionMetadata,
    ExecutionOptions,
    ExecutionResult,
    ExecutionStatus,
    ExecutionWaitStatus,
    FailedDetails,
    FileAddedActivity,
    GenericActivity,
    HumanLabel,
    OnCapacityLimit,
    PausedDetails,
    ReasoningActivity,
    ScheduleRef,
    ScheduleTriggerContext,
    ScheduleTriggerContextSource,
    SortDirection,
    SortField,
    StartedExecution,
    StatusChange,
    StatusChangedActivity,
    StepCompletedActivity,
    StepStartedActivity,
    TerminalActivity,
    TriggerRunner,
    UITriggerContext,
    UITriggerContextSource,
    UnknownActivity,
    UnknownTriggerContext,
    UpdateableStatus,
    UserMessageReceivedActivity,
)
from zaia_v1_raw.models import ZaiaExecution, ZaiaExecutionDetail, ZaiaExecutionNesting

TriggerContext = APITriggerContext | UITriggerContext | ScheduleTriggerContext | UnknownTriggerContext
"""How an Asteroid execution was started; `UnknownTriggerContext` holds a source this spec does not know."""

ActivityPayload = (
    StatusChangedActivity
    | StepStartedActivity
    | StepCompletedActivity
    | ActionStartedActivity
    | ActionCompletedActivity
    | ReasoningActivity
    | UserMessageReceivedActivity
    | FileAddedActivity
    | GenericActivity
    | TerminalActivity
    | UnknownActivity
)
"""What an activity records, told apart by `activity_type`; `UnknownActivity` holds a kind this spec
does not know (its properties in `additional_properties`)."""

TERMINAL_STATUSES = frozenset({ExecutionStatus.COMPLETED, ExecutionStatus.CANCELLED, ExecutionStatus.FAILED})
"""Asteroid statuses after which an execution does not change any more."""

__all__ = [
    "TERMINAL_STATUSES",
    "APIKeyRef",
    "APITriggerContext",
    "APITriggerContextSource",
    "ActionCompletedActivity",
    "ActionStartedActivity",
    "ActivityPayload",
    "AwaitingConfirmationDetails",
    "CancelledDetails",
    "Comment",
    "CompletedDetails",
    "Execution",
    "ExecutionActivity",
    "ExecutionInputs",
    "ExecutionMetadata",
    "ExecutionOptions",
    "ExecutionResult",
    "ExecutionStatus",
    "ExecutionWaitStatus",
    "FailedDetails",
    "FileAddedActivity",
    "GenericActivity",
    "HumanLabel",
    "OnCapacityLimit",
    "PausedDetails",
    "ReasoningActivity",
    "ScheduleRef",
    "ScheduleTriggerContext",
    "ScheduleTriggerContextSource",
    "SortDirection",
    "SortField",
    "StartedExecution",
    "StatusChange",
    "StatusChangedActivity",
    "StepCompletedActivity",
    "StepStartedActivity",
    "TerminalActivity",
    "TriggerContext",
    "TriggerRunner",
    "UITriggerContext",
    "UITriggerContextSource",
    "UnknownActivity",
    "UnknownTriggerContext",
    "UpdateableStatus",
    "UserMessageReceivedActivity",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
]
