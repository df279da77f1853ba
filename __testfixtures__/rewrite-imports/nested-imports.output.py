from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.models.core import Booking

try:
    from db.models.core import Customer
except ImportError:  # pragma: no cover
    Customer = None


def find(session):
    from db.models.identity import StationUser

    return session.query(StationUser).all()


class Repository:
    from db.models.core import BookingStatus

    def pending(self) -> "Booking":
        return self.BookingStatus.PENDING
