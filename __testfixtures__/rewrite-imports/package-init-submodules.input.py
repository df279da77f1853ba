"""The models package: its submodules' models at the top."""
from .booking import *
from .customer import Customer
from .social import SocialAccount

__all__ = ["Booking", "Customer", "SocialAccount"]
