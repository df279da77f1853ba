"""Invoice documents (the old home)."""


class InvoiceLineItemAdjustmentRecord:
    pass


class InvoiceDocumentTemplateConfiguration:
    pass


def default_adjustment():
    return InvoiceLineItemAdjustmentRecord()
