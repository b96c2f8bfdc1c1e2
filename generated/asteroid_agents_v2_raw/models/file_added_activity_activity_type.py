from enum import StrEnum


class FileAddedActivityActivityType(StrEnum):
    FILE_ADDED = "file_added"

    def __str__(self) -> str:
        return str(self.value)
