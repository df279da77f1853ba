from models.review import CustomerReviewBlogPost
from db.models.core import Booking
import bookings_api

BOOKING_TABLE = "models.bookings"
print(CustomerReviewBlogPost, Booking, bookings_api)
