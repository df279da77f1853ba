import models.booking
import models.customer


def load(session):
    booking = session.get(models.booking.Booking, 1)
    module = models.booking
    return booking, models.customer.Customer, module
