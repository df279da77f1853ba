import legacy.models.billing
import legacy.models as lm
from legacy.models import billing
from legacy.models import Invoice
from legacy.models.billing import Receipt
from legacy import models as legacy_models


@patch("legacy.models.billing.Invoice")
def charge(mock_invoice):
    a = legacy.models.billing.Invoice()
    b = lm.billing.Receipt(), billing.Invoice, legacy_models.Invoice
    return a, b, Invoice, Receipt, "legacy.models.billingx"
