from legacy.models import Booking, Customer, PaymentIntentRecord


def book():
    return Booking(), Customer(), PaymentIntentRecord()
