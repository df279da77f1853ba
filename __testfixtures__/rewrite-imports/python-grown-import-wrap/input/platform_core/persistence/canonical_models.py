class Booking:
    pass


class Customer:
    pass


class PaymentIntentRecord:
    pass


class RefundLedgerEntry:
    pass
