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

if TYPE_CHECKING:
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
    )
    from .models import (
        APIKeyRef,
        APITriggerContext,
        APITriggerContextSource,
        Comment,
        Execution,
        ExecutionInputs,
        ExecutionMetadata,
        ExecutionOptions,
        ExecutionResult,
        ExecutionStatus,
        HumanLabel,
        ScheduleRef,
        ScheduleTriggerContext,
        ScheduleTriggerContextSource,
        SortDirection,
        SortField,
        TriggerContext,
        TriggerRunner,
        UITriggerContext,
        UITriggerContextSource,
        UnknownTriggerContext,
        ZaiaExecution,
        ZaiaExecutionDetail,
        ZaiaExecutionNesting,
    )
    from .pagination import AsyncPager, Page, SyncPager
    from .zaia import AsyncZaiaClient, ZaiaClient, ZaiaExecutionTree

_MODULES = {
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
}
"""Which submodule defines each exported name."""


if not TYPE_CHECKING:  # hidden from type checkers, so that they still refuse a misspelt name

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__version__ = "0.1.0"

__all__ = [
    "APIConnectionError",
    "APIKeyRef",
    "APIStatusError",
    "APITimeoutError",
    "APITriggerContext",
    "APITriggerContextSource",
    "AgentExecutionsError",
    "AsteroidClient",
    "AsyncAsteroidClient",
    "AsyncPager",
    "AsyncZaiaClient",
    "AuthenticationError",
    "BadRequestError",
    "Comment",
    "ConfigurationError",
    "ConflictError",
    "Execution",
    "ExecutionInputs",
    "ExecutionMetadata",
    "ExecutionOptions",
    "ExecutionResult",
    "ExecutionStatus",
    "HumanLabel",
    "InternalServerError",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ScheduleRef",
    "ScheduleTriggerContext",
    "ScheduleTriggerContextSource",
    "SortDirection",
    "SortField",
    "SyncPager",
    "TriggerContext",
    "TriggerRunner",
    "UITriggerContext",
    "UITriggerContextSource",
    "UnknownTriggerContext",
    "UnprocessableEntityError",
    "ZaiaClient",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
    "ZaiaExecutionTree",
]
