from app.ext import db
import db.models.core as core


def save(session):
    return db.session, core.Booking
