from platform_core.persistence.canonical_models import (  # noqa: F401
    Booking,
    Customer,
)
from platform_core.persistence.canonical_models import RefundLedgerEntry  # type: ignore[attr-defined]
