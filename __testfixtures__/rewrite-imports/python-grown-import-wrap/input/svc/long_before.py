from legacy.models import Booking, Customer, PaymentIntentRecord, RefundLedgerEntry


def refund():
    return Booking(), Customer(), PaymentIntentRecord(), RefundLedgerEntry()
