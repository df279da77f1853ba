class Booking:
    table = "bookings"


class BookingStatus:
    PENDING = "pending"


class Customer:
    table = "customers"
