from enum import StrEnum


class ReasoningActivityActivityType(StrEnum):
    REASONING = "reasoning"

    def __str__(self) -> str:
        return str(self.value)
