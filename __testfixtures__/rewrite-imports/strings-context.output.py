import logging

import uvicorn

log = logging.getLogger("models.booking")


def serve():
    """Serve the app; bookings come from models.booking.Booking (see the consolidation notes)."""
    uvicorn.run("db.models.core:create_app", factory=True)
    return "db.models.identity:StationUser", f"{log.name} models.customer"
