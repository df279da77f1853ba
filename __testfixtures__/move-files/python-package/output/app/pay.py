from attic.billing import Invoice
from attic.billing.invoice import Invoice as RawInvoice
import attic.billing.invoice

TARGET = "attic.billing.invoice.Invoice"


def pay():
    return Invoice(), RawInvoice(), attic.billing.invoice.Invoice
