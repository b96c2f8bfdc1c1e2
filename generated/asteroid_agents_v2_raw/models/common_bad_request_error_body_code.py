from enum import IntEnum


class CommonBadRequestErrorBodyCode(IntEnum):
    BAD_REQUEST = 400

    def __str__(self) -> str:
        return str(self.value)
