from enum import StrEnum


class TerminalActivityActivityType(StrEnum):
    TERMINAL = "terminal"

    def __str__(self) -> str:
        return str(self.value)
