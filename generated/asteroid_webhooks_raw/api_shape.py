"""The shape of the Asteroid Webhook Notifications document that agent_executions relies on, read from its OpenAPI document.

Written by scripts/regenerate.py at every regeneration; never edit it by hand.
"""

PAYLOADS = {
    "BATCH_COMPLETED": "BatchCompletedPayload",
    "EXECUTION_ACTION_COMPLETED": "ActionCompletedPayload",
    "EXECUTION_ACTION_FAILED": "ActionFailedPayload",
    "EXECUTION_ACTION_STARTED": "ActionStartedPayload",
    "EXECUTION_AWAITING_CONFIRMATION": "ExecutionAwaitingConfirmationPayload",
    "EXECUTION_CANCELLED": "ExecutionCancelledPayload",
    "EXECUTION_COMPLETED": "ExecutionCompletedPayload",
    "EXECUTION_FAILED": "ExecutionFailedPayload",
    "EXECUTION_FILE_ADDED": "FileAddedPayload",
    "EXECUTION_PAUSED": "ExecutionPausedPayload",
    "EXECUTION_RESUMED": "ExecutionResumedPayload",
    "EXECUTION_STARTED": "ExecutionStartedPayload",
    "EXECUTION_STEP_COMPLETED": "StepCompletedPayload",
    "EXECUTION_STEP_STARTED": "StepStartedPayload",
    "EXECUTION_USER_MESSAGE_RECEIVED": "UserMessageReceivedPayload",
    "EXECUTION_WORKFLOW_UPDATED": "WorkflowUpdatedPayload",
}
"""Event -> the class in .models of its payload; an event not listed keeps the open object."""
