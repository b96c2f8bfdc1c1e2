"""agent-executions: list and inspect the executions of AI-agent platforms.

The stable, handwritten facade over the raw clients generated from the vendors'
OpenAPI documents (`asteroid_agents_v2_raw`, `zaia_v1_raw`). Import from here:
names in this package follow semantic versioning; the raw packages do not.

The names are loaded when first used (PEP 562): `import agent_executions` costs next to nothing,
and the generated models, the clients and httpx load with the first name taken from here. Type
checkers and IDEs read the imports under `TYPE_CHECKING`, which name every export.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._logs import log_from_env

log_from_env()  # AGENT_EXECUTIONS_LOG=debug|info

if TYPE_CHECKING:
    from ._core import RawResponse
    from ._version import __version__ as __version__
    from .asteroid import AsteroidClient, AsyncAsteroidClient
    from .errors import (
        AgentExecutionsError,
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseTooLargeError,
        ResponseValidationError,
        UnprocessableEntityError,
        WaitTimeoutError,
        WebhookPayloadError,
        WebhookVerificationError,
    )
    from .models import (
        ActionCompletedActivity,
        ActionStartedActivity,
        ActivityPayload,
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
        TriggerContext,
        TriggerRunner,
        UITriggerContext,
        UITriggerContextSource,
        UnknownActivity,
        UnknownTriggerContext,
        UpdateableStatus,
        UserMessageReceivedActivity,
        ZaiaExecution,
        ZaiaExecutionDetail,
        ZaiaExecutionNesting,
    )
    from .pagination import AsyncPager, Page, SyncPager
    from .zaia import AsyncZaiaClient, ZaiaClient, ZaiaExecutionTree

_MODULES = {
    "RawResponse": "_core",
    "AsteroidClient": "asteroid",
    "AsyncAsteroidClient": "asteroid",
    "APIConnectionError": "errors",
    "APIStatusError": "errors",
    "APITimeoutError": "errors",
    "AgentExecutionsError": "errors",
    "AuthenticationError": "errors",
    "BadRequestError": "errors",
    "ConfigurationError": "errors",
    "ConflictError": "errors",
    "InternalServerError": "errors",
    "NotFoundError": "errors",
    "PermissionDeniedError": "errors",
    "RateLimitError": "errors",
    "ResponseTooLargeError": "errors",
    "ResponseValidationError": "errors",
    "UnprocessableEntityError": "errors",
    "APIKeyRef": "models",
    "APITriggerContext": "models",
    "APITriggerContextSource": "models",
    "Comment": "models",
    "Execution": "models",
    "ExecutionInputs": "models",
    "ExecutionMetadata": "models",
    "ExecutionOptions": "models",
    "ExecutionResult": "models",
    "ExecutionStatus": "models",
    "HumanLabel": "models",
    "ScheduleRef": "models",
    "ScheduleTriggerContext": "models",
    "ScheduleTriggerContextSource": "models",
    "SortDirection": "models",
    "SortField": "models",
    "TriggerContext": "models",
    "TriggerRunner": "models",
    "UITriggerContext": "models",
    "UITriggerContextSource": "models",
    "UnknownTriggerContext": "models",
    "ZaiaExecution": "models",
    "ZaiaExecutionDetail": "models",
    "ZaiaExecutionNesting": "models",
    "AsyncPager": "pagination",
    "Page": "pagination",
    "SyncPager": "pagination",
    "AsyncZaiaClient": "zaia",
    "ZaiaClient": "zaia",
    "ZaiaExecutionTree": "zaia",
    "WaitTimeoutError": "errors",
    "WebhookPayloadError": "errors",
    "WebhookVerificationError": "errors",
    "ActionCompletedActivity": "models",
    "ActionStartedActivity": "models",
    "ActivityPayload": "models",
    "AwaitingConfirmationDetails": "models",
    "CancelledDetails": "models",
    "CompletedDetails": "models",
    "ExecutionActivity": "models",
    "ExecutionWaitStatus": "models",
    "FailedDetails": "models",
    "FileAddedActivity": "models",
    "GenericActivity": "models",
    "OnCapacityLimit": "models",
    "PausedDetails": "models",
    "ReasoningActivity": "models",
    "StartedExecution": "models",
    "StatusChange": "models",
    "StatusChangedActivity": "models",
    "StepCompletedActivity": "models",
    "StepStartedActivity": "models",
    "TerminalActivity": "models",
    "UnknownActivity": "models",
    "UpdateableStatus": "models",
    "UserMessageReceivedActivity": "models",
}
"""Which submodule defines each exported name."""


if not TYPE_CHECKING:  # hidden from type checkers, so that they still refuse a misspelt name

    def __getattr__(name: str) -> Any:
        if name == "__version__":  # from the package metadata, read when first asked for
            from ._version import __version__

            return __version__
        if name in _SUBMODULES:  # `agent_executions.errors.NotFoundError` after a bare import
            return importlib.import_module(f".{name}", __name__)
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value


_SUBMODULES = frozenset({"asteroid", "errors", "models", "pagination", "retries", "testing", "webhooks", "zaia"})
"""Public modules, loaded when first reached as attributes (as an eager `__init__` made possible)."""


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__all__ = [
    "APIConnectionError",
    "APIKeyRef",
    "APIStatusError",
    "APITimeoutError",
    "APITriggerContext",
    "APITriggerContextSource",
    "ActionCompletedActivity",
    "ActionStartedActivity",
    "ActivityPayload",
    "AgentExecutionsError",
    "AsteroidClient",
    "AsyncAsteroidClient",
    "AsyncPager",
    "AsyncZaiaClient",
    "AuthenticationError",
    "AwaitingConfirmationDetails",
    "BadRequestError",
    "CancelledDetails",
    "Comment",
    "CompletedDetails",
    "ConfigurationError",
    "ConflictError",
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
    "InternalServerError",
    "NotFoundError",
    "OnCapacityLimit",
    "Page",
    "PausedDetails",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ReasoningActivity",
    "ResponseTooLargeError",
    "ResponseValidationError",
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
    "SyncPager",
    "TerminalActivity",
    "TriggerContext",
    "TriggerRunner",
    "UITriggerContext",
    "UITriggerContextSource",
    "UnknownActivity",
    "UnknownTriggerContext",
    "UnprocessableEntityError",
    "UpdateableStatus",
    "UserMessageReceivedActivity",
    "WaitTimeoutError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "ZaiaClient",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
    "ZaiaExecutionTree",
]
