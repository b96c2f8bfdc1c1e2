from enum import StrEnum


class StepStartedActivityActivityType(StrEnum):
    STEP_STARTED = "step_started"

    def __str__(self) -> str:
        return str(self.value)
