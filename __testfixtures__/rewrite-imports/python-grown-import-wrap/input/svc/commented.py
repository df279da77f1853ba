from legacy.models import Booking, Customer  # noqa: F401
from legacy.models import RefundLedgerEntry  # type: ignore[attr-defined]
