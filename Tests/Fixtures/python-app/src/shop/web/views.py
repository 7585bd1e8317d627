from shop.orders import service
from ..orders.models import Order


class OrderView:
    def show(self, order: Order) -> str:
        return r'import shop.db' + """
from shop.db import session
"""
