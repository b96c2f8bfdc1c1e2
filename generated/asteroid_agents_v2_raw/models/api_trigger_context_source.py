from enum import StrEnum


class APITriggerContextSource(StrEnum):
    API = "api"

    def __str__(self) -> str:
        return str(self.value)
