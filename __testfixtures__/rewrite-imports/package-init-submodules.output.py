"""The models package: its submodules' models at the top."""
from .booking import *
from db.models.core import Customer
from db.models.lead import BusinessSocialAccount as SocialAccount

__all__ = ["Booking", "Customer", "SocialAccount"]
