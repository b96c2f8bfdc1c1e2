from enum import StrEnum


class TerminalActivityReason(StrEnum):
    COMPLETE = "complete"
    ERROR = "error"
    UNSUBSCRIBE = "unsubscribe"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TerminalActivityReason | None":
        """Keep a value this spec does not list: the vendor adds values over time."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return member
