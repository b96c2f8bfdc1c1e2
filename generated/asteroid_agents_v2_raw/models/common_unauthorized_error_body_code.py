from enum import IntEnum


class CommonUnauthorizedErrorBodyCode(IntEnum):
    UNAUTHORIZED = 401

    def __str__(self) -> str:
        return str(self.value)
