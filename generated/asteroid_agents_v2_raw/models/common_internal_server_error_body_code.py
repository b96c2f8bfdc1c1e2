from enum import IntEnum


class CommonInternalServerErrorBodyCode(IntEnum):
    INTERNAL_SERVER_ERROR = 500

    def __str__(self) -> str:
        return str(self.value)
