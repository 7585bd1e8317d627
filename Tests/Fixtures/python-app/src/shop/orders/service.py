from . import models
from ..db import session


def place(order: models.Order) -> None:
    session.save(order)
