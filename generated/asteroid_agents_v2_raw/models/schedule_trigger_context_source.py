from enum import StrEnum


class ScheduleTriggerContextSource(StrEnum):
    SCHEDULE = "schedule"

    def __str__(self) -> str:
        return str(self.value)
