from platform_core.persistence.canonical_models import (
    Booking,
    Customer,
    PaymentIntentRecord,
    RefundLedgerEntry,
)


def refund():
    return Booking(), Customer(), PaymentIntentRecord(), RefundLedgerEntry()
