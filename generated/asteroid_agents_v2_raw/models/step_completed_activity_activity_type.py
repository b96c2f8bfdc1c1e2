from enum import StrEnum


class StepCompletedActivityActivityType(StrEnum):
    STEP_COMPLETED = "step_completed"

    def __str__(self) -> str:
        return str(self.value)
