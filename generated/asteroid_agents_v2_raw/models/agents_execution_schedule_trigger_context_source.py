from enum import StrEnum


class AgentsExecutionScheduleTriggerContextSource(StrEnum):
    SCHEDULE = "schedule"

    def __str__(self) -> str:
        return str(self.value)
