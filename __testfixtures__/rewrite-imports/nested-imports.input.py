from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.booking import Booking

try:
    from models.customer import Customer
except ImportError:  # pragma: no cover
    Customer = None


def find(session):
    from core.auth.station_models import UserStationAssignment

    return session.query(UserStationAssignment).all()


class Repository:
    from models.booking import BookingStatus

    def pending(self) -> "Booking":
        return self.BookingStatus.PENDING
