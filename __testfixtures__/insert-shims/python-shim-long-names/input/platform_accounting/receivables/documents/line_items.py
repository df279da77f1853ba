"""Invoice documents (canonical)."""


class LineItemAdjustmentRecordForInvoices:
    pass


class InvoiceDocumentTemplateConfiguration:
    pass
