from app.ext import db
import models.booking


def save(session):
    return db.session, models.booking.Booking
