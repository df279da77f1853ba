import logging

import uvicorn

log = logging.getLogger("models.booking")


def serve():
    """Serve the app; bookings come from models.booking.Booking (see the consolidation notes)."""
    uvicorn.run("models.booking:create_app", factory=True)
    return "core.auth.station_models:UserStationAssignment", f"{log.name} models.customer"
