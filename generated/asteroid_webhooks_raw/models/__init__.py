"""Contains all the data models used in inputs/outputs"""

from .action_completed_payload import ActionCompletedPayload
from .action_completed_payload_output import ActionCompletedPayloadOutput
from .action_failed_payload import ActionFailedPayload
from .action_failed_payload_os_error import ActionFailedPayloadOsError
from .action_started_payload import ActionStartedPayload
from .action_started_payload_arguments import ActionStartedPayloadArguments
from .batch_completed_payload import BatchCompletedPayload
from .execution_awaiting_confirmation_payload import (
    ExecutionAwaitingConfirmationPayload,
)
from .execution_cancelled_payload import ExecutionCancelledPayload
from .execution_completed_payload import ExecutionCompletedPayload
from .execution_completed_payload_result import ExecutionCompletedPayloadResult
from .execution_failed_payload import ExecutionFailedPayload
from .execution_paused_payload import ExecutionPausedPayload
from .execution_resumed_payload import ExecutionResumedPayload
from .execution_started_payload import ExecutionStartedPayload
from .file_added_payload import FileAddedPayload
from .step_completed_payload import StepCompletedPayload
from .step_started_payload import StepStartedPayload
from .user_message_received_payload import UserMessageReceivedPayload
from .webhook_category import WebhookCategory
from .webhook_event import WebhookEvent
from .webhook_execution_info import WebhookExecutionInfo
from .webhook_execution_info_metadata import WebhookExecutionInfoMetadata
from .webhook_execution_info_payload import WebhookExecutionInfoPayload
from .webhook_notification import WebhookNotification
from .workflow_updated_payload import WorkflowUpdatedPayload

__all__ = (
    "ActionCompletedPayload",
    "ActionCompletedPayloadOutput",
    "ActionFailedPayload",
    "ActionFailedPayloadOsError",
    "ActionStartedPayload",
    "ActionStartedPayloadArguments",
    "BatchCompletedPayload",
    "ExecutionAwaitingConfirmationPayload",
    "ExecutionCancelledPayload",
    "ExecutionCompletedPayload",
    "ExecutionCompletedPayloadResult",
    "ExecutionFailedPayload",
    "ExecutionPausedPayload",
    "ExecutionResumedPayload",
    "ExecutionStartedPayload",
    "FileAddedPayload",
    "StepCompletedPayload",
    "StepStartedPayload",
    "UserMessageReceivedPayload",
    "WebhookCategory",
    "WebhookEvent",
    "WebhookExecutionInfo",
    "WebhookExecutionInfoMetadata",
    "WebhookExecutionInfoPayload",
    "WebhookNotification",
    "WorkflowUpdatedPayload",
)
