class BookingModel:
    pass
