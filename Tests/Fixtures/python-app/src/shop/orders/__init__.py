"""Orders: what a customer bought.

    from shop.web import views   # an example in a docstring is not an import
"""
from .models import Order
