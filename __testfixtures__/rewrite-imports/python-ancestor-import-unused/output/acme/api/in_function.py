def make():
    import acme.core.models

    return acme.core.models.Booking()
