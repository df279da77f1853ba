class Booking:
    pass
