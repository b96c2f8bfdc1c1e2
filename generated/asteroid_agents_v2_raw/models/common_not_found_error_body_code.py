from enum import IntEnum


class CommonNotFoundErrorBodyCode(IntEnum):
    NOT_FOUND = 404

    def __str__(self) -> str:
        return str(self.value)
