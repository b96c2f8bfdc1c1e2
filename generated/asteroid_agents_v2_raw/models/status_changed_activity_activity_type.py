from enum import StrEnum


class StatusChangedActivityActivityType(StrEnum):
    STATUS_CHANGED = "status_changed"

    def __str__(self) -> str:
        return str(self.value)
