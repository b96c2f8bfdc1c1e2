from enum import IntEnum


class CommonForbiddenErrorBodyCode(IntEnum):
    FORBIDDEN = 403

    def __str__(self) -> str:
        return str(self.value)
