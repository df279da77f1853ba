from legacy.models import Booking, Customer, PaymentIntentRecord, RefundLedgerEntry as LedgerEntry


def all_of_them():
    return Booking(), Customer(), PaymentIntentRecord(), LedgerEntry()
