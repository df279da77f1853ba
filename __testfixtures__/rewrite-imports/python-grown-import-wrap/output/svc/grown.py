from platform_core.persistence.canonical_models import (
    Booking,
    Customer,
    PaymentIntentRecord,
)


def book():
    return Booking(), Customer(), PaymentIntentRecord()
