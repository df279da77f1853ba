import db.models.legacy.billing
import db.models.legacy as lm
from db.models.legacy import billing
from db.models.legacy import Invoice
from db.models.legacy.billing import Receipt
from db.models import legacy as legacy_models


@patch("db.models.legacy.billing.Invoice")
def charge(mock_invoice):
    a = db.models.legacy.billing.Invoice()
    b = lm.billing.Receipt(), billing.Invoice, legacy_models.Invoice
    return a, b, Invoice, Receipt, "legacy.models.billingx"
