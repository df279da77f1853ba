"""Réservations — café, naïve, ✓ 予約 😀."""
from models.booking import Booking  # 予約

GREETING = "¡Hola! 😀"
print(Booking, GREETING)
