from platform_core.persistence.canonical_models import (
    Booking,
    Customer,
)  # noqa: F401
from platform_core.persistence.canonical_models import RefundLedgerEntry  # type: ignore[attr-defined]
