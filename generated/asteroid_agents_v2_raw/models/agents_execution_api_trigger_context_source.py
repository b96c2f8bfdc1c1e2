from enum import StrEnum


class AgentsExecutionAPITriggerContextSource(StrEnum):
    API = "api"

    def __str__(self) -> str:
        return str(self.value)
