"""Legacy model package (being consolidated into ``db.models``).

Kept as a barrel so that ``from models import Booking`` keeps working while
callers move over; see the consolidation plan.
"""
from .booking import Booking
from .customer import Customer
from .escalation import Escalation
from .lead import Lead
from .review import CustomerReviewBlogPost

__all__ = ["Booking", "Customer", "CustomerReviewBlogPost", "Escalation", "Lead"]
