def make():
    from acme import legacy

    return legacy.models.Booking()
