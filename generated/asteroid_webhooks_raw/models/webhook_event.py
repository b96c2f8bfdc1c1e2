from enum import StrEnum


class WebhookEvent(StrEnum):
    BATCH_COMPLETED = "BATCH_COMPLETED"
    EXECUTION_ACTION_COMPLETED = "EXECUTION_ACTION_COMPLETED"
    EXECUTION_ACTION_FAILED = "EXECUTION_ACTION_FAILED"
    EXECUTION_ACTION_STARTED = "EXECUTION_ACTION_STARTED"
    EXECUTION_AWAITING_CONFIRMATION = "EXECUTION_AWAITING_CONFIRMATION"
    EXECUTION_CANCELLED = "EXECUTION_CANCELLED"
    EXECUTION_COMPLETED = "EXECUTION_COMPLETED"
    EXECUTION_FAILED = "EXECUTION_FAILED"
    EXECUTION_FILE_ADDED = "EXECUTION_FILE_ADDED"
    EXECUTION_PAUSED = "EXECUTION_PAUSED"
    EXECUTION_RESUMED = "EXECUTION_RESUMED"
    EXECUTION_STARTED = "EXECUTION_STARTED"
    EXECUTION_STEP_COMPLETED = "EXECUTION_STEP_COMPLETED"
    EXECUTION_STEP_STARTED = "EXECUTION_STEP_STARTED"
    EXECUTION_USER_MESSAGE_RECEIVED = "EXECUTION_USER_MESSAGE_RECEIVED"
    EXECUTION_WORKFLOW_UPDATED = "EXECUTION_WORKFLOW_UPDATED"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "WebhookEvent | None":
        """Keep a value this spec does not list: the vendor adds values over time."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return member
