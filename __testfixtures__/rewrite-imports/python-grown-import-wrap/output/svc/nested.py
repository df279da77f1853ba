def late():
    from platform_core.persistence.canonical_models import (
        Booking,
        Customer as Client,
        PaymentIntentRecord,
    )

    return Booking(), Client(), PaymentIntentRecord()
