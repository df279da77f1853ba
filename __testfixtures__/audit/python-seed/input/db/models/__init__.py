"""Canonical models (SQLAlchemy 2.0 style)."""
from .core import Booking, Customer
from .identity import ApiUser, OAuthAccount
from .lead import BusinessSocialAccount

__all__ = ["Booking", "Customer", "ApiUser", "OAuthAccount", "BusinessSocialAccount"]
