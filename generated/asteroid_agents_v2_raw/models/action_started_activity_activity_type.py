from enum import StrEnum


class ActionStartedActivityActivityType(StrEnum):
    ACTION_STARTED = "action_started"

    def __str__(self) -> str:
        return str(self.value)
