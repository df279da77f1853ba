def late():
    from legacy.models import Booking, Customer as Client, PaymentIntentRecord

    return Booking(), Client(), PaymentIntentRecord()
