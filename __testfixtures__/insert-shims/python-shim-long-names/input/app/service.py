from legacy.billing.invoicing.documents import (
    InvoiceDocumentTemplateConfiguration,
    InvoiceLineItemAdjustmentRecord,
)
from legacy.billing.invoicing.statements import render_statement_for_customer


def build(customer):
    return (
        InvoiceLineItemAdjustmentRecord(),
        InvoiceDocumentTemplateConfiguration(),
        render_statement_for_customer(customer),
    )
