from .billing import Invoice
