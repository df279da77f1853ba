"""Réservations — café, naïve, ✓ 予約 😀."""
from db.models.core import Booking  # 予約

GREETING = "¡Hola! 😀"
print(Booking, GREETING)
