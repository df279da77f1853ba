from platform_core.persistence.canonical_models import Booking, Customer, PaymentIntentRecord, RefundLedgerEntry as LedgerEntry


def all_of_them():
    return Booking(), Customer(), PaymentIntentRecord(), LedgerEntry()
