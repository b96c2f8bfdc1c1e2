"""agent-executions: list and inspect the executions of AI-agent platforms.

The stable, handwritten facade over the raw clients generated from the vendors'
OpenAPI documents (`asteroid_agents_v2_raw`, `zaia_v1_raw`). Import from here:
names in this package follow semantic versioning; the raw packages do not.
"""

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
    Comment,
    Execution,
    ExecutionOptions,
    ExecutionResult,
    ExecutionStatus,
    HumanLabel,
    ScheduleRef,
    ScheduleTriggerContext,
    SortDirection,
    SortField,
    TriggerContext,
    TriggerRunner,
    UITriggerContext,
    UnknownTriggerContext,
    ZaiaExecution,
    ZaiaExecutionDetail,
    ZaiaExecutionNesting,
)
from .pagination import AsyncPager, Page, SyncPager
from .zaia import AsyncZaiaClient, ZaiaClient, ZaiaExecutionTree

__version__ = "0.1.0"

__all__ = [
    "APIConnectionError",
    "APIKeyRef",
    "APIStatusError",
    "APITimeoutError",
    "APITriggerContext",
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
    "SortDirection",
    "SortField",
    "SyncPager",
    "TriggerContext",
    "TriggerRunner",
    "UITriggerContext",
    "UnknownTriggerContext",
    "UnprocessableEntityError",
    "ZaiaClient",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
    "ZaiaExecutionTree",
]
