"""Contains all the data models used in inputs/outputs"""

from .agents_execution_list_response import AgentsExecutionListResponse
from .api_key_ref import APIKeyRef
from .api_trigger_context import APITriggerContext
from .api_trigger_context_source import APITriggerContextSource
from .comment import Comment
from .common_bad_request_error_body import CommonBadRequestErrorBody
from .common_bad_request_error_body_code import CommonBadRequestErrorBodyCode
from .common_forbidden_error_body import CommonForbiddenErrorBody
from .common_forbidden_error_body_code import CommonForbiddenErrorBodyCode
from .common_internal_server_error_body import CommonInternalServerErrorBody
from .common_internal_server_error_body_code import CommonInternalServerErrorBodyCode
from .common_not_found_error_body import CommonNotFoundErrorBody
from .common_not_found_error_body_code import CommonNotFoundErrorBodyCode
from .common_unauthorized_error_body import CommonUnauthorizedErrorBody
from .common_unauthorized_error_body_code import CommonUnauthorizedErrorBodyCode
from .execution import Execution
from .execution_inputs import ExecutionInputs
from .execution_metadata import ExecutionMetadata
from .execution_options import ExecutionOptions
from .execution_result import ExecutionResult
from .execution_status import ExecutionStatus
from .human_label import HumanLabel
from .schedule_ref import ScheduleRef
from .schedule_trigger_context import ScheduleTriggerContext
from .schedule_trigger_context_source import ScheduleTriggerContextSource
from .sort_direction import SortDirection
from .sort_field import SortField
from .trigger_runner import TriggerRunner
from .ui_trigger_context import UITriggerContext
from .ui_trigger_context_source import UITriggerContextSource
from .unknown_trigger_context import UnknownTriggerContext

__all__ = (
    "AgentsExecutionListResponse",
    "APIKeyRef",
    "APITriggerContext",
    "APITriggerContextSource",
    "Comment",
    "CommonBadRequestErrorBody",
    "CommonBadRequestErrorBodyCode",
    "CommonForbiddenErrorBody",
    "CommonForbiddenErrorBodyCode",
    "CommonInternalServerErrorBody",
    "CommonInternalServerErrorBodyCode",
    "CommonNotFoundErrorBody",
    "CommonNotFoundErrorBodyCode",
    "CommonUnauthorizedErrorBody",
    "CommonUnauthorizedErrorBodyCode",
    "Execution",
    "ExecutionInputs",
    "ExecutionMetadata",
    "ExecutionOptions",
    "ExecutionResult",
    "ExecutionStatus",
    "HumanLabel",
    "ScheduleRef",
    "ScheduleTriggerContext",
    "ScheduleTriggerContextSource",
    "SortDirection",
    "SortField",
    "TriggerRunner",
    "UITriggerContext",
    "UITriggerContextSource",
    "UnknownTriggerContext",
)
