from enum import StrEnum


class UITriggerContextSource(StrEnum):
    UI = "ui"

    def __str__(self) -> str:
        return str(self.value)
