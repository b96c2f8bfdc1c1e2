from enum import StrEnum


class WebhookCategory(StrEnum):
    EXECUTION = "execution"

    def __str__(self) -> str:
        return str(self.value)
