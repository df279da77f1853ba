from platform_accounting.receivables.documents.line_items import (
    InvoiceDocumentTemplateConfiguration,
    LineItemAdjustmentRecordForInvoices,
)
from platform_accounting.receivables.statements.monthly import (
    render_statement_for_customer,
)


def build(customer):
    return (
        LineItemAdjustmentRecordForInvoices(),
        InvoiceDocumentTemplateConfiguration(),
        render_statement_for_customer(customer),
    )
