from shop.orders import models


def test_order() -> None:
    assert models.Order(id=1).id == 1
