"""Stable names for the generated models.

The classes are the attrs models generated from the pinned specs; this module gives
them names that do not change when a regeneration renames a generated class. Import
models from here (or from `agent_executions`), never from the `*_raw` packages.

Enums are open: a value the pinned spec does not list (say status "queued") is kept,
and compares equal to its string like the known values do. Properties the spec does
not list are kept in each model's `additional_properties`.
"""

from __future__ import annotations

from asteroid_agents_v2_raw.models import (
    AgentsAgentExecutionOptions as ExecutionOptions,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionAPIKeyRef as APIKeyRef,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionAPITriggerContext as APITriggerContext,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionComment as Comment,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionExecutionResult as ExecutionResult,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionHumanLabel as HumanLabel,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionListItem as Execution,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionScheduleRef as ScheduleRef,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionScheduleTriggerContext as ScheduleTriggerContext,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionSortField as SortField,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionStatus as ExecutionStatus,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionTriggerContextUnknown as UnknownTriggerContext,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionTriggerRunner as TriggerRunner,
)
from asteroid_agents_v2_raw.models import (
    AgentsExecutionUITriggerContext as UITriggerContext,
)
from asteroid_agents_v2_raw.models import (
    CommonSortDirection as SortDirection,
)
from zaia_v1_raw.models import Execution as ZaiaExecution
from zaia_v1_raw.models import ExecutionDetail as ZaiaExecutionDetail
from zaia_v1_raw.models import ExecutionNesting as ZaiaExecutionNesting

TriggerContext = APITriggerContext | UITriggerContext | ScheduleTriggerContext | UnknownTriggerContext
"""How an Asteroid execution was started; `UnknownTriggerContext` holds a source this spec does not know."""

TERMINAL_STATUSES = frozenset({ExecutionStatus.COMPLETED, ExecutionStatus.CANCELLED, ExecutionStatus.FAILED})
"""Asteroid statuses after which an execution does not change any more."""

__all__ = [
    "TERMINAL_STATUSES",
    "APIKeyRef",
    "APITriggerContext",
    "Comment",
    "Execution",
    "ExecutionOptions",
    "ExecutionResult",
    "ExecutionStatus",
    "HumanLabel",
    "ScheduleRef",
    "ScheduleTriggerContext",
    "SortDirection",
    "SortField",
    "TriggerContext",
    "TriggerRunner",
    "UITriggerContext",
    "UnknownTriggerContext",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
]
