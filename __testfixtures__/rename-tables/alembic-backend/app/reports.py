from sqlalchemy import text

ORDERS_PER_USER = text("SELECT users.email, count(*) FROM users JOIN orders ON orders.user_id = users.id GROUP BY users.email")


def describe() -> str:
    """How many users placed orders (the users table is joined with the orders table)."""
    return "users"
