"""Contains all the data models used in inputs/outputs"""

from .agents_agent_execution_options import AgentsAgentExecutionOptions
from .agents_execution_api_key_ref import AgentsExecutionAPIKeyRef
from .agents_execution_api_trigger_context import AgentsExecutionAPITriggerContext
from .agents_execution_api_trigger_context_source import (
    AgentsExecutionAPITriggerContextSource,
)
from .agents_execution_comment import AgentsExecutionComment
from .agents_execution_execution_result import AgentsExecutionExecutionResult
from .agents_execution_human_label import AgentsExecutionHumanLabel
from .agents_execution_list_item import AgentsExecutionListItem
from .agents_execution_list_item_inputs import AgentsExecutionListItemInputs
from .agents_execution_list_item_metadata import AgentsExecutionListItemMetadata
from .agents_execution_list_response import AgentsExecutionListResponse
from .agents_execution_schedule_ref import AgentsExecutionScheduleRef
from .agents_execution_schedule_trigger_context import (
    AgentsExecutionScheduleTriggerContext,
)
from .agents_execution_schedule_trigger_context_source import (
    AgentsExecutionScheduleTriggerContextSource,
)
from .agents_execution_sort_field import AgentsExecutionSortField
from .agents_execution_status import AgentsExecutionStatus
from .agents_execution_trigger_context_unknown import (
    AgentsExecutionTriggerContextUnknown,
)
from .agents_execution_trigger_runner import AgentsExecutionTriggerRunner
from .agents_execution_ui_trigger_context import AgentsExecutionUITriggerContext
from .agents_execution_ui_trigger_context_source import (
    AgentsExecutionUITriggerContextSource,
)
from .common_bad_request_error_body import CommonBadRequestErrorBody
from .common_bad_request_error_body_code import CommonBadRequestErrorBodyCode
from .common_forbidden_error_body import CommonForbiddenErrorBody
from .common_forbidden_error_body_code import CommonForbiddenErrorBodyCode
from .common_internal_server_error_body import CommonInternalServerErrorBody
from .common_internal_server_error_body_code import CommonInternalServerErrorBodyCode
from .common_not_found_error_body import CommonNotFoundErrorBody
from .common_not_found_error_body_code import CommonNotFoundErrorBodyCode
from .common_sort_direction import CommonSortDirection
from .common_unauthorized_error_body import CommonUnauthorizedErrorBody
from .common_unauthorized_error_body_code import CommonUnauthorizedErrorBodyCode

__all__ = (
    "AgentsAgentExecutionOptions",
    "AgentsExecutionAPIKeyRef",
    "AgentsExecutionAPITriggerContext",
    "AgentsExecutionAPITriggerContextSource",
    "AgentsExecutionComment",
    "AgentsExecutionExecutionResult",
    "AgentsExecutionHumanLabel",
    "AgentsExecutionListItem",
    "AgentsExecutionListItemInputs",
    "AgentsExecutionListItemMetadata",
    "AgentsExecutionListResponse",
    "AgentsExecutionScheduleRef",
    "AgentsExecutionScheduleTriggerContext",
    "AgentsExecutionScheduleTriggerContextSource",
    "AgentsExecutionSortField",
    "AgentsExecutionStatus",
    "AgentsExecutionTriggerContextUnknown",
    "AgentsExecutionTriggerRunner",
    "AgentsExecutionUITriggerContext",
    "AgentsExecutionUITriggerContextSource",
    "CommonBadRequestErrorBody",
    "CommonBadRequestErrorBodyCode",
    "CommonForbiddenErrorBody",
    "CommonForbiddenErrorBodyCode",
    "CommonInternalServerErrorBody",
    "CommonInternalServerErrorBodyCode",
    "CommonNotFoundErrorBody",
    "CommonNotFoundErrorBodyCode",
    "CommonSortDirection",
    "CommonUnauthorizedErrorBody",
    "CommonUnauthorizedErrorBodyCode",
)
