"""Contains all the data models used in inputs/outputs"""

from .action_completed_activity import ActionCompletedActivity
from .action_completed_activity_activity_type import ActionCompletedActivityActivityType
from .action_started_activity import ActionStartedActivity
from .action_started_activity_activity_type import ActionStartedActivityActivityType
from .agents_execution_list_response import AgentsExecutionListResponse
from .api_key_ref import APIKeyRef
from .api_trigger_context import APITriggerContext
from .api_trigger_context_source import APITriggerContextSource
from .awaiting_confirmation_details import AwaitingConfirmationDetails
from .cancelled_details import CancelledDetails
from .comment import Comment
from .common_bad_request_error_body import CommonBadRequestErrorBody
from .common_bad_request_error_body_code import CommonBadRequestErrorBodyCode
from .common_conflict_error_body import CommonConflictErrorBody
from .common_conflict_error_body_code import CommonConflictErrorBodyCode
from .common_forbidden_error_body import CommonForbiddenErrorBody
from .common_forbidden_error_body_code import CommonForbiddenErrorBodyCode
from .common_internal_server_error_body import CommonInternalServerErrorBody
from .common_internal_server_error_body_code import CommonInternalServerErrorBodyCode
from .common_not_found_error_body import CommonNotFoundErrorBody
from .common_not_found_error_body_code import CommonNotFoundErrorBodyCode
from .common_payment_required_error_body import CommonPaymentRequiredErrorBody
from .common_payment_required_error_body_code import CommonPaymentRequiredErrorBodyCode
from .common_unauthorized_error_body import CommonUnauthorizedErrorBody
from .common_unauthorized_error_body_code import CommonUnauthorizedErrorBodyCode
from .completed_details import CompletedDetails
from .execute_request import ExecuteRequest
from .execute_request_inputs import ExecuteRequestInputs
from .execute_request_metadata import ExecuteRequestMetadata
from .execution import Execution
from .execution_activities_get_order import ExecutionActivitiesGetOrder
from .execution_activity import ExecutionActivity
from .execution_inputs import ExecutionInputs
from .execution_metadata import ExecutionMetadata
from .execution_options import ExecutionOptions
from .execution_result import ExecutionResult
from .execution_status import ExecutionStatus
from .execution_wait_status import ExecutionWaitStatus
from .failed_details import FailedDetails
from .file_added_activity import FileAddedActivity
from .file_added_activity_activity_type import FileAddedActivityActivityType
from .file_added_activity_source import FileAddedActivitySource
from .generic_activity import GenericActivity
from .generic_activity_activity_type import GenericActivityActivityType
from .human_label import HumanLabel
from .on_capacity_limit import OnCapacityLimit
from .paused_details import PausedDetails
from .reasoning_activity import ReasoningActivity
from .reasoning_activity_activity_type import ReasoningActivityActivityType
from .rerun_request import RerunRequest
from .rerun_request_inputs import RerunRequestInputs
from .schedule_ref import ScheduleRef
from .schedule_trigger_context import ScheduleTriggerContext
from .schedule_trigger_context_source import ScheduleTriggerContextSource
from .sort_direction import SortDirection
from .sort_field import SortField
from .started_execution import StartedExecution
from .status_change import StatusChange
from .status_changed_activity import StatusChangedActivity
from .status_changed_activity_activity_type import StatusChangedActivityActivityType
from .step_completed_activity import StepCompletedActivity
from .step_completed_activity_activity_type import StepCompletedActivityActivityType
from .step_started_activity import StepStartedActivity
from .step_started_activity_activity_type import StepStartedActivityActivityType
from .terminal_activity import TerminalActivity
from .terminal_activity_activity_type import TerminalActivityActivityType
from .terminal_activity_reason import TerminalActivityReason
from .trigger_runner import TriggerRunner
from .ui_trigger_context import UITriggerContext
from .ui_trigger_context_source import UITriggerContextSource
from .unknown_activity import UnknownActivity
from .unknown_trigger_context import UnknownTriggerContext
from .updateable_status import UpdateableStatus
from .user_message import UserMessage
from .user_message_received_activity import UserMessageReceivedActivity
from .user_message_received_activity_activity_type import (
    UserMessageReceivedActivityActivityType,
)

__all__ = (
    "ActionCompletedActivity",
    "ActionCompletedActivityActivityType",
    "ActionStartedActivity",
    "ActionStartedActivityActivityType",
    "AgentsExecutionListResponse",
    "APIKeyRef",
    "APITriggerContext",
    "APITriggerContextSource",
    "AwaitingConfirmationDetails",
    "CancelledDetails",
    "Comment",
    "CommonBadRequestErrorBody",
    "CommonBadRequestErrorBodyCode",
    "CommonConflictErrorBody",
    "CommonConflictErrorBodyCode",
    "CommonForbiddenErrorBody",
    "CommonForbiddenErrorBodyCode",
    "CommonInternalServerErrorBody",
    "CommonInternalServerErrorBodyCode",
    "CommonNotFoundErrorBody",
    "CommonNotFoundErrorBodyCode",
    "CommonPaymentRequiredErrorBody",
    "CommonPaymentRequiredErrorBodyCode",
    "CommonUnauthorizedErrorBody",
    "CommonUnauthorizedErrorBodyCode",
    "CompletedDetails",
    "ExecuteRequest",
    "ExecuteRequestInputs",
    "ExecuteRequestMetadata",
    "Execution",
    "ExecutionActivitiesGetOrder",
    "ExecutionActivity",
    "ExecutionInputs",
    "ExecutionMetadata",
    "ExecutionOptions",
    "ExecutionResult",
    "ExecutionStatus",
    "ExecutionWaitStatus",
    "FailedDetails",
    "FileAddedActivity",
    "FileAddedActivityActivityType",
    "FileAddedActivitySource",
    "GenericActivity",
    "GenericActivityActivityType",
    "HumanLabel",
    "OnCapacityLimit",
    "PausedDetails",
    "ReasoningActivity",
    "ReasoningActivityActivityType",
    "RerunRequest",
    "RerunRequestInputs",
    "ScheduleRef",
    "ScheduleTriggerContext",
    "ScheduleTriggerContextSource",
    "SortDirection",
    "SortField",
    "StartedExecution",
    "StatusChange",
    "StatusChangedActivity",
    "StatusChangedActivityActivityType",
    "StepCompletedActivity",
    "StepCompletedActivityActivityType",
    "StepStartedActivity",
    "StepStartedActivityActivityType",
    "TerminalActivity",
    "TerminalActivityActivityType",
    "TerminalActivityReason",
    "TriggerRunner",
    "UITriggerContext",
    "UITriggerContextSource",
    "UnknownActivity",
    "UnknownTriggerContext",
    "UpdateableStatus",
    "UserMessage",
    "UserMessageReceivedActivity",
    "UserMessageReceivedActivityActivityType",
)
