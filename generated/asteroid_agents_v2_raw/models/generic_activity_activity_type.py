from enum import StrEnum


class GenericActivityActivityType(StrEnum):
    GENERIC = "generic"

    def __str__(self) -> str:
        return str(self.value)
