from enum import IntEnum


class CommonPaymentRequiredErrorBodyCode(IntEnum):
    PAYMENT_REQUIRED = 402

    def __str__(self) -> str:
        return str(self.value)
