from enum import StrEnum


class AgentsExecutionUITriggerContextSource(StrEnum):
    UI = "ui"

    def __str__(self) -> str:
        return str(self.value)
