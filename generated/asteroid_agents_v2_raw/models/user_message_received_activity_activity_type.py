from enum import StrEnum


class UserMessageReceivedActivityActivityType(StrEnum):
    USER_MESSAGE_RECEIVED = "user_message_received"

    def __str__(self) -> str:
        return str(self.value)
