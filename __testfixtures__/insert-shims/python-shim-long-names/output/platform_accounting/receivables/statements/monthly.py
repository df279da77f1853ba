"""Monthly statements (canonical)."""


class MonthlyCustomerStatement:
    pass


class StatementDeliveryPreference:
    pass


class StatementReconciliationSummary:
    pass


def render_statement_for_customer(customer):
    return MonthlyCustomerStatement()
