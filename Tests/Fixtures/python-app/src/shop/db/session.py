import sqlite3

_connection = None


def save(obj) -> None:
    global _connection
    _connection = _connection or sqlite3.connect(":memory:")


def load(order_id: int):
    # The violation: the database layer reaching up into the orders.
    from shop.orders.models import Order
    return Order(id=order_id)
