from enum import IntEnum


class CommonConflictErrorBodyCode(IntEnum):
    CONFLICT = 409

    def __str__(self) -> str:
        return str(self.value)
