from legacy.billing import Invoice
from legacy.billing.invoice import Invoice as RawInvoice
import legacy.billing.invoice

TARGET = "legacy.billing.invoice.Invoice"


def pay():
    return Invoice(), RawInvoice(), legacy.billing.invoice.Invoice
